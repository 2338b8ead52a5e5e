"""Times `wirediff dedup` and the Spark job in local mode on the same input in
one run, checks they give the same JSONL, and reports the bytes Spark
shuffled (from its monitoring REST API), per article.

    python python/bench/spark_local.py target/release/wirediff INPUT.jsonl [--master local[2]]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("input")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", default="8")
    args = ap.parse_args()
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from wirediff import spark as ws

    t = time.time()
    cli = subprocess.run([args.cli, "dedup", args.input, "--format", "jsonl"], capture_output=True)
    t_cli = time.time() - t
    want = cli.stdout.decode().splitlines()
    articles = sum(1 for line in open(args.input, "rb") if line.strip())

    t = time.time()
    s = (
        SparkSession.builder.master(args.master)
        .config("spark.sql.shuffle.partitions", args.partitions)
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.ui.port", "4071")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    t_start = time.time() - t
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "out")
        t = time.time()
        n = ws.dedup(s, args.input, out)
        t_spark = time.time() - t
        got = [l for f in sorted(os.listdir(out)) if f.startswith("part-") for l in open(os.path.join(out, f))]
        got = [l.rstrip("\n") for l in got]
    app = s.sparkContext.applicationId
    ui = s.sparkContext.uiWebUrl
    stages = json.load(urllib.request.urlopen(f"{ui}/api/v1/applications/{app}/stages"))
    shuffled = sum(st.get("shuffleWriteBytes", 0) for st in stages)
    s.stop()
    print(
        json.dumps(
            {
                "input": args.input,
                "articles": articles,
                "pairs_cli": len(want),
                "pairs_spark": n,
                "same_jsonl": got == want,
                "cli_seconds": round(t_cli, 2),
                "spark_session_seconds": round(t_start, 2),
                "spark_job_seconds": round(t_spark, 2),
                "shuffle_write_bytes": shuffled,
                "shuffle_bytes_per_article": round(shuffled / max(articles, 1), 1),
                "master": args.master,
                "cores": os.cpu_count(),
                "load_average": os.getloadavg(),
            }
        )
    )


if __name__ == "__main__":
    main()
