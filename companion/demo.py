"""A realistic synthetic patient, for trying the app and for screenshots.

Everything is invented. The course follows a common path in HER2-positive metastatic breast
cancer: early-stage treatment years ago, then docetaxel + trastuzumab + pertuzumab, then
trastuzumab deruxtecan after progression, with heart scans, a re-biopsy and visits.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from companion.clock import Clock
from companion.demo_medicines import add_demo_medicines
from companion.store import Store
from companion.store.models import (
    Administration,
    Biopsy,
    CheckIn,
    EsasAnswer,
    LineDrug,
    MetastasisSite,
    OtherMedicine,
    PinnedSymptom,
    Profile,
    Question,
    RedFlagEvent,
    SymptomAnswer,
    TestResult,
    TherapyLine,
    TreatmentProcedure,
    Visit,
    VisitQuestion,
)
from companion.symptoms.model import RECALL_WEEKLY

CHECKIN_DAYS = 183
ESAS_ITEMS = (
    "pain",
    "tiredness",
    "drowsiness",
    "nausea",
    "lack_of_appetite",
    "shortness_of_breath",
    "depression",
    "anxiety",
    "wellbeing",
)


def write_demo_profile(
    data_dir: Path, today: date | None = None, clock: Clock | None = None
) -> Store:
    """Create the demo profile in data_dir (which must not hold a profile yet), dated so
    that `today` (clock's today if None) is its last day."""
    store = Store.open(data_dir, clock)
    today = today or store.clock.today()
    rng = random.Random(20261123)
    with store.session() as session:
        profile = session.get_one(Profile, 1)
        profile.name = "Maria Example"
        profile.care_team_phone = "+1 555 0100 200"
        profile.emergency_number = "911"
        profile.temperature_unit = "C"
        profile.welcome_done = True
        line2_start = today - timedelta(days=133)
        _treatments(session, today, line2_start)
        _checkins(session, rng, today, line2_start)
        _short_dailies_and_weeklies(session, today, line2_start)
        _visits(session, today)
        session.add(PinnedSymptom(symptom_id="numbness_tingling"))
    return store


def _treatments(session: Session, today: date, line2_start: date) -> None:
    early = TherapyLine(
        number=1,
        setting="early",
        regimen="TCHP then trastuzumab",
        start_date=date(2020, 2, 10),
        end_date=date(2021, 1, 25),
        end_reason="completed",
        end_note="Surgery and radiation after TCHP.",
    )
    early.drugs = [
        LineDrug(library_id=i, name=n)
        for i, n in (
            ("docetaxel", "Docetaxel"),
            ("carboplatin", "Carboplatin"),
            ("trastuzumab", "Trastuzumab"),
            ("pertuzumab", "Pertuzumab"),
        )
    ]
    line1_start = line2_start - timedelta(days=500)
    line1 = TherapyLine(
        number=1,
        setting="metastatic",
        regimen="THP",
        start_date=line1_start,
        end_date=line2_start - timedelta(days=14),
        end_reason="progression",
        end_note="New spots in the liver on CT.",
    )
    line1.drugs = [
        LineDrug(
            library_id="docetaxel",
            name="Docetaxel",
            start_date=line1_start,
            end_date=line1_start + timedelta(days=126),
        ),
        LineDrug(library_id="trastuzumab", name="Trastuzumab", start_date=line1_start),
        LineDrug(library_id="pertuzumab", name="Pertuzumab", start_date=line1_start),
    ]
    line1.administrations = [
        Administration(day=line1_start + timedelta(days=21 * k), kind="given", cycle=k + 1)
        for k in range(23)
    ]
    line2_end = today - timedelta(days=42)
    line2 = TherapyLine(
        number=2,
        setting="metastatic",
        regimen="Trastuzumab deruxtecan",
        start_date=line2_start,
        end_date=line2_end,
        end_reason="progression",
        end_note="The liver spots grew again on CT.",
    )
    line2.drugs = [
        LineDrug(
            library_id="trastuzumab-deruxtecan",
            name="Trastuzumab deruxtecan",
            start_date=line2_start,
        )
    ]
    cycles = []
    day, cycle = line2_start, 1
    while day <= line2_end:
        cycles.append(Administration(day=day, kind="given", cycle=cycle))
        if cycle == 3:
            cycles.append(
                Administration(
                    day=day + timedelta(days=21),
                    kind="delay",
                    note="Delayed one week: low white cell count.",
                )
            )
            day += timedelta(days=7)
        if cycle == 4:
            cycles.append(
                Administration(
                    day=day, kind="dose_change", note="Dose lowered one level because of nausea."
                )
            )
        day += timedelta(days=21)
        cycle += 1
    line2.administrations = cycles
    line3 = _line3(today - timedelta(days=35))
    session.add_all([early, line1, line2, line3])
    session.flush()
    add_demo_medicines(session, today, line3)
    session.add_all(
        [
            TreatmentProcedure(
                kind="surgery",
                day=date(2020, 7, 14),
                description="Left lumpectomy and sentinel node biopsy",
                note="Clear margins.",
            ),
            TreatmentProcedure(
                kind="radiation",
                day=date(2020, 8, 24),
                end_date=date(2020, 9, 25),
                description="Radiation to the left breast",
            ),
        ]
    )

    session.add_all(
        [
            OtherMedicine(
                name="Denosumab",
                library_id="denosumab",
                purpose="Bone strength",
                dose="Injection every 4 weeks",
                start_date=line1_start,
            ),
            OtherMedicine(
                name="Ondansetron",
                purpose="Nausea",
                dose="8 mg when needed",
                start_date=line2_start,
            ),
            OtherMedicine(
                name="Loperamide",
                purpose="Diarrhea",
                dose="2 mg after loose stool",
                start_date=line1_start,
            ),
            OtherMedicine(
                name="Dexamethasone",
                purpose="Before docetaxel, against reactions",
                dose="8 mg twice a day around each dose",
                start_date=line1_start,
                end_date=line1_start + timedelta(days=126),
            ),
            OtherMedicine(
                name="Calcium and vitamin D",
                purpose="With denosumab",
                dose="Daily",
                start_date=line1_start,
            ),
        ]
    )

    lvef = [
        (line1_start - timedelta(days=10), 63),
        (line1_start + timedelta(days=90), 61),
        (line1_start + timedelta(days=180), 60),
        (line1_start + timedelta(days=270), 58),
        (line1_start + timedelta(days=360), 59),
        (line1_start + timedelta(days=450), 57),
        (line2_start + timedelta(days=84), 55),
    ]
    for day, value in lvef:
        session.add(
            TestResult(
                kind="echocardiogram",
                day=day,
                lvef_percent=value,
                summary=f"Heart pumping normally, LVEF {value}%.",
            )
        )
    markers = [
        (line1_start - timedelta(days=12), 88),
        (line1_start + timedelta(days=120), 41),
        (line1_start + timedelta(days=300), 33),
        (line1_start + timedelta(days=450), 52),
        (line2_start - timedelta(days=20), 79),
        (line2_start + timedelta(days=63), 46),
        (line2_start + timedelta(days=126), 31),
    ]
    for day, value in markers:
        session.add(
            TestResult(
                kind="tumour_marker",
                day=day,
                marker_name="CA 15-3",
                marker_value=value,
                marker_unit="U/mL",
            )
        )
    session.add_all(
        [
            TestResult(
                kind="ct",
                day=line1_start - timedelta(days=14),
                summary="Spots in the liver and in two ribs.",
            ),
            TestResult(
                kind="bone_scan",
                day=line1_start - timedelta(days=13),
                summary="Two ribs and one vertebra (T10) involved.",
            ),
            TestResult(
                kind="brain_mri",
                day=line1_start - timedelta(days=11),
                summary="No spread to the brain.",
            ),
            TestResult(
                kind="ct",
                day=line1_start + timedelta(days=240),
                summary="Liver spots smaller. Bones stable.",
            ),
            TestResult(
                kind="ct",
                day=line2_start - timedelta(days=30),
                summary="Two new liver spots; others larger. Progression.",
            ),
            TestResult(
                kind="ct",
                day=line2_start + timedelta(days=90),
                summary="Liver spots smaller by about a third. Bones stable.",
            ),
        ]
    )
    session.add_all(
        [
            Biopsy(
                day=date(2020, 1, 20),
                site="Left breast",
                er="positive",
                pr="positive",
                her2_ihc="3+",
                note="Original diagnosis.",
            ),
            Biopsy(
                day=line1_start - timedelta(days=9),
                site="Liver",
                er="positive",
                pr="negative",
                her2_ihc="3+",
            ),
            Biopsy(
                day=line2_start - timedelta(days=21),
                site="Liver",
                er="negative",
                pr="negative",
                her2_ihc="2+",
                her2_fish="positive",
                note="Re-biopsy at progression.",
            ),
        ]
    )
    session.add_all(
        [
            MetastasisSite(
                site_id="bone",
                detail="Ribs and T10 vertebra",
                found_date=line1_start - timedelta(days=13),
            ),
            MetastasisSite(site_id="liver", found_date=line1_start - timedelta(days=14)),
        ]
    )


def _line3(start: date) -> TherapyLine:
    """Tucatinib + trastuzumab + capecitabine; cycle 2 given a week late (hand-foot
    syndrome), so the capecitabine days moved with it, and a lower capecitabine dose."""
    line = TherapyLine(
        number=3,
        setting="metastatic",
        regimen="Tucatinib + trastuzumab + capecitabine",
        start_date=start,
    )
    line.drugs = [
        LineDrug(library_id=drug_id, name=name, start_date=start)
        for drug_id, name in (
            ("tucatinib", "Tucatinib"),
            ("trastuzumab", "Trastuzumab"),
            ("capecitabine", "Capecitabine"),
        )
    ]
    line.administrations = [
        Administration(day=start, kind="given", cycle=1),
        Administration(
            day=start + timedelta(days=21),
            kind="delay",
            note="Delayed one week: sore, red hands and feet (hand-foot syndrome).",
        ),
        Administration(day=start + timedelta(days=28), kind="given", cycle=2),
        Administration(
            day=start + timedelta(days=28),
            kind="dose_change",
            note="Capecitabine lowered to 1,000 mg twice a day.",
        ),
    ]
    return line


def _checkins(session: Session, rng: random.Random, today: date, line2_start: date) -> None:
    start = today - timedelta(days=CHECKIN_DAYS - 1)
    for offset in range(CHECKIN_DAYS):
        day = start + timedelta(days=offset)
        if rng.random() < 0.06 and day != today:  # a few missed days, as in real life
            continue
        on_tdxd = day >= line2_start
        days_since_dose = ((day - line2_start).days % 21) if on_tdxd else 10
        # Nausea and tiredness peak in the days after each T-DXd dose.
        peak = math.exp(-days_since_dose / 4) if on_tdxd else 0.0
        nausea = min(4, round(peak * 3 + rng.random() * 0.8))
        fatigue = min(4, round(1 + peak * 2 + rng.random() * 0.9))
        appetite = min(4, round(peak * 2 + rng.random() * 0.7))
        diarrhea = min(4, round(rng.random() * (1.6 if not on_tdxd else 1.0)))
        numbness = 1 if rng.random() < 0.85 else 2
        checkin = CheckIn(day=day, note=_note(rng, nausea, fatigue))
        checkin.answers = [
            SymptomAnswer(symptom_id="nausea", attribute="frequency", value=nausea),
            SymptomAnswer(symptom_id="nausea", attribute="severity", value=nausea),
            SymptomAnswer(symptom_id="fatigue", attribute="severity", value=fatigue),
            SymptomAnswer(
                symptom_id="fatigue", attribute="interference", value=max(0, fatigue - 1)
            ),
            SymptomAnswer(symptom_id="decreased_appetite", attribute="severity", value=appetite),
            SymptomAnswer(symptom_id="diarrhea", attribute="frequency", value=diarrhea),
            SymptomAnswer(symptom_id="numbness_tingling", attribute="severity", value=numbness),
            SymptomAnswer(symptom_id="cough", attribute="severity", value=0),
        ]
        if offset % 3 == 0:
            checkin.temperature_c = round(36.4 + rng.random() * 0.7, 1)
        if offset % 7 == 0:
            checkin.weight_kg = round(64.0 - offset * 0.01 + rng.random() * 0.6, 1)
            checkin.esas = [
                EsasAnswer(item=item, value=_esas(rng, item, peak)) for item in ESAS_ITEMS
            ]
        if day == line2_start + timedelta(days=40):
            checkin.answers[-1].value = 1
            checkin.note = "Dry cough since yesterday. Called the nurse line."
            checkin.red_flags = [
                RedFlagEvent(
                    rule_id="lung-cough-on-tdxd",
                    urgency="now",
                    message="On T-DXd (Enhertu), a new or worse cough can be an early sign of a "
                    "lung problem from the drug. Call your care team now so they can check your "
                    "lungs.",
                    raised_at=datetime.combine(day, time(9, 30), UTC),
                    acknowledged_at=datetime.combine(day, time(9, 45), UTC),
                )
            ]
        if day == today - timedelta(days=100):
            checkin.temperature_c = 38.3
            checkin.red_flags = [
                RedFlagEvent(
                    rule_id="fever-temperature-on-chemo",
                    urgency="now",
                    message="A temperature of 38 °C (100.4 °F) or higher during your treatment can "
                    "be a sign of infection. Call your care team now, day or night, and say you "
                    "are on cancer treatment.",
                    raised_at=datetime.combine(day, time(20, 10), UTC),
                    acknowledged_at=datetime.combine(day, time(20, 12), UTC),
                )
            ]
        for answer in checkin.answers:  # answered in the evening of that day
            answer.recorded_at = datetime.combine(day, time(19, 30), UTC)
        session.add(checkin)


# The demo's weekly PRO-CTCAE answers: (item, attribute) → a usual answer.
WEEKLY_USUAL = {
    ("decreased_appetite", "severity"): 1,
    ("decreased_appetite", "interference"): 1,
    ("nausea", "frequency"): 2,
    ("nausea", "severity"): 1,
    ("vomiting", "frequency"): 0,
    ("constipation", "severity"): 1,
    ("diarrhea", "frequency"): 1,
    ("shortness_of_breath", "severity"): 0,
    ("cough", "severity"): 0,
    ("hair_loss", "amount"): 1,
    ("numbness_tingling", "severity"): 1,
    ("numbness_tingling", "interference"): 1,
    ("fatigue", "severity"): 2,
    ("fatigue", "interference"): 1,
}


def _short_dailies_and_weeklies(session: Session, today: date, line2_start: date) -> None:
    """The check-in as it is now: each daily finished with "compared with yesterday", a
    weekly PRO-CTCAE check-in ("in the last 7 days") every week on the treatment weekday
    since line 2 started, and last week's diarrhea worse (frequency 1 → 3). Today is left
    open for the patient: its daily and its weekly are still to do."""
    session.flush()
    days = {
        c.day: c for c in session.scalars(select(CheckIn).options(selectinload(CheckIn.answers)))
    }
    today_row = days.pop(today, None)
    if today_row is not None:
        session.delete(today_row)
    previous = None
    for day in sorted(days):
        checkin = days[day]
        fatigue = next((a.value for a in checkin.answers if a.symptom_id == "fatigue"), 1)
        if previous is not None:
            checkin.compared_with_yesterday = (
                "better" if fatigue < previous else "worse" if fatigue > previous else "same"
            )
            checkin.daily_done_at = datetime.combine(day, time(19, 35), UTC)
        previous = fatigue
    worse_week = today - timedelta(days=7)
    week = line2_start
    while week < today:
        found = days.get(week)
        if found is None:
            found = CheckIn(day=week, note="")
            session.add(found)
        checkin = found
        values = dict(WEEKLY_USUAL)
        if (week - line2_start).days % 21 == 7:  # the week after a dose: more nausea
            values[("nausea", "frequency")] = 3
            values[("nausea", "severity")] = 2
        if week == worse_week:
            values[("diarrhea", "frequency")] = 3
        for (symptom_id, attribute), value in values.items():
            if attribute != "frequency" and values.get((symptom_id, "frequency")) == 0:
                continue  # PRO-CTCAE branching: "Never" skips the item's other questions
            checkin.answers.append(
                SymptomAnswer(
                    symptom_id=symptom_id,
                    attribute=attribute,
                    value=value,
                    recall_days=RECALL_WEEKLY,
                    recorded_at=datetime.combine(week, time(18, 0), UTC),
                )
            )
        week += timedelta(days=7)


def _note(rng: random.Random, nausea: int, fatigue: int) -> str:
    if nausea >= 3:
        return "Sick most of the day. Ginger tea helped a little."
    if fatigue >= 3:
        return "Very tired. Slept in the afternoon."
    return rng.choice(
        [
            "",
            "",
            "",
            "Short walk in the park.",
            "Good day with family.",
            "Feet tingling in the evening.",
        ]
    )


def _esas(rng: random.Random, item: str, peak: float) -> int:
    base = {
        "tiredness": 4,
        "nausea": 2,
        "lack_of_appetite": 3,
        "wellbeing": 4,
        "anxiety": 3,
        "pain": 2,
    }.get(item, 1)
    return max(0, min(10, round(base + peak * 3 + rng.uniform(-1, 1))))


def _visits(session: Session, today: date) -> None:
    def at(days: int, hour: int) -> datetime:
        return datetime.combine(today + timedelta(days=days), time(hour, 0))

    past = Visit(
        starts_at=at(-16, 10),
        with_whom="oncologist",
        clinician="Dr. Okafor",
        place="Cancer Center, Clinic B",
        purpose="Review before cycle 7",
    )
    nurse = Visit(
        starts_at=at(-37, 14),
        with_whom="nurse",
        clinician="Sam",
        place="Infusion suite",
        purpose="Side effects check",
    )
    upcoming = Visit(
        starts_at=at(5, 9),
        with_whom="oncologist",
        clinician="Dr. Okafor",
        place="Cancer Center, Clinic B",
        purpose="Scan results and next cycle",
    )
    echo = Visit(
        starts_at=at(12, 11),
        with_whom="cardiology",
        place="Heart unit, level 2",
        purpose="Echocardiogram",
    )
    questions = [
        ("Is the nausea after each dose something we can treat better?", "side_effects"),
        ("What did the latest CT scan show?", "diagnosis"),
        ("How often should my lungs be checked on this medicine?", "side_effects"),
        ("Can I travel to my sister's wedding in March?", "daily_life"),
        ("My ER status changed on the last biopsy. What does that mean for me?", "diagnosis"),
        ("Can I have the flu vaccine while on this treatment?", "daily_life"),
    ]
    rows = [Question(text=text, topic=topic) for text, topic in questions]
    session.add_all(rows)
    past.questions = [
        VisitQuestion(
            question=rows[0],
            position=0,
            asked=True,
            answer="Try the anti-sickness tablet before meals for 3 days after each dose.",
        ),
        VisitQuestion(
            question=rows[3],
            position=1,
            asked=True,
            answer="Probably yes; plan around the infusion dates.",
        ),
        VisitQuestion(question=rows[4], position=2, asked=False),
        VisitQuestion(question=rows[5], position=3, asked=False),
    ]
    upcoming.questions = [
        VisitQuestion(question=rows[1], position=0),
        VisitQuestion(question=rows[4], position=1),
        VisitQuestion(question=rows[2], position=2),
    ]
    session.add_all([past, nurse, upcoming, echo])
