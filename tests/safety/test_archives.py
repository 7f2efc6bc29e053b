"""Finding 10 (moving laptops): export archive / import archive, validated like a restore."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.errors import CompanionError
from companion.paths import ProfilePaths
from companion.store.archive import import_archive
from tests.safety.conftest import folder_digest


@pytest.fixture
def archive(demo_dir: Path, tmp_path: Path, cli) -> Path:  # type: ignore[no-untyped-def]
    (demo_dir / "settings.ini").write_text("[appearance]\ntext_size=large\n")
    target = tmp_path / "move.her2"
    status, _out, err = cli("--data-dir", str(demo_dir), "export", "archive", "-o", str(target))
    assert status == 0, err
    return target


def _counts(database: Path) -> int:
    with sqlite3.connect(database) as db:
        count = db.execute("SELECT count(*) FROM symptom_answer").fetchone()[0]
    db.close()
    return int(count)


def test_an_archive_moves_the_profile_and_settings_to_a_new_computer(
    archive: Path, demo_dir: Path, tmp_path: Path, cli
) -> None:
    new = tmp_path / "new-laptop"
    status, _out, err = cli("--data-dir", str(new), "import", "archive", str(archive))
    assert status == 0, err
    assert _counts(new / "profile.sqlite") == _counts(demo_dir / "profile.sqlite")
    assert "text_size=large" in (new / "settings.ini").read_text()
    assert cli("--data-dir", str(new), "check")[0] == 0
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
    assert manifest["counts"]["symptom_answer"] == _counts(demo_dir / "profile.sqlite")
    assert len(manifest["sha256"]) == 64


def _rewrite(archive: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(archive) as source:
        members = {name: source.read(name) for name in source.namelist()}
    change(members)
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def _with_trigger(members: dict[str, bytes], tmp: Path) -> None:
    database = tmp / "t.sqlite"
    database.write_bytes(members["profile.sqlite"])
    with sqlite3.connect(database) as db:
        db.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON symptom_answer "
            "BEGIN DELETE FROM checkin WHERE id <> NEW.checkin_id; END"
        )
    db.close()
    members["profile.sqlite"] = database.read_bytes()
    manifest = json.loads(members["manifest.json"])
    import hashlib

    manifest["sha256"] = hashlib.sha256(members["profile.sqlite"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()


@pytest.mark.parametrize(
    "case",
    ["checksum", "extra member", "counts", "no manifest", "format", "trigger inside"],
)
def test_a_tampered_archive_is_refused_and_changes_nothing(
    archive: Path, demo_dir: Path, tmp_path: Path, cli, case: str
) -> None:
    def change(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        if case == "checksum":
            manifest["sha256"] = "0" * 64
        elif case == "extra member":
            members["../../evil.sh"] = b"rm -rf ~"
        elif case == "counts":
            manifest["counts"]["symptom_answer"] += 1
        elif case == "format":
            manifest["format"] = "something-else"
        if case == "no manifest":
            del members["manifest.json"]
        elif case == "trigger inside":
            _with_trigger(members, tmp_path)
        else:
            members["manifest.json"] = json.dumps(manifest).encode()

    bad = _rewrite(archive, tmp_path / "bad.her2", change)
    before = folder_digest(demo_dir)
    status, _, err = cli("--data-dir", str(demo_dir), "import", "archive", str(bad))
    assert status == 1 and "Nothing was changed" in err and err.count("\n") == 1, err
    assert folder_digest(demo_dir) == before
    assert not (tmp_path / "evil.sh").exists()
    assert not list(demo_dir.glob(".archive-*"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=4096), as_zip=st.booleans())
def test_random_bytes_as_an_archive_get_a_plain_message(
    junk: bytes, as_zip: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("p")
    paths = ProfilePaths(folder / "profile")
    source = folder / "junk.her2"
    if as_zip:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as out:
            out.writestr("manifest.json", junk)
            out.writestr("profile.sqlite", junk)
        source.write_bytes(buffer.getvalue())
    else:
        source.write_bytes(junk)
    with pytest.raises(CompanionError) as error:
        import_archive(paths, source)
    assert "Nothing was changed" in str(error.value)
    assert not paths.database.exists()
