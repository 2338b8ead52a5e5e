from ._native import (
    Rarity as Rarity,
    compare as compare,
    keys as keys,
    quotes as quotes,
    sentences as sentences,
    signature as signature,
    verify as verify,
)
