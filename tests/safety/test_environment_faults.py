"""Findings 5–9: damage at start, PDF on a full disk, read-only folders, odd paths,
accidents (mistyped folders, devices and pipes, newer schemas, CSV formulas)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from companion import errors
from companion.services import Services
from companion.store import Store
from tests.safety.conftest import digest, folder_digest
from tests.safety.faults import fill, tiny_disk


def _scribble(database: Path) -> bytes:
    for side in ("-wal", "-shm"):
        Path(str(database) + side).unlink(missing_ok=True)
    data = bytearray(database.read_bytes())
    data[4096 * 3 : 4096 * 3 + 300] = b"\xa5" * 300  # flip bytes inside a table page
    database.write_bytes(bytes(data))
    return bytes(data)


# -- 5. damage at start -------------------------------------------------------------------
def test_a_damaged_profile_is_refused_at_open_and_not_changed(demo_dir: Path) -> None:
    damaged = _scribble(demo_dir / "profile.sqlite")
    with pytest.raises(errors.DamagedProfileError) as error:
        Store.open(demo_dir)
    assert "damaged" in str(error.value)
    assert (demo_dir / "profile.sqlite").read_bytes() == damaged


def test_a_backup_of_a_damaged_profile_is_refused(demo_dir: Path, tmp_path: Path, cli) -> None:
    _scribble(demo_dir / "profile.sqlite")
    target = tmp_path / "b.sqlite"
    status, _, err = cli("--data-dir", str(demo_dir), "backup", "-o", str(target))
    assert status == 1 and "damaged" in err
    assert not target.exists() and not list(tmp_path.glob(".b.sqlite*"))


# -- 6. PDF export on a full disk ---------------------------------------------------------
def test_a_pdf_on_a_full_disk_is_an_error_and_the_old_report_stays(
    demo_dir: Path, tmp_path: Path, qapp
) -> None:
    from companion.reports.pdf import write_pdf
    from companion.reports.symptom_report import build_symptom_report

    services = Services.open(demo_dir)
    report = build_symptom_report(services.symptoms, "Demo", None, None)
    services.close()
    with tiny_disk(tmp_path / "disk", size_kb=160) as disk:
        target = disk / "report.pdf"
        target.write_bytes(b"%PDF-1.4 the good report from last week %%EOF")
        before = digest(target)
        fill(disk)
        with pytest.raises(errors.FileWriteError, match="disk is full"):
            write_pdf(report, target)
        assert digest(target) == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "report.pdf"]


# -- 7. read-only folders -----------------------------------------------------------------
@pytest.fixture
def read_only_profile(demo_template: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with tiny_disk(tmp_path / "ro", size_kb=4096) as disk:
        folder = disk / "profile"
        subprocess.run(["cp", "-a", str(demo_template), str(folder)], check=True)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        yield folder


def test_a_read_only_profile_opens_for_reading_and_refuses_saves_plainly(
    read_only_profile: Path,
) -> None:
    before = folder_digest(read_only_profile)
    services = Services.open(read_only_profile)
    try:
        assert services.store.read_only
        assert services.symptoms.history.day_states(None, None)  # the log reads
        with pytest.raises(errors.ReadOnlyError, match="read-only"):
            services.symptoms.set_note(date(2026, 2, 2), "x")
    finally:
        services.close()
    assert folder_digest(read_only_profile) == before


def test_check_calls_a_healthy_read_only_profile_healthy(read_only_profile: Path, cli) -> None:
    status, out, err = cli("--data-dir", str(read_only_profile), "check")
    assert status == 0, err
    assert "healthy" in out


def test_the_window_opens_on_a_read_only_profile(read_only_profile: Path, qtbot) -> None:
    from companion.app import build_main_window

    window = build_main_window(read_only_profile)
    qtbot.addWidget(window)
    assert window.services.store.read_only


def test_a_folder_the_user_made_read_only_stays_so(data_dir: Path) -> None:
    Store.open(data_dir).close()
    data_dir.chmod(0o500)
    try:
        Services.open(data_dir).close()
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o500
    finally:
        data_dir.chmod(0o700)


# -- 8. paths of any characters ------------------------------------------------------------
@pytest.mark.parametrize("name", ["q?x=1#a", "Maria%20data", "ü ñ 日本", "a'b\"c", "mode=ro&x"])
def test_a_profile_in_a_folder_of_any_name_works(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name / "profile"
    services = Services.open(folder)
    services.symptoms.set_note(date(2026, 2, 2), "kept")
    services.close()
    services = Services.open(folder)
    assert services.symptoms.day_state(date(2026, 2, 2)).note == "kept"
    services.close()
    strays = [p for p in tmp_path.rglob("*") if p.is_file() and folder not in p.parents]
    assert strays == []


# -- 9. accidents --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["export", "symptoms", "-o", "{out}"],
        ["export", "record", "-o", "{out}"],
        ["export", "visits", "-o", "{out}"],
        ["check"],
        ["backup"],
    ],
)
def test_a_mistyped_data_dir_creates_nothing(tmp_path: Path, cli, argv: list[str]) -> None:
    missing = tmp_path / "typo"
    out = tmp_path / "out.file"
    status, _, err = cli("--data-dir", str(missing), *[a.format(out=out) for a in argv])
    assert status == 1 and "No profile found" in err
    assert not missing.exists() and not out.exists()


def test_import_into_a_missing_profile_needs_create(tmp_path: Path, cli) -> None:
    csv = tmp_path / "in.csv"
    csv.write_text("date,kind,item,attribute,value\n", encoding="utf-8")
    status, _, err = cli("--data-dir", str(tmp_path / "typo"), "import", "symptoms", str(csv))
    assert status == 1 and "--create" in err
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("device", ["/dev/zero", "fifo"])
def test_devices_and_pipes_are_refused_without_hanging(
    demo_dir: Path, tmp_path: Path, device: str
) -> None:
    source = device
    if device == "fifo":
        source = str(tmp_path / "pipe.csv")
        os.mkfifo(source)
    code = (
        "import sys\nfrom companion.cli import main\n"
        "sys.exit(main(['--data-dir', sys.argv[1], 'import', 'symptoms', sys.argv[2]]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(demo_dir), source],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not an ordinary file" in done.stderr


def test_a_newer_schema_profile_is_not_changed_by_a_byte(demo_dir: Path) -> None:
    database = demo_dir / "profile.sqlite"
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("UPDATE alembic_version SET version_num='9999_future'")
    db.close()
    before = folder_digest(demo_dir)
    with pytest.raises(errors.SchemaTooNewError):
        Store.open(demo_dir)
    assert folder_digest(demo_dir) == before


def test_the_red_flag_rule_column_is_escaped_in_the_csv(services, tmp_path: Path) -> None:
    from companion.reports.symptom_csv_export import write_csv
    from companion.reports.symptom_csv_import import import_bytes

    hostile = (
        "date,kind,item,name,attribute,value,answer,text,recorded_at,acknowledged_at\r\n"
        "2026-01-02,red_flag,-2-3,Fever,now,,,Call now,2026-01-02T08:00:00Z,\r\n"
    )
    import_bytes(services.symptoms, hostile.encode("utf-8"))
    target = tmp_path / "out.csv"
    write_csv(services.symptoms, target)
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    flag = next(r for r in rows if ",red_flag," in r)
    assert flag.split(",")[2] == "'-2-3"
    again = Services.open(tmp_path / "second")
    try:
        import_bytes(again.symptoms, target.read_bytes())
        assert [f.rule_id for f in again.symptoms.day_state(date(2026, 1, 2)).flags] == ["-2-3"]
    finally:
        again.close()


def test_a_hostile_csv_changes_nothing(demo_dir: Path, tmp_path: Path, cli) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"date,kind,item,attribute,value\n2026-01-02,symptom,x,severity,9\n")
    before = folder_digest(demo_dir)
    status, _, err = cli("--data-dir", str(demo_dir), "import", "symptoms", str(bad))
    assert status == 1 and "nothing was imported" in err.lower()
    assert folder_digest(demo_dir) == before
    with pytest.raises(errors.ValidationError):
        raise errors.ValidationError("x")
