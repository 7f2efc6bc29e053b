"""The question sheet and the visit brief as PDFs: text read back, fonts embedded, pages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize

from companion.reports.pdf import write_pdf
from companion.reports.question_sheet import question_sheet
from companion.reports.visit_brief import visit_brief, visit_brief_for
from companion.services import Services
from companion.store.models import CheckIn, RedFlagEvent, SymptomAnswer
from companion.visits.brief_data import gather_brief

SIZES = {
    "A4": (QPageSize.PageSizeId.A4, (595, 842)),
    "Letter": (QPageSize.PageSizeId.Letter, (612, 792)),
}


def page_texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def embedded_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) of every font the PDF uses."""
    fonts = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.append((str(font["/BaseFont"]), embedded))
    return fonts


def page_size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture
def demo_services(demo_dir: Path):  # type: ignore[no-untyped-def]
    opened = Services.open(demo_dir)
    yield opened
    opened.close()


@pytest.mark.parametrize("size", SIZES)
def test_question_sheet_of_the_demo(demo_services, tmp_path, size) -> None:
    page_id, points = SIZES[size]
    visit = demo_services.visits.next_visit()
    target = tmp_path / "sheet.pdf"
    sheet = question_sheet(demo_services.visits, visit.id, "Maria Example", page_id)
    pages = sheet.write_pdf(target)
    text = " ".join(page_texts(target))
    assert pages == len(page_texts(target)) == 1
    assert page_size(target) == points
    for expected in (
        "Questions for my visit",
        "Maria Example",
        "Oncologist (Dr. Okafor)",
        "Cancer Center, Clinic B",
        "1. What did the latest CT scan show?",
        "2. My ER status changed on the last biopsy.",
        "Page 1 of 1",
    ):
        assert expected in text
    fonts = embedded_fonts(target)
    assert fonts and all(embedded for _, embedded in fonts), fonts


@pytest.mark.parametrize("size", SIZES)
def test_a_question_never_parts_from_its_answer_space(services, tmp_path, size) -> None:
    page_id, _ = SIZES[size]
    visit = services.visits.add(datetime(2026, 6, 1, 9, 0), "oncologist", "Dr. Okafor")
    for n in range(1, 26):
        words = " ".join(["word"] * (n * 3 % 40))
        item = services.visits.add_question(visit.id, f"Question number {n} {words} end{n}?")
        if n == 7:
            services.visits.set_answer(item.id, "A long answer. " * 320)
        if n % 4 == 0:
            services.visits.set_asked(item.id, True)
    sheet = question_sheet(services.visits, visit.id, "Test Patient", page_id)
    target = tmp_path / "long.pdf"
    pages = sheet.write_pdf(target)
    texts = page_texts(target)
    assert pages == len(texts) > 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text
        assert "Test Patient" in text  # the header on every page
    for n in range(1, 26):
        start, end = f"{n}. Question number {n} ", f"end{n}?"
        holding = [t for t in texts if start in t]
        assert len(holding) == 1 and end in holding[0].split(start, 1)[1]
    # Every block, with its ruled lines, lies inside the body of its page.
    layout = sheet.last_layout
    assert layout is not None and len(layout.pages) == pages
    for page in layout.pages:
        for block, y in page:
            assert y + block.height <= layout.body_height + 0.5
    assert "the full answer is in the app" in " ".join(texts)


@pytest.mark.parametrize("size", SIZES)
def test_visit_brief_of_the_demo_is_one_page(demo_services, tmp_path, size) -> None:
    page_id, points = SIZES[size]
    visit = demo_services.visits.next_visit()
    target = tmp_path / "brief.pdf"
    assert write_pdf(visit_brief_for(demo_services, visit.id, page_id), target) == 1
    [text] = page_texts(target)
    assert page_size(target) == points
    for expected in (
        "Visit brief",
        "Maria Example",
        "Current treatment",
        "Tucatinib + trastuzumab + capecitabine",
        "Since the last visit on",
        "Nausea",
        "Worst answer",
        "The patient's top questions",
        "What did the latest CT scan show?",
        "Heart pumping (LVEF)",
        "CA 15-3",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    assert all(embedded for _, embedded in embedded_fonts(target))


def test_worst_answer_per_symptom_and_flags_in_the_brief(services) -> None:
    last = services.visits.add(datetime(2026, 5, 1, 9), "oncologist")
    nxt = services.visits.add(datetime(2026, 5, 20, 9), "oncologist")
    with services.store.session() as session:
        for offset, value in enumerate([1, 3, 2, 4, 0]):
            row = CheckIn(day=date(2026, 5, 2) + timedelta(days=offset))
            row.answers = [SymptomAnswer(symptom_id="nausea", attribute="severity", value=value)]
            if value == 4:
                row.red_flags = [
                    RedFlagEvent(rule_id="r", urgency="now", message="Call the team now.")
                ]
            session.add(row)
        session.add(CheckIn(day=date(2026, 4, 20), temperature_c=39.5))  # before the period
    data = gather_brief(
        services.symptoms.recap,
        services.treatments.recap,
        services.visits,
        {},
        nxt.id,
        datetime(2026, 5, 10, 12),
    )
    assert (data.start, data.end) == (last.day, date(2026, 5, 10))
    [nausea] = data.symptoms
    assert (nausea.worst, nausea.worst_word, nausea.days_reported, nausea.severe_days) == (
        4,
        "Very severe",
        4,
        2,
    )
    assert [f.message for f in data.red_flags] == ["Call the team now."]
    assert data.measurements.highest_temperature is None
    assert data.checkins == 5


def test_a_crowded_brief_is_shortened_to_one_page(services, tmp_path) -> None:
    services.visits.add(datetime(2026, 4, 1, 9), "oncologist")
    nxt = services.visits.add(datetime(2026, 5, 20, 9), "oncologist")
    with services.store.session() as session:
        for offset in range(40):
            row = CheckIn(day=date(2026, 4, 2) + timedelta(days=offset), temperature_c=37.0)
            row.answers = [
                SymptomAnswer(
                    symptom_id=f"symptom_{k}", attribute="severity", value=(k + offset) % 5
                )
                for k in range(14)
            ]
            row.red_flags = [
                RedFlagEvent(rule_id=f"rule-{offset}", urgency="now", message="Warning. " * 20)
            ]
            session.add(row)
    for n in range(12):
        services.visits.add_question(nxt.id, f"A fairly long question number {n} " + "x " * 60)
    data = gather_brief(
        services.symptoms.recap,
        services.treatments.recap,
        services.visits,
        {},
        nxt.id,
        datetime(2026, 5, 12, 12),
    )
    target = tmp_path / "crowded.pdf"
    assert write_pdf(visit_brief(data, "Test Patient", "F"), target) == 1
    [text] = page_texts(target)
    assert "more in the patient's record" in text and "see the app" not in text
    assert "°F" in text
