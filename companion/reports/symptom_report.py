"""The symptom report for a date range (PDF or print): charts, the worst answer each week,
red flags and notes, with the patient's name and the dates on every page.

Answers are the patient's own reports on PRO-CTCAE answer scales; the report says so and
never calls them clinical grades.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, QLocale

from companion import collector
from companion.reports.pdf import ReportDocument, image_tag
from companion.reports.report_columns import columns_that_fit, worst_each_week
from companion.reports.symptom_chart_image import chart_image
from companion.reports.weekly_summary import weekly_summary_html
from companion.symptoms import esas, wording
from companion.symptoms.history import main_attribute, weekly_worst
from companion.symptoms.service import SymptomService
from companion.translations import TranslationContext, locale_date, locale_time

MAX_CHARTS = 10
WEEK_COLUMNS = 5  # at most this many symptoms per weekly table, so words fit the columns
WEEKLY_AFTER_DAYS = 42  # longer periods chart each week's worst answer, not every day
CHART_WIDTH = 480.0  # points
TABLE_OPEN = "<table border='1' cellspacing='0' width='100%'>"
# Qt's rich text drops the margin after a table, so a small spacer keeps headings off it.
TABLE_CLOSE = "</table><p style='margin:0; font-size:6pt'>&nbsp;</p>"


class SymptomReport(TranslationContext):
    """The printed symptom report."""


def _day(day: date) -> str:
    return locale_date(day)  # "3 Mar 2025": unambiguous in every country


def _long_day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _muted(text: str) -> str:
    return f"<p class='muted'>{escape(text)}</p>"


def _when_lines(moment: datetime | None) -> str:
    """The day over the time: a narrow column, so the patient's message gets the room."""
    if moment is None:
        return ""
    local = moment.astimezone()
    return f"{escape(_day(local.date()))}<br/>{escape(locale_time(local))}"


@collector.paused()  # bulk work (every answer of the period): see companion/collector.py
def build_symptom_report(
    service: SymptomService,
    patient_name: str,
    start: date | None = None,
    end: date | None = None,
) -> ReportDocument:
    history = service.history
    span = history.span()
    today = service.clock.today()
    if span is None:
        start = start or today
        end = end or today
    else:
        start = start or span[0]
        end = end or max(span[1], today if start <= today else span[1])
    rows = history.answers(start, end)
    periods = [p for p in history.periods() if p.start <= end and (p.end is None or p.end >= start)]
    flags = history.flags(start, end)
    notes = history.notes(start, end)
    totals = history.esas_totals(start, end)
    attributes = {t.id: t.attributes for t in service.vocabulary()}
    checkin_days = len({r[0] for r in rows})
    images = {}
    parts: list[str] = [
        "<style>"
        "h2 { font-size: 13pt; margin-top: 14pt; } "
        # Qt rich text reads neither padding shorthand nor pt on table cells: each side, in
        # px (reports are laid out at 72 dpi, so 1px is 1pt). <thead> rows repeat on each page.
        "td, th { padding-left: 4px; padding-right: 4px; padding-top: 1px; padding-bottom: 1px; } "
        "th { text-align: left; background: #eeeeee; } "
        ".muted { color: #444444; } "
        "</style>",
        _muted(
            SymptomReport.tr(
                "What the patient reported in the check-ins of HER2 Companion. Answers use "
                "the PRO-CTCAE answer words (for example None, Mild, Moderate, Severe, Very "
                "severe). They are the patient’s own reports, not clinical grades."
            )
        ),
        "<p>"
        + escape(
            SymptomReport.tr(
                "{days} check-in days, {answers} answers and {flags} red flags "
                "from {start} to {end}."
            ).format(
                days=checkin_days,
                answers=len(rows),
                flags=len(flags),
                start=_long_day(start),
                end=_long_day(end),
            )
        )
        + "</p>",
    ]
    parts.append(weekly_summary_html(service, start, end))  # its own page, first
    if periods:
        parts.append(_heading(SymptomReport.tr("Treatment in this period")) + "<ul>")
        for period in periods:
            until = _day(period.end) if period.end else SymptomReport.tr("ongoing")
            parts.append(
                f"<li>{escape(period.label)}: {escape(_day(period.start))} – {escape(until)}</li>"
            )
        parts.append("</ul>")

    # charts: symptoms with any answer above 0 first, the worst first
    worst: dict[str, int] = {}
    count: dict[str, int] = {}
    # each symptom's answers per attribute, in the rows' order: one pass, not one a chart
    answered: dict[str, dict[str, list[tuple[date, float]]]] = {}
    for day, symptom, attribute, value in rows:
        worst[symptom] = max(worst.get(symptom, 0), value)
        count[symptom] = count.get(symptom, 0) + 1
        answered.setdefault(symptom, {}).setdefault(attribute, []).append((day, float(value)))
    charted = sorted(
        (s for s in worst if worst[s] > 0), key=lambda s: (-worst[s], -count[s], service.term(s))
    )[:MAX_CHARTS]
    flag_marks = history.flag_symptoms(start, end)
    # Over more than six weeks a line through every day's answer is a tangle: each week's
    # worst answer, one step a week, shows the course (the tables below keep the detail).
    weekly = (end - start).days > WEEKLY_AFTER_DAYS
    if charted or totals:
        parts.append(_heading(SymptomReport.tr("Trends")))
        parts.append(
            _muted(
                SymptomReport.tr(
                    "Each week’s worst answer (Monday to Sunday); shaded: treatment lines; "
                    "black triangles: red flags."
                )
                if weekly
                else SymptomReport.tr(
                    "Each day’s answers; shaded: treatment lines; black triangles: red flags."
                )
            )
        )
    for index, symptom in enumerate(charted):
        by_attribute = answered[symptom]
        symptom_attributes = attributes.get(symptom) or tuple(by_attribute)
        series = {wording.attribute_name(a): by_attribute.get(a, []) for a in symptom_attributes}
        series = {
            name: worst_each_week(points) if weekly else points
            for name, points in series.items()
            if points
        }
        main = main_attribute(symptom_attributes)
        name = f"chart-{index}.png"
        images[name] = chart_image(
            service.term(symptom),
            series,
            wording.scale(main),
            max(wording.max_value(a) for a in symptom_attributes),
            start,
            end,
            periods,
            sorted(d for (d, s) in flag_marks if s == symptom),
            flag_label=SymptomReport.tr("Red flag"),
            step_days=7 if weekly else 0,
        )
        parts.append(f"<p>{image_tag(name, CHART_WIDTH)}</p>")
    complete = [t for t in totals if t.items == len(esas.ITEM_IDS)]
    if complete:
        images["esas.png"] = chart_image(
            SymptomReport.tr("ESAS-r total (0–{top})").format(top=esas.MAX_TOTAL),
            {SymptomReport.tr("Total"): [(t.day, float(t.total)) for t in complete]},
            [],
            esas.MAX_TOTAL,
            start,
            end,
            periods,
            sorted({f.day for f in flags}),
            flag_label=SymptomReport.tr("Red flag"),
            max_gap_days=15,
        )
        parts.append(f"<p>{image_tag('esas.png', CHART_WIDTH)}</p>")

    # the worst answer each week
    weeks = weekly_worst(rows, attributes)
    shown = [s for s in charted if any(s in w.worst for w in weeks)]
    shown += [s for s in sorted(worst) if s not in shown]
    if weeks:
        parts.append(_heading(SymptomReport.tr("Worst answer each week")))
        parts.append(
            _muted(
                SymptomReport.tr(
                    "For each week (Monday to Sunday) the worst answer the patient gave: how bad "
                    "it was, or how often when only that was asked."
                )
            )
        )
        fit = min(WEEK_COLUMNS, columns_that_fit([service.term(s) for s in shown]))
        tables = -(-len(shown) // fit)
        per_table = -(-len(shown) // tables)  # even split: 6 symptoms make 3 + 3, not 5 + 1
        for first in range(0, len(shown), per_table):
            group = shown[first : first + per_table]
            parts.append(f"{TABLE_OPEN}<thead><tr>")
            parts.append("<th>" + escape(SymptomReport.tr("Week of")) + "</th>")
            parts.extend(f"<th>{escape(service.term(s))}</th>" for s in group)
            parts.append("</tr></thead>")
            for week in weeks:
                parts.append(f"<tr><td nowrap>{escape(_day(week.week_start))}</td>")
                for symptom in group:
                    found = week.worst.get(symptom)
                    text = wording.answer_word(*found) if found else ""
                    strong = found is not None and found[1] >= 3
                    cell = f"<b>{escape(text)}</b>" if strong else escape(text)
                    parts.append(f"<td>{cell}</td>")
                parts.append("</tr>")
            parts.append(TABLE_CLOSE)

    parts.append(_heading(SymptomReport.tr("Red flags")))
    if flags:
        parts.append(f"{TABLE_OPEN}<thead><tr>")
        for caption in (
            SymptomReport.tr("Date"),
            SymptomReport.tr("Urgency"),
            SymptomReport.tr("Reported"),
            SymptomReport.tr("Message shown"),
            SymptomReport.tr("Read"),
        ):
            parts.append(f"<th>{escape(caption)}</th>")
        parts.append("</tr></thead>")
        for flag in flags:
            parts.append(
                "<tr>"
                f"<td nowrap>{escape(_day(flag.day))}</td>"
                f"<td>{escape(wording.urgency_name(flag.urgency))}</td>"
                f"<td>{escape(flag.reason)}</td>"
                f"<td>{escape(flag.message)}</td>"
                f"<td nowrap>{_when_lines(flag.acknowledged_at)}</td>"
                "</tr>"
            )
        parts.append(TABLE_CLOSE)
    else:
        parts.append(_para(SymptomReport.tr("No red flags in this period.")))

    parts.append(_heading(SymptomReport.tr("Notes and measurements")))
    if notes:
        parts.append(f"{TABLE_OPEN}<thead><tr>")
        for caption in (
            SymptomReport.tr("Date"),
            SymptomReport.tr("Temperature"),
            SymptomReport.tr("Weight"),
            SymptomReport.tr("Note"),
        ):
            parts.append(f"<th>{escape(caption)}</th>")
        parts.append("</tr></thead>")
        for entry in notes:
            temperature = ""
            if entry.temperature_c is not None:
                fahrenheit = wording.celsius_to_fahrenheit(entry.temperature_c)
                temperature = f"{entry.temperature_c:.1f} °C ({fahrenheit:.1f} °F)"
            weight = f"{entry.weight_kg:.1f} kg" if entry.weight_kg is not None else ""
            parts.append(
                "<tr>"
                f"<td nowrap>{escape(_day(entry.day))}</td><td nowrap>{escape(temperature)}</td>"
                f"<td>{escape(weight)}</td><td>{escape(entry.note)}</td>"
                "</tr>"
            )
        parts.append(TABLE_CLOSE)
    else:
        parts.append(_para(SymptomReport.tr("No notes or measurements in this period.")))
    if totals:
        parts.append(f"<p class='muted'>{escape(esas.acknowledgement())}</p>")
    return ReportDocument(
        title=SymptomReport.tr("Symptom report"),
        patient_name=patient_name,
        period=f"{_day(start)} – {_day(end)}",
        html="".join(parts),
        images=images,
        grayscale=True,  # black and greys only, so that a black-and-white printer shows all
    )
