"""Type hints of the compiled core (see the package docstring)."""

from typing import Any, Mapping, Union

Article = Union[str, bytes, Mapping[str, Any]]
Json = dict[str, Any]

def sentences(text: Article, name: str = "text") -> Json:
    """Story sentences, as ``wirediff sentences FILE --format json``.

    ``name`` is the input's name (``path`` in the JSON, and the article's id
    for plain text: its file stem)."""

def quotes(text: Article, name: str = "text") -> Json:
    """Sentences and quotations, as ``wirediff quotes FILE --format json``."""

def compare(a: Article, b: Article, names: tuple[str, str] = ("a", "b")) -> Json:
    """Alignment, word diffs, quotes and discrepancies of two articles, as
    ``wirediff compare A B --format json``."""

class Rarity:
    """Word rarity as the core's dedup knows it at one point of a stream:
    65,536 little-endian u32 document frequencies (one per word bucket) over
    ``docs`` articles."""

    def __init__(self, df: bytes, docs: int) -> None: ...

def signature(article: Article, name: str = "article") -> bytes:
    """The article's dedup signature: the core's versioned codec record
    (sketch, sentence-pair keys, id, outlet, time), about 500 bytes for a
    news article and never the text."""

def keys(signature: bytes) -> list[int]:
    """The sentence-pair keys the CLI's index lists the article under (u64)."""

def verify(earlier: bytes, later: bytes, rarity: Rarity | None = None) -> dict[str, Any] | None:
    """Relation and evidence of two signed articles as ``wirediff dedup``
    reports them (the JSONL fields but ``cluster``), or ``None``."""

# The Spark job's building blocks (see wirediff.spark).
def sign_line(path: str, stem: str, line: int, data: bytes) -> tuple[str, bytes, int, bytes] | str | None: ...
def index_tags(signature: bytes, rarity: Rarity) -> tuple[list[int], int, int]: ...
def verify_pair(
    earlier: bytes,
    later: bytes,
    rarity: Rarity,
    story_only: bool = False,
    salient_hit: bool = False,
    title_hit: bool = False,
) -> dict[str, Any] | None: ...
def clusters_as_written(pairs: list[tuple[int, int, str]]) -> list[int]: ...
def posting_caps() -> tuple[int, int]: ...
def chunk_size() -> int: ...
def twin_expand() -> int: ...
def story_min_shared() -> int: ...
def derive_id(path: str) -> str: ...
