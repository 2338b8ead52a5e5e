"""The bindings answer exactly what the CLI prints, and refuse bad input
with a Python exception."""

import json
import threading

import pytest

import wirediff

from conftest import ROOT, run_cli

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def cli_json(cli, *args):
    done = run_cli(cli, *args, "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def test_the_seeds_are_there():
    assert len(SEEDS) >= 2


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_sentences_and_quotes_match_the_cli(cli, seed):
    text = seed.read_text(encoding="utf-8")
    assert wirediff.sentences(text, name=str(seed)) == cli_json(cli, "sentences", str(seed))
    assert wirediff.quotes(text, name=str(seed)) == cli_json(cli, "quotes", str(seed))


def test_compare_matches_the_cli(cli):
    a, b = SEEDS[0], SEEDS[1]
    got = wirediff.compare(
        a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"), names=(str(a), str(b))
    )
    assert got == cli_json(cli, "compare", str(a), str(b))
    assert got["version"] == 1
    assert got["alignments"], "two reports of one event align somewhere"


def test_a_record_dict_is_read_as_a_jsonl_line(tmp_path, cli):
    record = {
        "id": "r1",
        "source": "Example Wire",
        "title": "Bridge reopens after repairs",
        "body": "The old bridge reopened on Monday after two years of repairs.\n\n"
        '"It was worth the wait," the mayor told reporters at the ribbon cutting.',
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    got = wirediff.quotes(record, name=str(path))
    assert got == cli_json(cli, "quotes", str(path))
    art = got["articles"][0]
    assert art["id"] == "r1" and art["source"] == "Example Wire"
    assert [q["speaker"] for q in art["quotes"]] == ["the mayor"]


@pytest.mark.parametrize(
    "bad, kind, words",
    [
        ("", ValueError, "empty"),
        ({"id": "x", "title": "No body"}, ValueError, "body"),
        ({"id": "x", "body": 42}, ValueError, "body"),
        (b"abc\0def", ValueError, "binary"),
        (12, TypeError, "int"),
        (None, TypeError, "NoneType"),
    ],
)
def test_bad_input_raises_a_clear_exception(bad, kind, words):
    with pytest.raises(kind) as e:
        wirediff.sentences(bad, name="input.txt")
    assert words in str(e.value)
    with pytest.raises(kind):
        wirediff.compare("Title\n\nA sentence of text here.", bad)


def test_threads_run_at_once_and_agree():
    # The GIL is released while Rust works, so threads are safe and useful.
    text = SEEDS[0].read_text(encoding="utf-8")
    want = wirediff.quotes(text)
    out = []
    threads = [threading.Thread(target=lambda: out.append(wirediff.quotes(text))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [want] * 4
