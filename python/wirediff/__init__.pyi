from ._native import compare as compare, quotes as quotes, sentences as sentences
