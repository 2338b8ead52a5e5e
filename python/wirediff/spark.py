"""``wirediff dedup`` on Spark: the same pairs, with the same relations, as the CLI.

    python -m wirediff.spark dedup INPUT OUTPUT [--master URL]

INPUT is JSONL (one article a line) or Parquet (columns ``id, source, title,
body``, ``published`` optional); OUTPUT is a folder of JSONL part files, in
the CLI's order (by the later article's input position, then the earlier
one's), with the fields of ``wirediff dedup --format jsonl``.

Every decision is the Rust core's: the job only rebuilds, with Spark, the
state that the CLI's streaming ``Deduper`` keeps in memory, and hands it back
to the core:

1. each line is parsed and signed on the executors (``mapPartitions``); the
   signature (a sketch record of about 500 bytes and the sentence-pair keys)
   is what moves from then on, never the body;
2. input positions, as the CLI numbers accepted records (a repeated id is
   refused), and the chunks of ``CHUNK`` input lines the CLI reads at a time;
3. word document frequencies per chunk (the core's rarity is the one known
   at the end of an article's chunk), summed on the cluster, broadcast;
4. identical articles (twins): the first is indexed, the others pair as the
   CLI pairs them;
5. the candidate index: every key of every article (sentence pairs, rare
   salient terms, rare headline words, event keys) exploded as the core's
   32-bit index tag, grouped by tag, and each group replayed in input order
   with the core's chain caps, so each article sees exactly the earlier
   articles the CLI's capped chain held when it came;
6. candidate pairs verified on the executors by the core's ``verify``;
7. clusters per relation level by connected components (large-star /
   small-star over DataFrames).

The ``cluster`` field is the component's earliest article once the whole
input is known; the CLI, which writes as it reads, gives the earliest article
known when the line is written, so it can be later for a pair whose cluster
is joined by a later pair (the components themselves are the same).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections import Counter
from typing import Any, Iterable, Iterator

from . import _native

#: Records the CLI reads at a time; word rarity is the one known at the end
#: of an article's chunk.
CHUNK: int = _native.chunk_size()
#: Identical articles beyond this many in one group pair only with the first.
TWIN_EXPAND: int = _native.twin_expand()
POSTING_CAP, STORY_POSTING_CAP = _native.posting_caps()
STORY_MIN_SHARED: int = _native.story_min_shared()
BUCKETS = 1 << 16
#: Skipped records named one by one before the rest are counted.
PROBLEMS_SHOWN = 20

_ASCII_SPACE = b" \t\n\r\x0c"


def _lines(spark, path: str):
    """(1-based line number, bytes) of the input, in input order."""
    if path.endswith(".parquet") or os.path.isdir(path) and any(
        f.endswith(".parquet") for f in os.listdir(path)
    ):
        df = spark.read.parquet(path)
        fields = [c for c in ("id", "source", "title", "body", "published", "url", "authors") if c in df.columns]

        def row_json(row) -> bytes:
            # default=str: a Parquet timestamp becomes text, as in JSONL.
            return json.dumps({f: row[f] for f in fields}, ensure_ascii=False, default=str).encode("utf-8")

        rdd = df.rdd.map(row_json)
    else:
        rdd = spark.sparkContext.textFile(path, use_unicode=False)
    return rdd.zipWithIndex().map(lambda t: (t[1] + 1, t[0]))


def _sign(path: str, stem: str):
    def run(items: Iterable[tuple[int, tuple[int, bytes]]]) -> Iterator[tuple]:
        for k, (line, data) in items:
            got = _native.sign_line(path, stem, line, data)
            if got is None:
                continue
            if isinstance(got, str):
                # A record the CLI would skip, with its message.
                yield (k, None, got, 0, b"")
                continue
            ident, sig, content, words = got
            yield (k, ident, sig, content, words, line)

    return run


_RARITY: dict[int, Any] = {}


def _rarity(table, chunk: int):
    """The core's rarity for `chunk`, made once per executor process."""
    # Keyed by the run's token: a Python worker outlives one job.
    token, chunks = table.value
    r = _RARITY.get((token, chunk))
    if r is None:
        if len(_RARITY) > 64:
            _RARITY.clear()
        df, docs = chunks[chunk]
        r = _native.Rarity(df, docs)
        _RARITY[(token, chunk)] = r
    return r


def _replay(group: tuple[int, Iterable[tuple]]) -> Iterator[tuple]:
    """One index tag's chain, in input order: for each article listing or
    looking up the tag, the earlier articles the chain held then (newest
    first), as the CLI's capped chain does; the article is listed when the
    chain is shorter than its key's cap."""
    _, entries = group
    chain: list[int] = []
    for seq, j, cap, listed, kind in sorted(entries):
        visible = [y for y in chain if y < seq]
        if visible:
            yield (seq, (kind, j, visible))
        if listed and len(chain) < min(cap, 255):
            chain.insert(0, seq)


def _candidates(twins):
    """An article's candidates from what its keys saw, as the CLI's
    `Deduper::candidates` and `story_candidates`: (earlier, (later,
    story_only, salient_hit, title_hit))."""

    def run(item: tuple[int, Iterable[tuple]]) -> Iterator[tuple]:
        x, seen = item
        seen = sorted(seen, key=lambda s: s[1])
        later_of, first_of = twins.value
        own_first = first_of.get(x, x)
        overflow = own_first != x and x not in later_of.get(own_first, ())
        direct = sorted({y for kind, _, ys in seen if kind == 0 for y in ys})
        expanded: set[int] = set()
        for y in direct:
            expanded.add(y)
            if overflow and y == own_first:
                continue
            expanded.update(m for m in later_of.get(y, ()) if m < x)
        names: Counter = Counter()
        titles: set[int] = set()
        for kind, _, ys in seen:
            if kind == 0 or len(ys) >= STORY_POSTING_CAP:
                continue
            if kind == 1:
                names.update(ys)
            else:
                titles.update(ys)
        for y in sorted(expanded):
            yield (y, (x, False, False, False))
        story = {y for y, n in names.items() if n >= STORY_MIN_SHARED} | titles
        for y in sorted(story - expanded):
            yield (y, (x, True, names[y] >= STORY_MIN_SHARED, y in titles))

    return run


def _components(spark, edges: list[tuple[int, int]]) -> dict[int, int]:
    """Connected components (vertex -> its smallest vertex) by large-star /
    small-star (Kiveris et al. 2014) over DataFrames."""
    from pyspark.sql import functions as F

    if not edges:
        return {}
    e = spark.createDataFrame([(max(a, b), min(a, b)) for a, b in edges if a != b], "u long, v long")
    e = e.distinct()
    for _ in range(64):
        # Large star: each vertex's larger neighbours go to its smallest
        # neighbourhood member.
        both = e.union(e.select(F.col("v").alias("u"), F.col("u").alias("v")))
        m = both.groupBy("u").agg(F.min("v").alias("m")).select("u", F.least("m", "u").alias("m"))
        large = (
            both.join(m, "u")
            .where(F.col("v") > F.col("u"))
            .select(F.col("v").alias("u"), F.col("m").alias("v"))
        )
        # Small star: each vertex and its smaller neighbours go to the
        # smallest of them.
        m2 = large.groupBy("u").agg(F.min("v").alias("m"))
        small = (
            large.join(m2, "u")
            .select(F.col("v").alias("u"), F.col("m").alias("v"))
            .union(m2.select("u", F.col("m").alias("v")))
            .where(F.col("u") != F.col("v"))
            .distinct()
            .localCheckpoint()
        )
        if small.exceptAll(e).isEmpty() and e.exceptAll(small).isEmpty():
            e = small
            break
        e = small
    return {r["u"]: r["v"] for r in e.collect()}


def pairs(spark, path: str) -> list[dict]:
    """The related pairs of the articles at `path`, as `wirediff dedup
    --format jsonl` gives them, in its order (for notebooks; `dedup`
    writes them)."""
    return [_public(p) for p in related(spark, path)]


def related(spark, path: str, problems: list[str] | None = None) -> list[dict]:
    """`pairs` with each pair's input positions (earlier, later) as `_seq`.
    Records skipped (not JSON, no body, a repeated id) are counted in
    `problems`, which gets the first `PROBLEMS_SHOWN` messages as the CLI
    words them and then a line with the count of the others."""
    sc = spark.sparkContext
    stem = _native.derive_id(path)
    items = (
        _lines(spark, path)
        .filter(lambda t: t[1].strip(_ASCII_SPACE))
        .zipWithIndex()
        .map(lambda t: (t[1], t[0]))
    )
    from pyspark import StorageLevel

    # Signed once: kept (spilling to disk) for the passes below.
    everything = items.mapPartitions(_sign(path, stem)).persist(StorageLevel.MEMORY_AND_DISK)
    bad = everything.filter(lambda r: r[1] is None).map(lambda r: (r[0], r[2]))
    signed = everything.filter(lambda r: r[1] is not None)
    # A repeated id is refused: the first record keeps it.
    repeats = (
        signed.map(lambda r: (r[1], (r[0], r[5])))
        .groupByKey()
        .filter(lambda t: len(t[1]) > 1)
        .flatMap(lambda t: [(k, t[0], line) for k, line in sorted(t[1])[1:]])
        .collect()
    )
    refused = sc.broadcast({k for k, _, _ in repeats})
    if problems is not None:
        said = bad.takeOrdered(PROBLEMS_SHOWN) + [
            (k, f"{path}:{line}: duplicate id `{i}` (an earlier record has it); record skipped")
            for k, i, line in repeats
        ]
        total = bad.count() + len(repeats)
        problems.extend(m for _, m in sorted(said)[:PROBLEMS_SHOWN])
        if total > PROBLEMS_SHOWN:
            problems.append(f"{path}: {total - PROBLEMS_SHOWN} more records skipped")
    # seq: the CLI's input position of each accepted article.
    accepted = (
        signed.filter(lambda r: r[0] not in refused.value)
        .zipWithIndex()
        .map(lambda t: (t[1], t[0][0] // CHUNK, t[0]))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    # Word rarity as known at the end of each chunk.
    docs = dict(accepted.map(lambda t: t[1]).countByValue())

    def histogram(rows):
        import numpy as np

        out: dict[int, Any] = {}
        for _, chunk, r in rows:
            h = out.get(chunk)
            if h is None:
                h = out[chunk] = np.zeros(BUCKETS, dtype=np.uint32)
            h[np.frombuffer(r[4], dtype="<u2")] += 1
        return list(out.items())

    import numpy as np

    hists = dict(accepted.mapPartitions(histogram).reduceByKey(lambda a, b: a + b).collect())
    table: dict[int, tuple[bytes, int]] = {}
    total = np.zeros(BUCKETS, dtype=np.uint32)
    n = 0
    for c in range(max(docs, default=-1) + 1):
        if c in hists:
            total = total + hists[c]
        n += docs.get(c, 0)
        table[c] = (total.astype("<u4").tobytes(), n)
    rarity = sc.broadcast((uuid.uuid4().hex, table))
    # Twins: identical stories (same content hash), first indexed.
    groups = (
        accepted.filter(lambda t: t[2][3] != 0)
        .map(lambda t: (t[2][3], t[0]))
        .groupByKey()
        .filter(lambda t: len(t[1]) > 1)
        .map(lambda t: sorted(t[1]))
        .collect()
    )
    later_of = {g[0]: g[1:TWIN_EXPAND] for g in groups}
    first_of = {m: g[0] for g in groups for m in g}
    twins = sc.broadcast((later_of, first_of))

    def entries(t):
        seq, chunk, r = t
        tags, n_keys, n_salient = _native.index_tags(r[2], _rarity(rarity, chunk))
        listed = twins.value[1].get(seq, seq) == seq
        for j, tag in enumerate(tags):
            kind = 0 if j < n_keys else 1 if j < n_keys + n_salient else 2
            cap = POSTING_CAP if kind == 0 else STORY_POSTING_CAP
            yield (tag, (seq, j, cap, listed, kind))

    cands = (
        accepted.flatMap(entries)
        .groupByKey()
        .flatMap(_replay)
        .groupByKey()
        .flatMap(_candidates(twins))
    )
    sketches = accepted.map(lambda t: (t[0], (t[1], t[2][2])))

    def check(t):
        x, ((y, sig_y, story, names, title), (chunk_x, sig_x)) = t
        got = _native.verify_pair(
            sig_y,
            sig_x,
            _rarity(rarity, chunk_x),
            story_only=story,
            salient_hit=names,
            title_hit=title,
        )
        if got is not None:
            yield ((x, y), got)

    found = (
        cands.join(sketches)
        .map(lambda t: (t[1][0][0], (t[0], t[1][1][1]) + t[1][0][1:]))
        .join(sketches)
        .flatMap(check)
        .sortByKey()
        .collect()
    )
    # The cluster field as the CLI writes it (the core's clusters, replayed
    # in output order).
    everything.unpersist()
    accepted.unpersist()
    written = _native.clusters_as_written([(y, x, p["relation"]) for (x, y), p in found])
    out = []
    for ((x, y), p), c in zip(found, written):
        p["cluster"] = c
        p["_seq"] = (y, x)
        out.append(p)
    return out


LEVELS = {"duplicate": 0, "derived": 1, "same-story": 2}


def clusters(spark, found: list[dict]):
    # `found`: what `related` gives.
    """The final clusters of `pairs`' output by connected components in
    Spark: a DataFrame (level, article, cluster) of input positions, one row
    per article in a cluster of two or more; `level` 0 joins duplicates, 1
    duplicates and derived, 2 every related pair (as the CLI's levels)."""
    from pyspark.sql import functions as F

    # One run for the three levels: vertex 4 * position + level.
    edges = [
        (4 * p["_seq"][1] + lv, 4 * p["_seq"][0] + lv)
        for p in found
        for lv in range(LEVELS[p["relation"]], 3)
    ]
    comp = _components(spark, edges)
    rows = [(v % 4, v // 4, m // 4) for v, m in comp.items()]
    rows += [(m % 4, m // 4, m // 4) for m in set(comp.values())]
    return spark.createDataFrame(rows, "level int, article long, cluster long").orderBy("level", "article")


def _public(p: dict) -> dict:
    return {k: v for k, v in p.items() if not k.startswith("_")}


def dedup(spark, path: str, output: str, problems: list[str] | None = None) -> int:
    """Writes the related pairs of `path` to the folder `output` (JSONL part
    files, in order); returns their number. Skipped records go to
    `problems` (see `related`)."""
    found = related(spark, path, problems)
    lines = [json.dumps(_public(p), ensure_ascii=False, separators=(",", ":")) for p in found]
    spark.sparkContext.parallelize(lines, max(1, min(64, len(lines) // 100_000 + 1))).saveAsTextFile(output)
    return len(lines)


def session(master: str | None = None, app: str = "wirediff-dedup"):
    """A Spark session for the job: `master` (else Spark's default), the
    executors' Python the one running this."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        b = b.master(master)
    return b.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m wirediff.spark", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dedup", help="related pairs of a JSONL or Parquet corpus, as `wirediff dedup --format jsonl`")
    d.add_argument("input")
    d.add_argument("output", help="a folder to create, for the JSONL part files")
    d.add_argument("--master", help="Spark master URL (default: Spark's own, e.g. from spark-submit)")
    args = ap.parse_args(argv)
    if not os.path.exists(args.input):
        print(f"wirediff.spark: {args.input}: no such file or folder", file=sys.stderr)
        return 2
    if os.path.exists(args.output):
        print(f"wirediff.spark: {args.output}: already exists (the job writes a new folder)", file=sys.stderr)
        return 2
    spark = session(args.master)
    problems: list[str] = []
    try:
        n = dedup(spark, args.input, args.output, problems)
    finally:
        spark.stop()
    for p in problems:
        print(f"wirediff.spark: {p}", file=sys.stderr)
    print(f"wirediff.spark: {n} pairs written to {args.output}", file=sys.stderr)
    # As the CLI: records skipped make exit code 2, the pairs are written.
    return 2 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
