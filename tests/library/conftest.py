"""A tiny, valid library folder that tests can spoil one way at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCES = """
[source."A"]
url = "https://example.org/a"
title = "Source A"

[source."B"]
url = ""
title = "Source B, a local file"
"""

DOMAINS = """
[domain."example.org"]
kind = "literature"
reason = "Made up for tests."
"""

SYMPTOMS = """
[[symptom]]
id = "diarrhea"
term = "Diarrhea"
attributes = ["frequency"]
category = "Gastrointestinal"
pro_ctcae = true

[[symptom]]
id = "fever"
term = "Fever or chills"
attributes = ["presence"]
category = "Warning signs"
pro_ctcae = false
"""

RULES = """
[[rule]]
id = "fever-on-alpha"
symptom = "fever"
attribute = "presence"
min_answer = 1
drugs = ["alphamab"]
drug_classes = ["chemotherapy"]
sites = ["bone"]
urgency = "now"
message = "Call your care team now."
sources = ["A"]
"""

QUESTIONS = """
[[question]]
id = "q-one"
topic = "treatment"
text = "What are my choices?"
sources = ["A"]
"""

DRUG = """
id = "alphamab"
kind = "drug"
title = "Alphamab"
reviewed = "2026-11-23"
summary = "A made-up medicine for tests."
related = ["bone"]
aliases = ["alfamab"]
drug_class = "her2_antibody"
generic = "alphamab-xyz"
brands = ["Zorbex"]
abbreviations = ["A-MB"]
route = "Drip into a vein"

[[section]]
key = "how_it_works"
[[section.fact]]
text = "It blocks a signal."
sources = ["A"]
[[section.fact]]
text = "It is given often."
sources = ["A", "B"]
reviewed = "2026-11-20"
unverified = true

[[side_effect]]
symptom = "diarrhea"
text = "Loose stools"
serious = false
sources = ["A"]
"""

SITE = """
id = "bone"
kind = "site"
title = "Bone"
reviewed = "2026-11-23"
summary = "Cancer can spread to bone."

[[section]]
key = "what_it_is"
[[section.fact]]
text = "Bone is a common place."
sources = ["A"]
"""


@pytest.fixture
def tiny_library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    (root / "drugs").mkdir(parents=True)
    (root / "sites").mkdir()
    for name, text in (
        ("sources.toml", SOURCES),
        ("trusted_domains.toml", DOMAINS),
        ("symptoms.toml", SYMPTOMS),
        ("red_flags.toml", RULES),
        ("questions.toml", QUESTIONS),
        ("drugs/alphamab.toml", DRUG),
        ("sites/bone.toml", SITE),
    ):
        (root / name).write_text(text, encoding="utf-8")
    return root


def _spoil(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def spoil():  # type: ignore[no-untyped-def]
    """spoil(root, file, old, new): replace the first occurrence of old in a source file."""
    return _spoil
