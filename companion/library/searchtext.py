"""Words for search, the same way at build time and as the patient types.

Matches SQLite FTS5's unicode61 tokenizer with remove_diacritics 2: letters and digits make
words, everything else separates them, case and accents are folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")

# British and American spellings patients type; either finds the other.
SPELLING_VARIANTS: tuple[tuple[str, str], ...] = (
    ("tumour", "tumor"),
    ("tumours", "tumors"),
    ("anaemia", "anemia"),
    ("oedema", "edema"),
    ("diarrhoea", "diarrhea"),
    ("haemorrhage", "hemorrhage"),
    ("oestrogen", "estrogen"),
    ("leukaemia", "leukemia"),
    ("colour", "color"),
    ("oesophagus", "esophagus"),
    ("anaesthetic", "anesthetic"),
    ("haemoglobin", "hemoglobin"),
    ("behaviour", "behavior"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("paediatric", "pediatric"),
    ("orthopaedic", "orthopedic"),
    ("foetal", "fetal"),
)
_VARIANTS: dict[str, tuple[str, ...]] = {}
for _a, _b in SPELLING_VARIANTS:
    _VARIANTS[_a] = (*_VARIANTS.get(_a, ()), _b)
    _VARIANTS[_b] = (*_VARIANTS.get(_b, ()), _a)


def fold(text: str) -> str:
    """Lower case without accents: 'Névé' → 'neve'."""
    if text.isascii():  # nothing to decompose (most of the library): the quick way
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def compact(text: str) -> str:
    """The words run together: 'T-DXd' → 'tdxd', 'nab paclitaxel' → 'nabpaclitaxel'."""
    return "".join(words(text))


def variants(word: str) -> tuple[str, ...]:
    """The word and its other spellings."""
    return (word, *_VARIANTS.get(word, ()))


def index_names(names: Iterable[str]) -> str:
    """Names for the search index: each name, plus its run-together form when the name has
    two or three words ('T-DXd' is also indexed as 'tdxd')."""
    out: list[str] = []
    for name in names:
        if not name:
            continue
        out.append(name)
        parts = words(name)
        if 2 <= len(parts) <= 3:
            out.append("".join(parts))
    return " ; ".join(dict.fromkeys(out))
