from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import CliRunner
from icalendar import Calendar
from pypdf import PdfReader

# The exports start a Qt application if none runs; let it be the one the UI tests share.
pytestmark = pytest.mark.usefixtures("qapp")


def test_export_visits_questions_and_brief(demo_dir: Path, tmp_path: Path, cli: CliRunner) -> None:
    ics = tmp_path / "visits.ics"
    status, out, _ = cli("--data-dir", str(demo_dir), "export", "visits", "-o", str(ics))
    assert status == 0 and "Wrote 2 upcoming visit(s)" in out
    assert len(Calendar.from_ical(ics.read_bytes()).walk("VEVENT")) == 2

    sheet = tmp_path / "questions.pdf"
    status, _, _ = cli(
        "export",
        "questions",
        "--visit",
        "next",
        "-o",
        str(sheet),
        "--data-dir",
        str(demo_dir),
    )
    assert status == 0
    assert "What did the latest CT scan show?" in " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(sheet).pages
    )

    brief = tmp_path / "brief.pdf"
    status, _, _ = cli(
        "--data-dir", str(demo_dir), "export", "brief", "--visit", "1", "-o", str(brief)
    )
    assert status == 0 and len(PdfReader(brief).pages) == 1


def test_plain_errors(demo_dir: Path, data_dir: Path, tmp_path: Path, cli: CliRunner) -> None:
    out = str(tmp_path / "x.pdf")
    status, _, err = cli("--data-dir", str(demo_dir), "export", "brief", "--visit", "99", "-o", out)
    assert status == 1 and err.startswith("companion: There is no visit number 99")
    status, _, err = cli(
        "--data-dir", str(demo_dir), "export", "brief", "--visit", "soon", "-o", out
    )
    assert status == 2 and "'soon' is not 'next' or a visit number" in err
    status, _, err = cli("--data-dir", str(data_dir), "export", "questions", "-o", out)
    assert status == 1 and "No profile found" in err
    assert not data_dir.exists()

    from companion.services import Services

    Services.open(data_dir).close()  # an empty profile: no visits at all
    status, _, err = cli("--data-dir", str(data_dir), "export", "questions", "-o", out)
    assert status == 1 and "There is no upcoming visit" in err
    assert not Path(out).exists()
