"""The printed treatment summary and the current medicines list (File ▸ Print on the
Treatments page). Both are plain HTML through the shared paged-PDF writer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from companion.medicines.wording import schedule_text
from companion.reports.lvef_image import lvef_image
from companion.reports.pdf import ReportDocument, image_tag
from companion.reports.qt_context import ensure_gui_application
from companion.translations import TranslationContext
from companion.treatments.her2 import change_explained
from companion.treatments.labels import (
    day_text,
    end_reason_label,
    fish_label,
    her2_category_label,
    receptor_label,
    site_label,
    test_kind_label,
)
from companion.treatments.record import TreatmentRecord

if TYPE_CHECKING:
    from companion.services import Services

LVEF_IMAGE = "lvef.png"


class TreatmentSummary(TranslationContext):
    """The printed treatment summary and medicines list."""


def _table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] = ()
) -> str:
    """A bordered table whose header row repeats on each page; widths are percentages of
    the page width, one per column."""
    head = "".join(
        f"<th align='left'{f' width={widths[i]}%' if widths else ''}>{escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        "style='border-collapse: collapse; border-color: #999; font-size: 11pt'>"
        f"<thead><tr>{head}</tr></thead>{body}</table>"
        # Qt drops the margin after a table; the spacer keeps the next heading off it.
        "<p style='margin:0; font-size:6pt'>&nbsp;</p>"
    )


def _section(title: str, body: str) -> str:
    return f"<h2 style='font-size: 14pt; margin-top: 14pt'>{escape(title)}</h2>{body}"


def _title(text: str) -> str:
    return f"<h1 style='font-size: 18pt'>{escape(text)}</h1>"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _footer() -> str:
    return (
        "<p style='color: #444; font-size: 10pt'>"
        + escape(
            TreatmentSummary.tr(
                "Made with HER2 Companion from what was recorded in it. It may be incomplete; "
                "your care team's records are the reference."
            )
        )
        + "</p>"
    )


def _as_of(today: date) -> str:
    return TreatmentSummary.tr("as of {day}").format(day=day_text(today))


def medicines_html(record: TreatmentRecord, today: date) -> str:
    listed = record.medicines.current_list(today)
    if not listed:
        return _para(TreatmentSummary.tr("No medicines recorded as taken now."))
    rows = [
        [
            m.name,
            m.purpose,
            m.how,
            day_text(m.since),
        ]
        for m in listed
    ]
    return _table(
        [
            TreatmentSummary.tr("Medicine"),
            TreatmentSummary.tr("What for"),
            TreatmentSummary.tr("Dose or how given"),
            TreatmentSummary.tr("Since"),
        ],
        rows,
    )


def schedules_html(record: TreatmentRecord, today: date) -> str:
    """The current schedules at home, with the label's instruction beside each."""
    service = record.schedules
    rows = [
        [s.name, schedule_text(s, today), service.instruction(s), day_text(s.start_date)]
        for s in service.schedules(on=today)
    ]
    if not rows:
        return ""
    return _table(
        [
            TreatmentSummary.tr("Medicine"),
            TreatmentSummary.tr("How it is taken (as entered)"),
            TreatmentSummary.tr("Label instruction"),
            TreatmentSummary.tr("Since"),
        ],
        rows,
        (20, 45, 20, 15),
    )


def build_medicines_list(services: Services, today: date | None = None) -> ReportDocument:
    today = today or services.clock.today()
    html = (
        _title(TreatmentSummary.tr("My medicines"))
        + _para(TreatmentSummary.tr("Everything I take now, {as_of}.").format(as_of=_as_of(today)))
        + medicines_html(services.treatments, today)
        + _footer()
    )
    return ReportDocument(
        title=TreatmentSummary.tr("Current medicines"),
        patient_name=services.profile.get().name,
        period=_as_of(today),
        html=html,
    )


def build_treatment_summary(services: Services, today: date | None = None) -> ReportDocument:
    ensure_gui_application()  # fonts and images need it, also from the command line
    today = today or services.clock.today()
    record = services.treatments
    parts = [_title(TreatmentSummary.tr("Treatment summary"))]
    images = {}

    sites = record.sites.sites()
    biopsies = record.biopsies.biopsies()
    diagnosis = []
    if sites:
        found = ", ".join(
            TreatmentSummary.tr("{site}: found {day}").format(
                site=site_label(s.site_id) + (f" ({s.detail})" if s.detail else ""),
                day=day_text(s.found_date),
            )
            for s in sites
        )
        diagnosis.append(
            _para(TreatmentSummary.tr("Where the cancer has spread: {sites}.").format(sites=found))
        )
    if biopsies:
        last = biopsies[-1]
        diagnosis.append(
            _para(
                TreatmentSummary.tr(
                    "Latest biopsy ({day}, {site}): {her2}; ER {er}, PR {pr}."
                ).format(
                    day=day_text(last.day),
                    site=last.site or TreatmentSummary.tr("place not given"),
                    her2=her2_category_label(last.her2_category),
                    er=receptor_label(last.er).lower(),
                    pr=receptor_label(last.pr).lower(),
                )
            )
        )
    changes = record.biopsies.changes()
    if changes:
        items = "".join(f"<li>{escape(c.text())}</li>" for c in changes)
        diagnosis.append(
            "<p><b>"
            + escape(TreatmentSummary.tr("Receptor changes between biopsies:"))
            + f"</b></p><ul>{items}</ul>"
            + _para(change_explained())
        )
    if diagnosis:
        parts.append(_section(TreatmentSummary.tr("Diagnosis and spread"), "".join(diagnosis)))

    lines = record.lines.lines()
    if lines:
        rows = []
        for line in reversed(lines):
            ended = ""
            if line.end_date is not None:
                ended = end_reason_label(line.end_reason)
                if line.end_note:
                    ended += f". {line.end_note}"
            drugs = ", ".join(
                d.display
                + (
                    " " + TreatmentSummary.tr("(stopped {day})").format(day=day_text(d.end_date))
                    if d.end_date
                    else ""
                )
                for d in line.drugs
            )
            given = sum(1 for a in line.administrations if a.kind == "given")
            events = [a for a in line.administrations if a.kind != "given"]
            details = drugs
            if given:
                details += "; " + TreatmentSummary.tr("{count} treatment days recorded").format(
                    count=given
                )
            for event in events:
                details += f"; {day_text(event.day)}: {event.note.rstrip('.')}"
            rows.append([line.label, line.name, details, line.dates, ended])
        parts.append(
            _section(
                TreatmentSummary.tr("Lines of treatment"),
                _table(
                    [
                        TreatmentSummary.tr("Line"),
                        TreatmentSummary.tr("Treatment"),
                        TreatmentSummary.tr("Drugs and notes"),
                        TreatmentSummary.tr("Dates"),
                        TreatmentSummary.tr("Why it ended"),
                    ],
                    rows,
                    (16, 19, 30, 15, 20),
                ),
            )
        )
    procedures = record.procedures.procedures()
    if procedures:
        rows = [
            [
                day_text(p.day) + (f" – {day_text(p.end_date)}" if p.end_date else ""),
                p.full_label,
                p.note,
            ]
            for p in procedures
        ]
        parts.append(
            _section(
                TreatmentSummary.tr("Surgery and radiation"),
                _table(
                    [
                        TreatmentSummary.tr("Date"),
                        TreatmentSummary.tr("What"),
                        TreatmentSummary.tr("Note"),
                    ],
                    rows,
                ),
            )
        )

    recorded = (
        lines
        or procedures
        or sites
        or biopsies
        or record.scans.tests()
        or record.medicines.current_list(today)
    )
    if not recorded:
        parts.append(
            _para(TreatmentSummary.tr("Nothing has been recorded on the Treatments page yet."))
        )
    parts.append(_section(TreatmentSummary.tr("Medicines now"), medicines_html(record, today)))
    schedules = schedules_html(record, today)
    if schedules:
        parts.append(_section(TreatmentSummary.tr("Medicines at home: schedules"), schedules))

    lvef = record.scans.lvef()
    if lvef.points:
        baseline = lvef.baseline[1] if lvef.baseline else None
        text = TreatmentSummary.tr("Latest {value:g}% on {day}.").format(
            value=lvef.points[-1][1], day=day_text(lvef.points[-1][0])
        )
        if lvef.baseline:
            text += " " + TreatmentSummary.tr(
                "Baseline (first reading) {value:g}% on {day}, dashed line."
            ).format(value=lvef.baseline[1], day=day_text(lvef.baseline[0]))
        body = _para(text)
        if len(lvef.points) > 1:
            images[LVEF_IMAGE] = lvef_image(lvef.points, baseline)
            body += f"<p>{image_tag(LVEF_IMAGE, 420)}</p>"
        body += _para("  ·  ".join(f"{day_text(d)}: {v:g}%" for d, v in lvef.points))
        parts.append(_section(TreatmentSummary.tr("Heart pumping strength (LVEF)"), body))

    markers = record.scans.markers()
    if markers:
        body = ""
        for marker in markers:
            readings = "  ·  ".join(f"{day_text(d)}: {v:g}" for d, v in marker.points)
            unit = f" ({marker.unit})" if marker.unit else ""
            body += f"<p><b>{escape(marker.name + unit)}</b>: {escape(readings)}</p>"
        parts.append(_section(TreatmentSummary.tr("Tumor markers"), body))

    tests = [t for t in record.scans.tests() if t.lvef_percent is None and t.marker_value is None]
    if tests:
        rows = [[day_text(t.day), test_kind_label(t.kind), t.summary] for t in tests]
        parts.append(
            _section(
                TreatmentSummary.tr("Scans and tests"),
                _table(
                    [
                        TreatmentSummary.tr("Date"),
                        TreatmentSummary.tr("Test"),
                        TreatmentSummary.tr("Result"),
                    ],
                    rows,
                ),
            )
        )

    if biopsies:
        rows = [
            [
                day_text(b.day),
                b.site,
                receptor_label(b.er),
                receptor_label(b.pr),
                b.her2_ihc or TreatmentSummary.tr("not done"),
                fish_label(b.her2_fish),
                her2_category_label(b.her2_category),
            ]
            for b in reversed(biopsies)
        ]
        parts.append(
            _section(
                TreatmentSummary.tr("Biopsies"),
                _table(
                    [
                        TreatmentSummary.tr("Date"),
                        TreatmentSummary.tr("Place"),
                        "ER",
                        "PR",
                        "HER2 IHC",
                        "HER2 FISH",
                        TreatmentSummary.tr("HER2 status"),
                    ],
                    rows,
                ),
            )
        )
    parts.append(_footer())
    return ReportDocument(
        title=TreatmentSummary.tr("Treatment summary"),
        patient_name=services.profile.get().name,
        period=_as_of(today),
        html="".join(parts),
        images=images,
    )
