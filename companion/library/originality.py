"""Runs of words the library shares with another text (the seed articles it was written from).

Texts are compared as lower-case words with punctuation dropped, in runs of RUN_LENGTH.
The seed articles are not part of the repository, so their runs are kept only as short
hashes (tests/library/seed_fingerprints.txt), made with:

    python -m companion.library.originality /path/to/seeds > tests/library/seed_fingerprints.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

RUN_LENGTH = 8
_WORD = re.compile(r"[a-z0-9]+")


def normal_words(text: str) -> list[str]:
    """Lower-case words; apostrophes join ("don't" → "dont"), other punctuation splits."""
    return _WORD.findall(text.lower().replace("\u2019", "").replace("'", ""))


def runs(text: str, length: int = RUN_LENGTH) -> list[str]:
    words = normal_words(text)
    return [" ".join(words[i : i + length]) for i in range(len(words) - length + 1)]


def fingerprint(run: str) -> str:
    return hashlib.sha256(run.encode()).hexdigest()[:16]


def fingerprints(texts: Iterable[str]) -> set[str]:
    return {fingerprint(run) for text in texts for run in runs(text)}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m companion.library.originality SEED_FOLDER", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args[0]).glob("*.txt"))]
    for value in sorted(fingerprints(texts)):
        print(value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
