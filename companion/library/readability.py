"""Flesch–Kincaid grade of patient-facing text.

Syllables come from Pyphen's hyphenation dictionary (bundled, offline): every word has at
least one syllable and each hyphenation point adds one. Pyphen slightly undercounts long
medical words, so the limits in the tests are set with that in mind.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)")


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    parts = 0
    for piece in word.split("-"):
        if piece:
            parts += max(1, len(_dictionary().positions(piece)) + 1)
    return max(1, parts)


def flesch_kincaid_grade(text: str) -> float:
    """Grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip() + " ")))
    total_syllables = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total_syllables / len(words) - 15.59
