"""Shared fixtures: the CLI to compare against, the repository's files, and
one Spark session for every Spark test (starting one takes seconds)."""

import os
import shutil
import subprocess
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
