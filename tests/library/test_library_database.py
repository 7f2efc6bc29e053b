"""The shipped database is what the sources say, and nothing can write to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from companion.library import database
from companion.library.build import build, main
from companion.library.service import LibraryService, default_database
from companion.library.sources import source_root
from companion.library.validate import validate


def test_library_sources_have_no_problems() -> None:
    assert validate(source_root()) == []


def test_shipped_database_matches_the_sources(tmp_path: Path) -> None:
    fresh = build(source_root(), tmp_path / "library.sqlite")
    shipped = database.open_read_only(default_database())
    try:
        recorded = database.meta(shipped)["content_hash"]
        actual = database.content_hash(shipped)
    finally:
        shipped.close()
    assert actual == recorded, "library.sqlite was changed after it was built"
    assert recorded == fresh.content_hash, (
        "library.sqlite is out of date: run python -m companion.library.build"
    )


def test_build_is_deterministic(tiny_library: Path, tmp_path: Path) -> None:
    one = build(tiny_library, tmp_path / "one.sqlite")
    two = build(tiny_library, tmp_path / "two.sqlite")
    assert one.content_hash == two.content_hash
    assert one.path.read_bytes() == two.path.read_bytes()


def test_a_changed_fact_changes_the_hash(tiny_library: Path, spoil, tmp_path: Path) -> None:
    before = build(tiny_library, tmp_path / "one.sqlite").content_hash
    spoil(tiny_library, "drugs/alphamab.toml", "It blocks a signal.", "It blocks two signals.")
    assert build(tiny_library, tmp_path / "two.sqlite").content_hash != before


def test_check_command_tells_whether_the_database_is_current(
    tiny_library: Path, spoil, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--source", str(tiny_library)]) == 0
    assert main(["--source", str(tiny_library), "--check"]) == 0
    spoil(tiny_library, "sites/bone.toml", "Bone is a common place.", "Bone is common.")
    assert main(["--source", str(tiny_library), "--check"]) == 1
    assert "does not match the sources" in capsys.readouterr().err


def test_the_database_cannot_be_written(tiny_library: Path, tmp_path: Path) -> None:
    path = build(tiny_library, tmp_path / "library.sqlite").path
    before = path.read_bytes()
    library = LibraryService(path)
    with pytest.raises(sqlite3.OperationalError):
        library._connection.execute("DELETE FROM entry")
    with pytest.raises(sqlite3.OperationalError):
        library._connection.execute("CREATE TABLE note (text TEXT)")
    library.close()
    assert path.read_bytes() == before


def test_a_missing_or_foreign_database_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(database.LibraryError, match="missing"):
        LibraryService(tmp_path / "nothing.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(database.LibraryError, match="another version"):
        LibraryService(other)


def test_service_reads_back_what_the_sources_say(tiny_library: Path, tmp_path: Path) -> None:
    library = LibraryService(build(tiny_library, tmp_path / "l.sqlite").path)
    drug = library.entry("alphamab")
    assert drug is not None and drug.brands == ("Zorbex",) and drug.drug_class == "her2_antibody"
    facts = drug.sections[0].facts
    assert [f.text for f in facts] == ["It blocks a signal.", "It is given often."]
    assert facts[1].sources == ("A", "B") and facts[1].unverified
    assert facts[1].reviewed == "2026-11-20" and facts[0].reviewed == "2026-11-23"
    assert library.drug_side_effect_symptoms(["alphamab"]) == ["diarrhea"]
    assert [e.id for e in library.entries_with_symptom("diarrhea")] == ["alphamab"]
    assert [r.id for r in library.rules_for_drug("alphamab")] == ["fever-on-alpha"]
    assert library.red_flag_rules()[0].sites == ("bone",)
    assert library.questions()[0].text == "What are my choices?"
    assert library.symptom("fever").attributes == ("presence",)  # type: ignore[union-attr]
    assert library.source("A").url == "https://example.org/a"  # type: ignore[union-attr]
    assert library.info["entries"] == "2"
