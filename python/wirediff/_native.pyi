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
