"""wirediff for Python: the Rust core of the `wirediff` CLI, called in-process.

Every function returns what the CLI prints with ``--format json`` (the JSON v1
contract), as plain dicts and lists. An article is a ``str`` (plain text, the
first paragraph being the headline, as in a ``.txt`` file), ``bytes`` (read
as standard input is: JSON, JSONL or text) or a ``dict`` with the JSONL fields
(``id``, ``source``, ``title``, ``body``, ``published``, ...). Bad input raises
``ValueError`` (or ``TypeError`` for a value that is no article at all).

The dedup building blocks (``signature``, ``keys``, ``verify``) and the Spark
job (``python -m wirediff.spark``) give the same pairs as ``wirediff dedup``.
"""

from ._native import Rarity, compare, keys, quotes, sentences, signature, verify

__all__ = ["Rarity", "compare", "keys", "quotes", "sentences", "signature", "verify"]
