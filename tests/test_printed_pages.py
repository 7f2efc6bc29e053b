"""What a patient or doctor reads on the printed pages of the demo profile: charts at true
print size, header words never broken, doctor-facing warning lines, one date format."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from companion.reports.pdf import ReportDocument, write_pdf
from companion.reports.report_columns import columns_that_fit, worst_each_week
from companion.reports.symptom_report import build_symptom_report
from companion.reports.treatment_summary import build_treatment_summary
from companion.reports.visit_brief import visit_brief_for
from companion.services import Services
from companion.store.models import CheckIn, SymptomAnswer


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _image_widths_pt(path: Path) -> list[float]:
    """The printed width of each image: the x scales of the matrices (cm) between the
    image's 'q' and its 'Do', multiplied."""
    widths = []
    for page in PdfReader(path).pages:
        content = page.get_contents()
        data = content.get_data().decode("latin-1") if content is not None else ""
        for block in re.findall(r"\bq\n((?:(?!\bq\n).)*?) Do\b", data, flags=re.S):
            scales = re.findall(r"(-?[\d.]+) 0 0 -?[\d.]+ -?[\d.]+ -?[\d.]+ cm", block)
            if scales:
                width = 1.0
                for scale in scales:
                    width *= float(scale)
                widths.append(abs(width))
    return widths


def _split_words(text: str, words: list[str]) -> list[str]:
    """Words printed broken across two lines mid-word ('Constipatio' / 'n')."""
    broken = []
    for word in words:
        for cut in range(1, len(word)):
            if f"{word[:cut]}\n{word[cut:]}" in text:
                broken.append(f"{word[:cut]}|{word[cut:]}")
    return broken


def test_weekly_tables_never_break_a_symptom_name_mid_word(qapp, demo_dir: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    try:
        start, end = services.symptoms.history.span() or (date(2026, 1, 1), date(2026, 1, 1))
        start = end - timedelta(days=60)
        # Four more symptoms on the demo's last two months: ten, so tables of five columns
        # would put "Constipation" in a column narrower than the word.
        with services.store.session() as session:
            for row in session.scalars(select(CheckIn).where(CheckIn.day >= start)):
                for symptom in ("constipation", "shortness_of_breath", "hand_foot_syndrome"):
                    row.answers.append(
                        SymptomAnswer(symptom_id=symptom, attribute="severity", value=2)
                    )
                row.answers.append(
                    SymptomAnswer(symptom_id="vomiting", attribute="frequency", value=1)
                )
        report = build_symptom_report(services.symptoms, "Maria", start, end)
    finally:
        services.close()
    weekly = report.html.split("Worst answer each week")[1].split("Red flags")[0]
    names = re.findall(r"<th>([^<]+)</th>", weekly)
    assert "Constipation" in names and len(names) >= 12  # ten symptoms and "Week of"s
    target = tmp_path / "symptoms.pdf"
    write_pdf(report, target)
    text = _text(target)
    words = sorted({w for name in names for w in name.split() if len(w) > 3})
    assert not _split_words(text, words)
    assert columns_that_fit(["Constipation"] * 5) <= 4


def _symptom_report(demo_dir: Path, start: date, end: date) -> ReportDocument:
    services = Services.open(demo_dir)
    try:
        return build_symptom_report(services.symptoms, "Maria", start, end)
    finally:
        services.close()


def test_long_periods_chart_each_weeks_worst_and_charts_print_at_full_width(
    qapp, demo_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    report = _symptom_report(demo_dir, date(2026, 6, 4), date(2026, 12, 3))
    short = _symptom_report(demo_dir, date(2026, 11, 1), date(2026, 11, 30))
    assert "Each week’s worst answer" in report.html
    assert "Each day’s answers" in short.html
    target = tmp_path / "symptoms.pdf"
    write_pdf(report, target)
    widths = _image_widths_pt(target)
    assert widths and all(abs(w - 480) < 2 for w in widths), widths  # was 360: labels at 6 pt
    text = " ".join(_text(target).split())
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # one date format: "25 Aug 2026 20:12"
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}", text)  # when a flag was read


def test_worst_each_week_keeps_the_highest_answer_dated_by_its_monday() -> None:
    days = [(date(2026, 11, 30), 1.0), (date(2026, 12, 2), 3.0), (date(2026, 12, 6), 2.0)]
    days += [(date(2026, 12, 7), 0.0)]
    assert worst_each_week(days) == [(date(2026, 11, 30), 3.0), (date(2026, 12, 7), 0.0)]


def test_the_brief_tells_the_doctor_what_was_reported(qapp, demo_dir: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    try:
        flags = services.symptoms.history.flags()
        first, last = flags[0].day, flags[-1].day
        services.visits.add(datetime.combine(first - timedelta(days=5), time(9)), "oncologist")
        visit = services.visits.add(
            datetime.combine(last + timedelta(days=7), time(9)), "oncologist"
        )
        now = datetime.combine(last + timedelta(days=2), time(12))
        report = visit_brief_for(services, visit.id, now=now)
        target = tmp_path / "brief.pdf"
        assert write_pdf(report, target) == 1
    finally:
        services.close()
    text = " ".join(_text(target).split())
    assert len(flags) >= 2
    for flag in flags:  # what was reported, then what the app advised
        assert f"{flag.reason}; the app advised calling the care team at once." in text
    warnings = text.split("Warning signs")[1].split("Symptoms since")[0]
    assert "day or night" not in warnings and "…" not in warnings
    # The chart prints at its true size: 470 points wide, no longer three quarters of it.
    widths = _image_widths_pt(target)
    assert widths and all(abs(w - 470) < 2 for w in widths), widths


def test_the_treatment_summary_chart_prints_at_its_size(qapp, demo_dir: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    try:
        report = build_treatment_summary(services)
        target = tmp_path / "record.pdf"
        write_pdf(report, target)
    finally:
        services.close()
    widths = _image_widths_pt(target)
    assert widths and all(abs(w - 420) < 2 for w in widths), widths


def test_the_symptom_report_prints_its_charts_in_grey_levels_kept_whole(
    qapp, demo_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Black and greys only: the PDF is grey, its charts kept without JPEG's losses."""
    report = _symptom_report(demo_dir, date(2026, 6, 4), date(2026, 12, 3))
    assert report.images and all(image.allGray() for image in report.images.values())
    target = tmp_path / "symptoms.pdf"
    write_pdf(report, target)
    images = [
        xobject.get_object()
        for page in PdfReader(target).pages
        for xobject in page["/Resources"]["/XObject"].values()
    ]
    assert len(images) >= len(report.images)  # (pages may share one resource list)
    assert all(image["/ColorSpace"] == "/DeviceGray" for image in images)
    assert not any(image.get("/Filter") == "/DCTDecode" for image in images)
