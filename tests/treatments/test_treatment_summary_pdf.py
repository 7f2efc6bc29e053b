from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

from companion.reports.pdf import write_pdf
from companion.reports.treatment_summary import build_medicines_list, build_treatment_summary
from companion.services import Services


def _text(path: Path) -> str:
    """The PDF's words, with ligatures such as 'ﬁ' spelled out."""
    pages = PdfReader(path).pages
    return unicodedata.normalize(
        "NFKC", " ".join(" ".join(p.extract_text().split()) for p in pages)
    )


def test_treatment_summary_pdf_reads_back(qapp, demo_dir: Path, tmp_path: Path) -> None:
    services = Services.open(demo_dir)
    try:
        pages = write_pdf(build_treatment_summary(services), tmp_path / "summary.pdf")
        medicines = write_pdf(build_medicines_list(services), tmp_path / "medicines.pdf")
    finally:
        services.close()
    text = _text(tmp_path / "summary.pdf")
    assert pages >= 2 and f"Page {pages} of {pages}" in text
    for expected in (
        "Treatment summary",
        "Maria Example",
        "Line 2 (metastatic)",
        "Trastuzumab deruxtecan",
        "The cancer grew (progression)",
        "Radiation to the left breast",
        "Estrogen receptor (ER) changed from positive to negative",
        "Heart pumping strength (LVEF)",
        "Baseline (first reading) 63%",
        "CA 15-3",
        "Ondansetron",
        "HER2-positive",
    ):
        assert expected in text, expected
    assert "Dexamethasone" not in text.split("Medicines now")[1].split("Heart pumping")[0]

    listed = _text(tmp_path / "medicines.pdf")
    assert medicines == 1
    assert "My medicines" in listed and "Denosumab" in listed and "Dexamethasone" not in listed


def test_an_empty_record_prints_a_plain_page(qapp, services: Services, tmp_path: Path) -> None:
    write_pdf(build_treatment_summary(services), tmp_path / "empty.pdf")
    assert "Nothing has been recorded" in _text(tmp_path / "empty.pdf")


def test_export_record_as_pdf_from_the_command_line(demo_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from companion.cli import main

    out = tmp_path / "summary.pdf"
    status = main(
        ["export", "record", "--format", "pdf", "-o", str(out), "--data-dir", str(demo_dir)]
    )
    assert status == 0
    assert "Wrote the treatment summary" in capsys.readouterr().out
    text = _text(out)
    assert "Treatment summary" in text and "Trastuzumab deruxtecan" in text
    assert not out.with_name(out.name + ".partial").exists()
