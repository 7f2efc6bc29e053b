"""`companion export symptoms` and `companion import symptoms` from the command line."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from fixed_time import TODAY

from companion.cli import main


def test_export_csv_then_import_into_an_empty_profile_gives_the_same_file(
    demo_dir: Path, tmp_path: Path, capsys
) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert main(["--data-dir", str(demo_dir), "export", "symptoms", "-o", str(first)]) == 0
    assert "Wrote" in capsys.readouterr().out
    empty = tmp_path / "empty"
    assert main(["--data-dir", str(empty), "import", "symptoms", "--create", str(first)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert (
        main(["export", "symptoms", "--format", "csv", "-o", str(second), "--data-dir", str(empty)])
        == 0
    )
    assert second.read_bytes() == first.read_bytes()


def test_export_a_date_range_as_pdf(qapp, demo_dir: Path, tmp_path: Path, capsys) -> None:
    # qapp: the one QApplication of the test session (the CLI would otherwise start a
    # QGuiApplication of its own)
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    start = (TODAY - timedelta(days=30)).isoformat()
    code = main(
        [
            "--data-dir",
            str(demo_dir),
            "export",
            "symptoms",
            "--format",
            "pdf",
            "--from",
            start,
            "--to",
            TODAY.isoformat(),
            "-o",
            str(target),
        ]
    )
    assert code == 0
    reader = PdfReader(target)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Symptom report" in first
    assert "Maria Example" in first


def test_a_bad_import_prints_one_plain_line_and_changes_nothing(
    demo_dir: Path, tmp_path: Path, capsys
) -> None:
    before = tmp_path / "before.csv"
    main(["--data-dir", str(demo_dir), "export", "symptoms", "-o", str(before)])
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    shutil.copy(before, bad)
    with bad.open("a", encoding="utf-8") as handle:
        handle.write("2026-02-30,symptom,nausea,,severity,1,,,,,1\r\n")
    assert main(["--data-dir", str(demo_dir), "import", "symptoms", str(bad)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("companion: Line ")
    assert "not a real date" in error
    assert error.count("\n") == 1
    after = tmp_path / "after.csv"
    main(["--data-dir", str(demo_dir), "export", "symptoms", "-o", str(after)])
    assert after.read_bytes() == before.read_bytes()


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "symptoms", "--from", "31/01/2026", "-o", "x.csv"],
        ["export", "symptoms", "--format", "xls", "-o", "x.csv"],
    ],
)
def test_bad_options_are_refused(data_dir: Path, arguments: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(data_dir), *arguments])
    assert refused.value.code == 2
    assert "symptoms" in capsys.readouterr().err


def test_from_after_to_is_refused(data_dir: Path, capsys) -> None:
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "export",
            "symptoms",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-01",
            "-o",
            "x.csv",
        ]
    )
    assert code == 1
    assert "--from must not be after --to" in capsys.readouterr().err
