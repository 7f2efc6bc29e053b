"""The build refuses sources with problems and says where each problem is."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.library.build import LibrarySourceError, build
from companion.library.validate import validate


def test_the_tiny_library_is_valid(tiny_library: Path) -> None:
    assert validate(tiny_library) == []


BAD_CASES = [
    # (file, old text, new text, expected words in one problem)
    (
        "drugs/alphamab.toml",
        'text = "It blocks a signal."\nsources = ["A"]',
        'text = "It blocks a signal."',
        "section 1 (how_it_works) fact 1: has no source",
    ),
    (
        "drugs/alphamab.toml",
        'sources = ["A", "B"]',
        'sources = ["A", "NOPE"]',
        "unknown source tag 'NOPE'",
    ),
    (
        "drugs/alphamab.toml",
        'symptom = "diarrhea"',
        'symptom = "diarhea"',
        "side effect 1: unknown symptom 'diarhea'",
    ),
    (
        "drugs/alphamab.toml",
        'text = "Loose stools"\nserious = false\nsources = ["A"]',
        'text = "Loose stools"\nserious = false',
        "side effect 1: has no source",
    ),
    (
        "drugs/alphamab.toml",
        'related = ["bone"]',
        'related = ["liver"]',
        "unknown entry 'liver' in 'related'",
    ),
    (
        "drugs/alphamab.toml",
        'reviewed = "2026-11-23"',
        'reviewed = "23/11/2026"',
        "'reviewed' must be an ISO date",
    ),
    (
        "drugs/alphamab.toml",
        'reviewed = "2026-11-20"',
        'reviewed = "2026-13-01"',
        "fact 2: 'reviewed' must be an ISO date",
    ),
    (
        "drugs/alphamab.toml",
        'key = "how_it_works"',
        'key = "how_it_work"',
        "unknown section key 'how_it_work'",
    ),
    (
        "drugs/alphamab.toml",
        'drug_class = "her2_antibody"',
        'drug_class = "antibody"',
        "unknown drug_class 'antibody'",
    ),
    ("drugs/alphamab.toml", 'kind = "drug"', 'kind = "site"', "kind 'site' is not allowed"),
    ("drugs/alphamab.toml", 'id = "alphamab"', 'id = "betamab"', "does not match the file name"),
    ("drugs/alphamab.toml", 'route = "Drip', 'rute = "Drip', "unknown key 'rute'"),
    ("sites/bone.toml", 'id = "bone"', 'id = "alphamab"', "used by another entry"),
    ("red_flags.toml", 'sources = ["A"]', "sources = []", "has no source"),
    ("red_flags.toml", 'symptom = "fever"', 'symptom = "fevr"', "unknown symptom 'fevr'"),
    ("red_flags.toml", 'drugs = ["alphamab"]', 'drugs = ["gammamab"]', "unknown drug 'gammamab'"),
    ("red_flags.toml", 'sites = ["bone"]', 'sites = ["alphamab"]', "unknown site 'alphamab'"),
    (
        "red_flags.toml",
        'drug_classes = ["chemotherapy"]',
        'drug_classes = ["chemo"]',
        "unknown class 'chemo'",
    ),
    ("red_flags.toml", 'urgency = "now"', 'urgency = "soon"', "unknown urgency 'soon'"),
    ("red_flags.toml", "min_answer = 1", "min_answer = 4", "'min_answer' must be"),
    (
        "red_flags.toml",
        'attribute = "presence"',
        'attribute = "severity"',
        "has no attribute 'severity'",
    ),
    ("questions.toml", 'sources = ["A"]', 'sources = ["Z"]', "unknown source tag 'Z'"),
    ("questions.toml", 'topic = "treatment"', 'topic = "money"', "unknown topic 'money'"),
    ("symptoms.toml", 'id = "fever"', 'id = "diarrhea"', "id 'diarrhea' is used twice"),
    (
        "sources.toml",
        'url = "https://example.org/a"',
        'url = "example.org/a"',
        "'url' must be empty or start with https://",
    ),
    ("sources.toml", '[source."B"]', '[source."B"', "not valid TOML"),
    (
        "sources.toml",
        'url = "https://example.org/a"',
        'url = "https://www.droracle.ai/articles/1"',
        "'www.droracle.ai' is not a trusted domain",
    ),
    (
        "trusted_domains.toml",
        'reason = "Made up for tests."',
        'reason = ""',
        "'reason' is missing or empty",
    ),
    ("trusted_domains.toml", 'kind = "literature"', 'kind = "blog"', "unknown kind 'blog'"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), BAD_CASES)
def test_each_kind_of_mistake_is_reported_with_its_place(
    tiny_library: Path, spoil, name: str, old: str, new: str, expected: str
) -> None:
    spoil(tiny_library, name, old, new)
    problems = validate(tiny_library)
    assert any(expected in p for p in problems), problems
    assert all(p.split(":")[0].endswith(".toml") for p in problems), problems


def test_a_bad_library_is_not_built_and_the_old_database_stays(
    tiny_library: Path, spoil, tmp_path: Path
) -> None:
    output = tmp_path / "out" / "library.sqlite"
    first = build(tiny_library, output)
    before = output.read_bytes()
    spoil(tiny_library, "drugs/alphamab.toml", 'sources = ["A", "B"]', 'sources = ["X"]')
    with pytest.raises(LibrarySourceError) as caught:
        build(tiny_library, output)
    assert any("unknown source tag 'X'" in p for p in caught.value.problems)
    assert output.read_bytes() == before
    assert first.entries == 2 and first.facts == 3
    assert sorted(p.name for p in output.parent.iterdir()) == ["library.sqlite"]
