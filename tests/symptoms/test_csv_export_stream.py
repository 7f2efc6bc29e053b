"""The CSV export streams rows straight from plain reads; its text must stay exactly what the
earlier export wrote from each day's DayState (history.day_states()), byte for byte."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, datetime, timedelta

from fixed_time import TODAY

from companion.clock import FixedClock
from companion.reports.symptom_csv import COLUMNS, SymptomCsv, formula_safe
from companion.reports.symptom_csv_export import csv_text
from companion.symptoms import esas, wording
from companion.symptoms.model import RECALL_WEEKLY, DayState
from companion.symptoms.service import SymptomService


def stamp(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def number(value: float) -> str:
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def reference_rows(service: SymptomService, state: DayState) -> list[list[str]]:
    """One day as the export wrote it before it streamed: from the day's DayState."""
    day = state.day.isoformat()
    rows = [
        [
            *(day, "symptom", a.symptom_id, formula_safe(service.term(a.symptom_id))),
            *(a.attribute, str(a.value), wording.answer_word(a.attribute, a.value), ""),
            *(stamp(a.recorded_at), "", str(a.recall_days)),
        ]
        for a in state.answers
    ]
    order = {item: i for i, item in enumerate(esas.ITEM_IDS)}
    for item, value in sorted(state.esas, key=lambda e: order.get(e[0], 99)):
        rows.append([day, "esas", item, esas.item_name(item), "", str(value), *[""] * 4, "0"])
    if state.compared_with_yesterday is not None:
        done = "done" if state.daily_done else ""
        overall = SymptomCsv.tr("Compared with yesterday")
        rows.append([day, "overall", "", overall, "", state.compared_with_yesterday, ""])
        rows[-1] += [done, stamp(state.daily_done_at), "", "1"]
    for kind, value, unit, name in (
        ("temperature", state.temperature_c, "°C", SymptomCsv.tr("Temperature")),
        ("weight", state.weight_kg, "kg", SymptomCsv.tr("Weight")),
    ):
        if value is not None:
            rows.append([day, kind, "", name, "", number(value), unit, "", "", "", ""])
    if state.note:
        note = formula_safe(state.note)
        rows.append([day, "note", "", SymptomCsv.tr("Note"), "", "", "", note, "", "", ""])
    for flag in sorted(state.flags, key=lambda f: (stamp(f.raised_at), f.rule_id)):
        rows.append(
            [
                *(day, "red_flag", formula_safe(flag.rule_id), formula_safe(flag.reason)),
                *(flag.urgency, "", wording.urgency_name(flag.urgency)),
                *(formula_safe(flag.message), stamp(flag.raised_at)),
                *(stamp(flag.acknowledged_at), ""),
            ]
        )
    return rows


def reference_text(service: SymptomService, start=None, end=None) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for state in service.history.day_states(start, end):
        writer.writerows(reference_rows(service, state))
    return out.getvalue()


def varied_log(log: SymptomService, clock: FixedClock) -> None:
    """Sixty days of everything the log holds, answered at different times."""
    chance = random.Random(12)
    terms = {t.id: t.attributes for t in log.vocabulary()}
    for offset in range(60, 0, -1):
        day = TODAY - timedelta(days=offset)
        clock.advance(timedelta(minutes=chance.randint(1, 90), seconds=chance.random()))
        for recall in (1, RECALL_WEEKLY) if offset % 7 == 0 else (1,):
            chosen = chance.sample(sorted(terms), chance.randint(0, 5))
            values = {
                (s, a): chance.randint(0, wording.max_value(a))
                for s in chosen
                for a in terms[s]
                if chance.random() < 0.8
            }
            if values:
                log.set_answers(day, values, recall)
        if chance.random() < 0.3:
            log.set_answer(day, "fever", "presence", 1)  # a red flag, explained by the answer
        for item in chance.sample(esas.ITEM_IDS, chance.randint(0, 4)):
            log.set_esas(day, item, chance.randint(0, 10))
        if chance.random() < 0.5:
            log.set_overall(day, chance.choice(("better", "same", "worse")))
        if chance.random() < 0.4:
            log.set_daily_done(day, True)
        if chance.random() < 0.3:
            log.set_temperature(day, round(chance.uniform(36.0, 39.5), 2))
        if chance.random() < 0.2:
            log.set_weight(day, round(chance.uniform(50, 80), 1))
        if chance.random() < 0.3:
            log.set_note(day, chance.choice(("=1+1", "@home", 'said "fine",\nthen slept', "ok")))
        if offset == 15:  # two flags on one day: written as raised, not by rule id
            log.set_temperature(day, 38.6)
            clock.advance(timedelta(minutes=5))
            log.set_answer(day, "nausea", "severity", 4)
    for flag in log.history.flags()[::2]:
        log.acknowledge(flag.id)


DAY_15 = (TODAY - timedelta(days=15)).isoformat()


def test_the_streamed_export_is_the_day_state_export_byte_for_byte(
    log: SymptomService, clock: FixedClock
) -> None:
    varied_log(log, clock)
    text = csv_text(log)
    assert text == reference_text(log)
    kinds = {row[1] for row in csv.reader(io.StringIO(text))}
    assert kinds == {"kind", "symptom", "esas", "overall", "temperature", "weight", "note"} | {
        "red_flag"
    }
    assert ",7\r\n" in text  # weekly answers too
    two = [row[2] for row in csv.reader(io.StringIO(text)) if row[:2] == [DAY_15, "red_flag"]]
    assert two[-2:] == ["temperature-high", "nausea-severe"]
    start, end = TODAY - timedelta(days=40), TODAY - timedelta(days=20)
    assert csv_text(log, start, end) == reference_text(log, start, end)
    assert csv_text(log, TODAY, TODAY) == ",".join(COLUMNS) + "\r\n"


def test_the_file_is_the_text_and_counts_rows_not_lines(
    log: SymptomService, clock: FixedClock, tmp_path
) -> None:
    # Written to the file a day at a time; a note with a line break inside its quotes is
    # one row (the count used to be the file's line breaks).
    from companion.reports.symptom_csv_export import write_csv

    varied_log(log, clock)
    log.set_note(TODAY, "first line\r\nsecond line")
    target = tmp_path / "log.csv"
    written = write_csv(log, target)
    text = csv_text(log)
    assert target.read_bytes() == text.encode("utf-8-sig")
    assert written == len(list(csv.reader(io.StringIO(text)))) - 1  # the header is not a row
    assert written < text.count("\r\n") - 1
