"""An English word list (pyspellchecker's), asked only where a document's own words cannot tell a hyphen."""

from __future__ import annotations

from functools import cache


@cache
def _words() -> frozenset[str]:
    # Loaded on first use (half a second): most papers settle their line-end hyphens from their own words.
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def known(word: str) -> bool:
    """``word`` (any case) is a word of the English list."""
    return word.lower() in _words()
