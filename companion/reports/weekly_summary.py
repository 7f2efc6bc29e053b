"""The printed symptom report's first page: the weekly PRO-CTCAE check-ins ("in the last 7
days") and what got worse, ahead of the daily detail. One page: the latest weeks only."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QDate, QLocale

from companion.symptoms import weekly, wording
from companion.symptoms.service import SymptomService
from companion.translations import TranslationContext

MAX_WEEKS = 8  # columns that fit a portrait page
MAX_ROWS = 18


class WeeklySummary(TranslationContext):
    """The weekly summary page of the symptom report."""


def weekly_summary_html(service: SymptomService, start: date, end: date) -> str:
    """HTML for the weekly page (ending with a page break), or "" with no weekly check-in."""
    plan = service.plan
    weeks = plan.weeks(end, start)[-MAX_WEEKS:]  # only the period's weekly answers are read
    if not weeks:
        return ""
    title = WeeklySummary.tr("Weekly check-ins (PRO-CTCAE, the last 7 days each)")
    parts = [
        f"<h2>{escape(title)}</h2>",
        "<p class='muted'>"
        + escape(
            WeeklySummary.tr(
                "Each column is one weekly check-in; its answers cover the 7 days before that "
                "date. Daily answers (about one day) follow on the next pages and are not mixed "
                "in here. 0–4 are the PRO-CTCAE answer words in order (for example 0 Never, "
                "1 Rarely, 2 Occasionally, 3 Frequently, 4 Almost constantly)."
            )
        )
        + "</p>",
    ]
    worse = plan.worse_since(weeks[0].day - timedelta(days=1), end)
    marks = [plan.describe(m) for m in worse]
    parts.append(
        "<p><b>"
        + escape(
            WeeklySummary.tr(
                "Worse than the week before or the first week of this line: {items}"
            ).format(items=", ".join(marks))
            if marks
            else WeeklySummary.tr(
                "Nothing worse than the week before or the first week of this line."
            )
        )
        + "</b></p>"
    )
    numbers = plan.item_numbers()
    keys = sorted(
        {k for w in weeks for k in w.values},
        key=lambda k: (
            numbers.get(k[0], 999),
            list(service.attributes(k[0])).index(k[1]) if k[1] in service.attributes(k[0]) else 9,
        ),
    )[:MAX_ROWS]
    item_heading = WeeklySummary.tr("Item (NCI code)")
    header = "".join(
        f"<th>{escape(QLocale().toString(QDate(w.day.year, w.day.month, w.day.day), 'd MMM'))}</th>"
        for w in weeks
    )
    parts.append(
        "<table border='1' cellspacing='0' width='100%'><thead><tr>"
        f"<th width='40%'>{escape(item_heading)}</th>{header}</tr></thead>"
    )
    for symptom_id, attribute in keys:
        code = (
            weekly.item_code(numbers.get(symptom_id, 0), service.attributes(symptom_id), attribute)
            if attribute in service.attributes(symptom_id)
            else ""
        )
        name = f"{service.term(symptom_id)} · {wording.attribute_name(attribute)} ({code})"
        cells = []
        for w in weeks:
            value = w.values.get((symptom_id, attribute))
            cells.append("<td>–</td>" if value is None else f"<td>{value}</td>")
        parts.append(f"<tr><td>{escape(name)}</td>{''.join(cells)}</tr>")
    parts.append("</table>")
    parts.append("<p style='page-break-before: always; margin:0; font-size:1pt'>&nbsp;</p>")
    return "".join(parts)
