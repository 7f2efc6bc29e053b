"""A generator for big synthetic symptom logs (for benchmarks and stress tests).

    .venv/bin/python benchmarks/symptom_profile.py DIR [--answers 100000]

Writes a profile with roughly the requested number of symptom answers: one check-in a day
going back from today, 12 symptoms (18 answers a day), weekly ESAS-r, some notes and
temperatures, four treatment lines and a red flag now and then. Everything is invented.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import insert, select, update

from companion.store import Store
from companion.store.models import (
    CheckIn,
    EsasAnswer,
    LineDrug,
    Profile,
    Question,
    RedFlagEvent,
    SymptomAnswer,
    TestResult,
    TherapyLine,
    Visit,
    VisitQuestion,
)

SYMPTOMS = (
    ("nausea", ("frequency", "severity")),
    ("fatigue", ("severity", "interference")),
    ("decreased_appetite", ("severity", "interference")),
    ("diarrhea", ("frequency",)),
    ("numbness_tingling", ("severity", "interference")),
    ("cough", ("severity", "interference")),
    ("shortness_of_breath", ("severity", "interference")),
    ("mouth_throat_sores", ("severity", "interference")),
    ("hair_loss", ("amount",)),
    ("insomnia", ("severity",)),
    ("general_pain", ("severity",)),
    ("fever", ("presence",)),
)
PER_DAY = sum(len(a) for _s, a in SYMPTOMS)
ESAS = (
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
LINES = (
    ("THP", ("docetaxel", "trastuzumab", "pertuzumab")),
    ("T-DXd", ("trastuzumab-deruxtecan",)),
    ("Tucatinib + trastuzumab + capecitabine", ("tucatinib", "trastuzumab", "capecitabine")),
    ("T-DM1", ("trastuzumab-emtansine",)),
)


def write_big_profile(data_dir: Path, answers: int = 100_000, seed: int = 4) -> int:
    """Write the profile; returns the number of symptom answers written."""
    rng = random.Random(seed)
    days = max(1, math.ceil(answers / PER_DAY))
    today = date.today()
    first = today - timedelta(days=days - 1)
    store = Store.open(data_dir)
    try:
        with store.session() as session:
            span = days // len(LINES)
            for index, (regimen, drugs) in enumerate(LINES):
                start = first + timedelta(days=index * span)
                end = None if index == len(LINES) - 1 else start + timedelta(days=span - 10)
                line = TherapyLine(
                    number=index + 1, regimen=regimen, start_date=start, end_date=end
                )
                line.drugs = [LineDrug(library_id=d, name=d) for d in drugs]
                session.add(line)
            session.execute(
                insert(CheckIn),
                [
                    {
                        "day": first + timedelta(days=i),
                        "note": rng.choice(
                            ["", "", "", "", "Tired.", "Short walk.", "Slept badly."]
                        ),
                        "temperature_c": round(36.3 + rng.random(), 1) if i % 3 == 0 else None,
                        "weight_kg": round(64 + rng.random() * 2, 1) if i % 7 == 0 else None,
                    }
                    for i in range(days)
                ],
            )
            ids = dict(session.execute(select(CheckIn.day, CheckIn.id)).all())
            rows = []
            stamp = datetime.combine(today, time(19, 0), UTC)
            for offset in range(days):
                day = first + timedelta(days=offset)
                wave = math.exp(-((offset % 21) / 4))
                for symptom, attributes in SYMPTOMS:
                    for attribute in attributes:
                        if len(rows) >= answers:
                            break
                        top = 1 if attribute == "presence" else 4
                        value = min(top, round(wave * top * rng.random() + rng.random() * 0.7))
                        if symptom == "fever":
                            value = 1 if rng.random() < 0.01 else 0
                        rows.append(
                            {
                                "checkin_id": ids[day],
                                "symptom_id": symptom,
                                "attribute": attribute,
                                "value": value,
                                "recorded_at": stamp,
                            }
                        )
            session.execute(insert(SymptomAnswer), rows)
            session.execute(
                insert(EsasAnswer),
                [
                    {
                        "checkin_id": ids[first + timedelta(days=o)],
                        "item": item,
                        "value": rng.randint(0, 8),
                    }
                    for o in range(0, days, 7)
                    for item in ESAS
                ],
            )
            session.execute(
                insert(RedFlagEvent),
                [
                    {
                        "checkin_id": ids[first + timedelta(days=o)],
                        "rule_id": "fever-sign",
                        "urgency": "today",
                        "message": "Fever or chills may mean you have an infection.",
                        "raised_at": stamp,
                        "acknowledged_at": stamp,
                    }
                    for o in range(5, days, 97)
                ],
            )
            _add_scans_and_visits(session, first, days, rng)
            session.execute(update(Profile).values(welcome_done=True, name="Benchmark"))
        return len(rows)
    finally:
        store.close()


def _add_scans_and_visits(session, first: date, days: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    scans = []
    for offset in range(30, days, 91):
        day = first + timedelta(days=offset)
        scans.append({"kind": "echo", "day": day, "lvef_percent": rng.randint(52, 64)})
        scans.append({"kind": "ct", "day": day, "summary": "Stable disease."})
    if scans:
        session.execute(insert(TestResult), scans)
    asked = Question(text="Should my heart be checked again before the next cycle?")
    session.add(asked)
    session.flush()
    for offset in range(14, days, 28):
        moment = datetime.combine(first + timedelta(days=offset), time(10, 30))
        visit = Visit(starts_at=moment, clinician="Dr. Example", purpose="Cycle review")
        visit.questions = [VisitQuestion(question_id=asked.id, position=0, asked=True)]
        session.add(visit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--answers", type=int, default=100_000)
    args = parser.parse_args()
    written = write_big_profile(args.folder, args.answers)
    print(f"Wrote {written} answers to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
