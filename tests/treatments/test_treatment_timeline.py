from __future__ import annotations

from datetime import date, datetime, timedelta

from companion.store.models import CheckIn, SymptomAnswer, Visit
from companion.treatments.biopsies import BiopsyInput
from companion.treatments.lines import DrugInput, LineInput
from companion.treatments.scans import ScanInput
from companion.treatments.sites import SiteInput

MONDAY = date(2025, 3, 3)


def test_timeline_merges_everything_in_date_order(record) -> None:
    line = record.lines.add(LineInput("metastatic", 1, "THP", MONDAY, (DrugInput("Herceptin"),)))
    record.lines.end(line.id, MONDAY + timedelta(days=60), "progression", "New liver spots")
    record.scans.add(ScanInput("echocardiogram", MONDAY - timedelta(days=5), "Normal", 62.0))
    record.biopsies.add(
        BiopsyInput(MONDAY - timedelta(days=9), "Liver", "positive", "negative", "3+")
    )
    record.sites.add(SiteInput("liver", MONDAY - timedelta(days=10)))
    with record.store.session() as s:
        s.add(Visit(starts_at=datetime(2025, 3, 20, 10), clinician="Dr. Okafor", purpose="Review"))
        for offset, value in ((0, 1), (1, 3), (2, 2)):
            checkin = CheckIn(day=MONDAY + timedelta(days=7 + offset))
            checkin.answers = [
                SymptomAnswer(symptom_id="nausea", attribute="severity", value=value),
                SymptomAnswer(symptom_id="fatigue", attribute="severity", value=1),
            ]
            s.add(checkin)
    events = record.timeline.events()
    assert [(e.day, e.kind) for e in events] == [
        (MONDAY - timedelta(days=10), "site"),
        (MONDAY - timedelta(days=9), "biopsy"),
        (MONDAY - timedelta(days=5), "test"),
        (MONDAY, "line"),
        (MONDAY + timedelta(days=7), "symptoms"),
        (date(2025, 3, 20), "visit"),
        (MONDAY + timedelta(days=60), "line_end"),
    ]
    titles = [e.title for e in events]
    assert titles[0] == "Spread found: Liver"
    assert titles[1] == "Biopsy (Liver): HER2-positive"
    assert titles[2] == "Echocardiogram: LVEF 62%"
    assert titles[3] == "Line 1 (metastatic) started: THP"
    assert titles[4] == "Symptoms in the week of 10 Mar 2025: mostly moderate"
    assert events[4].detail == "Hardest: Nausea. 3 check-ins."
    assert events[4].level == 2
    assert titles[6] == "Line 1 (metastatic) ended: The cancer grew (progression)"
    assert events[6].detail == "New liver spots"
