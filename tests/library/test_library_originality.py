"""The library is written in our own words: no run of 8 words is the same as in a seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from companion.library.originality import RUN_LENGTH, fingerprint, fingerprints, runs
from companion.library.service import LibraryService

FINGERPRINTS = Path(__file__).with_name("seed_fingerprints.txt")
SEEDS = Path(os.environ.get("COMPANION_SEEDS", "/work/shared/seeds"))


def library_texts() -> list[tuple[str, str]]:
    library = LibraryService()
    titles = [(f"{e.id}: title", e.title) for e in library.entries()]
    routes = [(f"{e.id}: route", e.route) for e in library.entries() if e.route]
    return titles + routes + library.patient_texts()


def seed_fingerprints() -> set[str]:
    return set(FINGERPRINTS.read_text(encoding="utf-8").split())


def test_no_library_text_shares_eight_words_in_a_row_with_a_seed() -> None:
    seeds = seed_fingerprints()
    copied = [
        f"{where}: '{run}'"
        for where, text in library_texts()
        for run in runs(text)
        if fingerprint(run) in seeds
    ]
    assert not copied, "rewrite in our own words:\n" + "\n".join(copied)


def test_the_check_catches_a_copied_sentence_whatever_its_case_and_punctuation() -> None:
    # A sentence from seed 004 (WebMD), changed only in case and punctuation.
    copied = "FISH -- looks for EXTRA copies of the HER2 gene!"
    assert RUN_LENGTH == 8
    assert any(fingerprint(run) in seed_fingerprints() for run in runs(copied))
    assert not fingerprints(["FISH counts how many copies of the HER2 gene each cell holds."]) & (
        seed_fingerprints()
    )


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not on this machine")
def test_the_fingerprints_are_those_of_the_seed_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts
    assert fingerprints(texts) == seed_fingerprints()
