"""The Spark job gives exactly the CLI's pairs, relations and fields, and the
dedup building blocks agree with the CLI."""

import json

import pytest

import wirediff
from wirediff import spark as ws

from conftest import SHARED, run_cli

BASIL = SHARED / "eval" / "basil" / "articles.jsonl"


def cli_pairs(cli, path, codes=(0, 1)):
    """The CLI's pairs (exit 2 is allowed where records are skipped)."""
    done = run_cli(cli, "dedup", str(path), "--format", "jsonl")
    assert done.returncode in codes, done.stderr.decode()
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


STORY = [
    "A freight train left the rails near the river crossing early on Thursday.",
    "Eleven wagons carrying grain tipped over onto the embankment below.",
    "Nobody was hurt, the rail operator said in a short statement.",
    "Engineers expect the line to stay shut for at least four days.",
    "Commuters were told to take replacement buses between the two towns.",
    "Investigators from the safety board arrived at the scene by midday.",
]
OTHER = [
    "A new stadium opened in the capital on Sunday afternoon.",
    "Fans queued for hours to get inside the ground before kick-off.",
    "The club thanked the city for its patience during the building work.",
    "Tickets for the first match sold out within an hour of going on sale.",
]


def body(sentences):
    return "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))


def composed(tmp_path):
    """A small feed with what dedup must get right: identical copies (twins),
    an edited copy, a rewrite built on half of a story, unrelated news, a
    repeated id, a bad line and a blank line."""
    rec = lambda i, s, sents, title="Freight train derails": {"id": i, "source": s, "title": title, "body": body(sents)}
    lines = [
        rec("w1", "Wire", STORY),
        rec("s1", "Stadium Daily", OTHER, "Stadium opens"),
        rec("w2", "Paper A", STORY),
        rec("w3", "Paper B", STORY),
        rec("e1", "Paper C", [s.replace("Thursday", "Friday") for s in STORY]),
        rec("h1", "Paper D", STORY[:3] + OTHER[:2]),
        rec("w1", "Repeat", OTHER),
    ]
    text = [json.dumps(r) for r in lines]
    text.insert(3, "")
    text.insert(5, "{not json")
    text += [json.dumps(rec(f"c{i}", "Copies", STORY)) for i in range(10)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    return path


def test_spark_gives_the_cli_pairs_on_a_composed_feed(spark, cli, tmp_path):
    path = composed(tmp_path)
    want = cli_pairs(cli, path, codes=(2,))
    assert {p["relation"] for p in want} >= {"duplicate", "derived"}
    out = tmp_path / "out"
    problems = []
    assert ws.dedup(spark, str(path), str(out), problems) == len(want)
    # The CLI's messages for the bad line and the repeated id.
    done = run_cli(cli, "dedup", str(path), "--format", "jsonl")
    assert problems == [line.removeprefix("wirediff: ") for line in done.stderr.decode().splitlines()]
    assert len(problems) == 2
    got = [json.loads(l) for f in sorted(out.glob("part-*")) for l in f.read_text().splitlines()]
    assert got == want


def test_parquet_input_gives_the_same_pairs(spark, cli, tmp_path):
    path = composed(tmp_path)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    clean = tmp_path / "clean.jsonl"
    clean.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    pq = tmp_path / "feed.parquet"
    spark.createDataFrame(rows, "id string, source string, title string, body string").coalesce(1).write.parquet(str(pq))
    assert ws.pairs(spark, str(pq)) == cli_pairs(cli, clean, codes=(2,))


def test_spark_gives_the_cli_pairs_on_basil(spark, cli):
    if not BASIL.is_file():
        pytest.skip(f"{BASIL} is absent (the shared evaluation sets sit beside the repository)")
    want = cli_pairs(cli, BASIL)
    assert want, "BASIL has same-story pairs"
    assert ws.pairs(spark, str(BASIL)) == want


def test_spark_gives_the_cli_pairs_on_the_10k_workload(spark, cli, dedup_10k):
    want = cli_pairs(cli, dedup_10k)
    got = ws.related(spark, str(dedup_10k))
    assert [ws._public(p) for p in got] == want
    # Spark's connected components are the clusters the CLI's pairs make.
    parent = {}

    def find(v):
        while parent.get(v, v) != v:
            v = parent[v]
        return v

    final = {}
    for p in got:
        a, b = p["_seq"]
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    for p in got:
        final[p["_seq"][1]] = find(p["_seq"][1])
    comps = {(r["article"]): r["cluster"] for r in ws.clusters(spark, got).where("level = 2").collect()}
    assert {v: comps[v] for v in final} == final


def test_signatures_verify_as_the_cli_pairs(cli, tmp_path):
    path = composed(tmp_path)
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        records.setdefault(r["id"], r)
    sig = {i: wirediff.signature(r) for i, r in records.items()}
    assert all(400 > len(s) > 50 for s in sig.values())
    assert wirediff.keys(sig["w1"]) and set(wirediff.keys(sig["w1"])) == set(wirediff.keys(sig["w2"]))
    assert not set(wirediff.keys(sig["w1"])) & set(wirediff.keys(sig["s1"]))
    want = {(p["a"], p["b"]): p for p in cli_pairs(cli, path, codes=(2,)) if p["relation"] != "same-story"}
    for (a, b), p in want.items():
        got = wirediff.verify(sig[a], sig[b])
        assert got is not None, (a, b)
        assert got == {k: v for k, v in p.items() if k != "cluster"}
    assert wirediff.verify(sig["w1"], sig["s1"]) is None


@pytest.mark.parametrize("bad", [b"", b"\x01abc", b"not a signature at all"])
def test_a_bad_signature_raises(bad):
    good = wirediff.signature("Title\n\nOne sentence of a story here. And another one after it.")
    with pytest.raises(ValueError, match="signature"):
        wirediff.keys(bad)
    with pytest.raises(ValueError, match="signature"):
        wirediff.verify(good, bad)


def test_the_command_refuses_a_missing_input(tmp_path, capsys):
    assert ws.main(["dedup", str(tmp_path / "nope.jsonl"), str(tmp_path / "out")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
