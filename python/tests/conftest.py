"""Shared fixtures: the CLI to compare against, the repository's files, and
one Spark session for every Spark test (starting one takes seconds)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The wirediff binary of this checkout (WIREDIFF_BIN overrides)."""
    given = os.environ.get("WIREDIFF_BIN")
    path = Path(given) if given else ROOT / "target" / "release" / "wirediff"
    if not path.is_file():
        found = shutil.which("wirediff")
        if not found:
            pytest.fail(f"no wirediff binary at {path}: run `cargo build --release` first")
        path = Path(found)
    return path


def run_cli(cli: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(cli), *args],
        capture_output=True,
        check=False,
        env={"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1"},
    )


@pytest.fixture(scope="session")
def spark():
    """One local Spark session for all Spark tests (two cores, few shuffle
    partitions). Skipped, saying why, when Java or pyspark is missing."""
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java on this machine: the Spark tests need a JRE (openjdk-17-jre-headless)")
    pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    del pyspark
    s = (
        SparkSession.builder.master("local[2]")
        .appName("wirediff-tests")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def dedup_10k(tmp_path_factory) -> Path:
    """The 10k DEDUP workload of ../shared/bench (generated when absent)."""
    made = ROOT / "workloads" / "dedup" / "n10000.jsonl"
    if made.is_file():
        return made
    gen = SHARED / "bench" / "make_workloads.py"
    if not gen.is_file():
        pytest.skip(f"{gen} is absent: the 10k DEDUP workload cannot be generated")
    out = tmp_path_factory.mktemp("workloads")
    subprocess.run(
        [sys.executable, str(gen), str(out), "--sizes-align", "", "--sizes-dedup", "10000"],
        check=True,
        capture_output=True,
    )
    return out / "dedup" / "n10000.jsonl"
