"""The visit brief: one page a doctor can read in two minutes.

Current treatment and since when, symptoms since the last visit (worst answer per symptom
and a small trend chart), warning signs, measurements and the patient's top questions.
If the page would overflow, lists are shortened (the full record stays in the app), so the
brief is always exactly one page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageSize

from companion.medicines.home_summary import home_medicines
from companion.reports import pdf
from companion.reports.brief_chart import MAX_SERIES, trend_chart
from companion.reports.brief_medicines import home_medicines_html
from companion.symptoms.recap import RedFlagInfo
from companion.translations import TranslationContext
from companion.treatments.recap import test_label
from companion.visits.brief_data import BriefData, gather_brief
from companion.visits.model import format_day, format_visit_time

if TYPE_CHECKING:
    from companion.services import Services

CHART_IMAGE = "brief-chart.png"
BRIEF_POINT_SIZE = 11


class VisitBrief(TranslationContext):
    """The printed visit brief."""


@dataclass(frozen=True)
class Limits:
    symptoms: int = 8
    flags: int = 3
    questions: int = 5
    changes: int = 2
    scans: int = 2
    chart_height: float = 120.0
    other_medicines: bool = True
    medicine_misses: int = 3


# Tried in order until the brief fits on one page.
LIMITS = (
    Limits(),
    Limits(symptoms=6, questions=4, changes=1, chart_height=100),
    Limits(symptoms=5, flags=2, questions=3, changes=1, scans=1, chart_height=85),
    Limits(
        symptoms=4, flags=1, questions=3, changes=0, scans=1, chart_height=75, other_medicines=False
    ),
    Limits(
        symptoms=3, flags=1, questions=2, changes=0, scans=0, chart_height=0, other_medicines=False
    ),
)


def _months(since: date, until: date) -> str:
    days = (until - since).days
    if days < 0:
        return ""
    if days < 62:
        return (
            VisitBrief.tr("{n} weeks").format(n=max(1, days // 7))
            if days >= 14
            else VisitBrief.tr("{n} days").format(n=days)
        )
    return VisitBrief.tr("{n} months").format(n=days // 30)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # end at a word, never mid-word ("day or nig…")
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;:") + "…"


def _more(count: int) -> str:
    if count <= 0:
        return ""
    text = escape(VisitBrief.tr("… and {n} more in the patient's record").format(n=count))
    return f'<p style="font-style:italic">{text}</p>'


def _flag_line(flag: RedFlagInfo) -> str:
    """For the doctor: what the patient reported and what the app advised, not the advice
    itself (that was written for the patient, and cut short it read "…day or nig…")."""
    advice = {
        "emergency": VisitBrief.tr("the app advised calling the emergency number"),
        "now": VisitBrief.tr("the app advised calling the care team at once"),
        "today": VisitBrief.tr("the app advised calling the care team the same day"),
    }.get(flag.urgency, flag.urgency)
    reported = flag.reason or _clip(flag.message, 90)
    return VisitBrief.tr("{reported}; {advice}.").format(reported=reported, advice=advice)


def _temperature(celsius: float, unit: str) -> str:
    if unit == "F":
        return f"{celsius * 9 / 5 + 32:.1f} °F"
    return f"{celsius:.1f} °C"


def brief_html(data: BriefData, patient_name: str, unit: str, limits: Limits) -> str:
    h = []
    visit = data.visit
    title = VisitBrief.tr("Visit brief")
    h.append(
        f'<p style="font-size:15pt; font-weight:600; margin-bottom:2pt">'
        f"{escape(title)}{' — ' + escape(patient_name) if patient_name else ''}</p>"
    )
    line = f"<b>{escape(format_visit_time(visit.starts_at))}</b> · {escape(visit.who())}"
    if visit.purpose:
        line += " · " + escape(_clip(visit.purpose, 90))
    h.append(f'<p style="margin-top:0">{line}<br/>')
    if data.since_visit is not None:
        since = VisitBrief.tr(
            "Since the last visit on {day} with {who}: {days} days, {n} check-ins."
        ).format(
            day=format_day(data.since_visit.day),
            who=data.since_visit.who(),
            days=(data.end - data.start).days,
            n=data.checkins,
        )
    else:
        since = VisitBrief.tr("The last {days} days ({start} to {end}): {n} check-ins.").format(
            days=(data.end - data.start).days,
            start=format_day(data.start),
            end=format_day(data.end),
            n=data.checkins,
        )
    h.append(escape(since) + "</p>")
    if data.worse:
        h.append(_heading(VisitBrief.tr("Worse in the weekly check-ins since the last visit")))
        h.append(_para(", ".join(data.worse[: limits.symptoms])))
        h.append(_more(len(data.worse) - limits.symptoms))

    h.append(_heading(VisitBrief.tr("Current treatment")))
    treatment = data.treatment
    if treatment is None:
        h.append(_para(VisitBrief.tr("No treatment line recorded as ongoing.")))
    else:
        setting = (
            VisitBrief.tr("metastatic")
            if treatment.setting == "metastatic"
            else VisitBrief.tr("early stage")
        )
        text = VisitBrief.tr(
            "<b>{regimen}</b> ({setting} line {number}) since {since} ({length})."
        ).format(
            regimen=escape(treatment.regimen),
            setting=escape(setting),
            number=treatment.number,
            since=escape(format_day(treatment.since)),
            length=escape(_months(treatment.since, data.end)),
        )
        if treatment.last_given:
            given = VisitBrief.tr("Last given {day}").format(day=format_day(treatment.last_given))
            if treatment.last_cycle:
                given += " " + VisitBrief.tr("(cycle {n})").format(n=treatment.last_cycle)
            text += " " + escape(given) + "."
        for day, kind, note in treatment.changes[: limits.changes]:
            what = VisitBrief.tr("Dose change") if kind == "dose_change" else VisitBrief.tr("Delay")
            text += "<br/>" + escape(f"{format_day(day)} — {what}: {_clip(note, 90)}")
        if limits.other_medicines and treatment.other_medicines:
            text += "<br/>" + escape(
                VisitBrief.tr("Other medicines: {names}.").format(
                    names=", ".join(treatment.other_medicines)
                )
            )
        h.append(f"<p>{text}</p>")

    if data.medicines:
        h.append(_heading(VisitBrief.tr("Medicines at home since the last visit")))
        h.append(home_medicines_html(data.medicines, limits.medicine_misses))

    h.append(_heading(VisitBrief.tr("Warning signs since the last visit")))
    if not data.red_flags:
        h.append(_para(VisitBrief.tr("None recorded.")))
    else:
        items = "".join(
            f"<li><b>{escape(format_day(f.day))}</b>: {escape(_flag_line(f))}</li>"
            for f in data.red_flags[: limits.flags]
        )
        h.append(f'<ul style="margin-top:0; margin-bottom:0">{items}</ul>')
        h.append(_more(len(data.red_flags) - limits.flags))

    h.append(_heading(VisitBrief.tr("Symptoms since the last visit (reported by the patient)")))
    if not data.symptoms:
        h.append(_para(VisitBrief.tr("No symptoms recorded in this period.")))
    else:
        columns = (
            (VisitBrief.tr("Symptom"), 34),
            (VisitBrief.tr("Worst answer"), 22),
            (VisitBrief.tr("Days reported"), 20),
            (VisitBrief.tr("Days severe or worse"), 24),
        )
        rows = [
            "<tr>"
            + "".join(f'<th align="left" width="{w}%">{escape(c)}</th>' for c, w in columns)
            + "</tr>"
        ]
        for s in data.symptoms[: limits.symptoms]:
            worst = f"<b>{escape(s.worst_word)}</b>" if s.worst >= 3 else escape(s.worst_word)
            rows.append(
                f"<tr><td>{escape(s.term)}</td><td>{worst}</td>"
                f"<td>{s.days_reported}</td><td>{s.severe_days}</td></tr>"
            )
        h.append(
            '<table width="100%" cellspacing="0" cellpadding="1" style="margin-bottom:2pt">'
            + "".join(rows)
            + "</table>"
        )
        h.append(_more(len(data.symptoms) - limits.symptoms))
        if limits.chart_height:
            image = pdf.image_tag(CHART_IMAGE, CHART_WIDTH, limits.chart_height)
            spacer = '<p style="margin:0; font-size:6pt">&nbsp;</p>'  # Qt drops table margins
            h.append(f'{spacer}<p style="margin-top:0; margin-bottom:0">{image}</p>')
            caption = VisitBrief.tr(
                "Daily answers of the worst symptoms: 0 = none, 4 = the most "
                "(Very severe, Almost constantly or Very much)."
            )
            h.append(f'<p style="font-size:8.5pt; margin-top:0">{escape(caption)}</p>')

    h.append(_heading(VisitBrief.tr("Measurements")))
    h.append(_measurements(data, unit, limits))

    h.append(_heading(VisitBrief.tr("The patient's top questions")))
    if not data.questions:
        h.append(_para(VisitBrief.tr("No open questions on the list.")))
    else:
        items = "".join(
            f"<li>{escape(_clip(q.text, 170))}</li>" for q in data.questions[: limits.questions]
        )
        h.append(f'<ol style="margin-top:0; margin-bottom:0">{items}</ol>')
        h.append(_more(len(data.questions) - limits.questions))
    h.append(
        '<p style="font-size:8.5pt; font-style:italic; margin-top:6pt">'
        + escape(
            VisitBrief.tr(
                "Written by the patient with HER2 Companion. Symptom answers use the patient's "
                "own PRO-CTCAE words; they are not clinical grades."
            )
        )
        + "</p>"
    )
    return f'<div style="font-size:{BRIEF_POINT_SIZE}pt">' + "".join(h) + "</div>"


CHART_WIDTH = 470.0


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _heading(text: str) -> str:
    return (
        f'<p style="font-size:12pt; font-weight:600; margin-top:7pt; margin-bottom:1pt">'
        f"{escape(text)}</p>"
    )


def _measurements(data: BriefData, unit: str, limits: Limits) -> str:
    rows: list[tuple[str, str]] = []
    m = data.measurements
    if m.highest_temperature:
        day, value = m.highest_temperature
        rows.append(
            (
                VisitBrief.tr("Temperature"),
                VisitBrief.tr("highest {value} on {day}").format(
                    value=_temperature(value, unit), day=format_day(day)
                ),
            )
        )
    if m.weight_first and m.weight_last:
        (d1, w1), (d2, w2) = m.weight_first, m.weight_last
        text = VisitBrief.tr("{last:.1f} kg on {day}").format(last=w2, day=format_day(d2))
        if d1 != d2:
            text += " " + VisitBrief.tr("({change:+.1f} kg since {first})").format(
                change=w2 - w1, first=format_day(d1)
            )
        rows.append((VisitBrief.tr("Weight"), text))
    if data.lvef:
        day, value = data.lvef[0]
        text = VisitBrief.tr("{value:.0f}% on {day}").format(value=value, day=format_day(day))
        if len(data.lvef) > 1:
            text += " " + VisitBrief.tr("(before: {value:.0f}% on {day})").format(
                value=data.lvef[1][1], day=format_day(data.lvef[1][0])
            )
        rows.append((VisitBrief.tr("Heart pumping (LVEF)"), text))
    for marker in data.markers:
        day, value = marker.latest
        text = f"{value:g} {marker.unit} " + VisitBrief.tr("on {day}").format(day=format_day(day))
        if marker.previous:
            text += " " + VisitBrief.tr("(before: {value:g} on {day})").format(
                value=marker.previous[1], day=format_day(marker.previous[0])
            )
        rows.append((marker.name, text))
    for scan in data.scans[: limits.scans]:
        label = test_label(scan.kind)
        rows.append(
            (
                label[:1].upper() + label[1:],
                f"{format_day(scan.day)}: {_clip(scan.summary, 110)}"
                if scan.summary
                else format_day(scan.day),
            )
        )
    if not rows:
        return _para(VisitBrief.tr("None recorded."))
    body = "".join(
        f'<tr><td width="28%"><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>' for k, v in rows
    )
    table = '<table width="100%" cellspacing="0" cellpadding="1" style="margin-bottom:3pt">'
    spacer = '<p style="margin:0; font-size:3pt">&nbsp;</p>'  # Qt drops margins after tables
    return f"{table}{body}</table>{spacer}"


def visit_brief(
    data: BriefData,
    patient_name: str,
    temperature_unit: str = "C",
    page_size: QPageSize.PageSizeId | None = None,
) -> pdf.ReportDocument:
    """The one-page brief as a report for write_pdf() or the print preview."""
    period = f"{format_visit_time(data.visit.starts_at)} — {data.visit.who()}"
    report = pdf.ReportDocument(
        title=VisitBrief.tr("Visit brief"),
        patient_name=patient_name,
        period=period,
        html="",
        page_size=page_size,
    )
    for limits in LIMITS:
        report.html = brief_html(data, patient_name, temperature_unit, limits)
        report.images = (
            {
                CHART_IMAGE: trend_chart(
                    list(data.symptoms[:MAX_SERIES]),
                    data.start,
                    data.end,
                    CHART_WIDTH,
                    limits.chart_height,
                )
            }
            if limits.chart_height and data.symptoms
            else {}
        )
        if pdf.page_count(report) == 1:
            break
    return report


def visit_brief_for(
    services: Services,
    visit_id: int,
    page_size: QPageSize.PageSizeId | None = None,
    now: datetime | None = None,
) -> pdf.ReportDocument:
    """Gather and lay out the brief of one visit from an open profile's Services."""
    profile = services.profile.get()
    terms = services.visit_suggestions.symptom_terms()
    data = gather_brief(
        services.symptoms.recap, services.treatments.recap, services.visits, terms, visit_id, now
    )
    plan = services.symptoms.plan
    worse = plan.worse_since(data.start - timedelta(days=1), data.end)
    data = replace(data, worse=tuple(plan.describe(m) for m in worse))
    at = now or services.clock.wall_now()
    medicines = home_medicines(services.treatments.schedules, data.start, data.end, at)
    data = replace(data, medicines=tuple(medicines))
    # From the history: a sign the patient corrected (fever Yes, then No) is left out, and
    # each keeps what was reported.
    flags = services.symptoms.history.flags(data.start, data.end)
    data = replace(
        data,
        red_flags=tuple(
            RedFlagInfo(f.day, f.rule_id, f.urgency, f.message, f.reason) for f in flags
        ),
    )
    return visit_brief(data, profile.name, profile.temperature_unit, page_size)
