"""Fixtures for the symptom log: a small fake library with a few rules, and helpers that
put treatments in the profile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from companion.library.model import Entry, RedFlagRule, SideEffect, SymptomTerm
from companion.store import Store
from companion.store.models import LineDrug, MetastasisSite, TherapyLine
from companion.symptoms.service import SymptomService
from companion.treatments.current import CurrentTreatments

TERMS = [
    SymptomTerm("nausea", "Nausea", ("frequency", "severity"), "Gastrointestinal", True),
    SymptomTerm("diarrhea", "Diarrhea", ("frequency",), "Gastrointestinal", True),
    SymptomTerm("fatigue", "Fatigue", ("severity", "interference"), "Sleep/Wake", True),
    SymptomTerm("cough", "Cough", ("severity", "interference"), "Respiratory", True),
    SymptomTerm("general_pain", "Pain", ("frequency", "severity", "interference"), "Pain", True),
    SymptomTerm("numbness_tingling", "Numbness & tingling", ("severity",), "Neuro", True),
    SymptomTerm("hair_loss", "Hair loss", ("amount",), "Cutaneous", True),
    SymptomTerm("fever", "Fever or shaking chills", ("presence",), "Warning signs", False),
    SymptomTerm("new_back_pain", "New back pain", ("presence",), "Warning signs", False),
]
CHEMO = ("chemotherapy", "her2_adc")
RULES = [
    RedFlagRule("fever-sign", "fever", "today", "Fever may mean infection.", "presence", 1),
    RedFlagRule(
        "fever-sign-on-chemo",
        "fever",
        "now",
        "Fever on treatment: call now.",
        "presence",
        1,
        drug_classes=CHEMO,
    ),
    RedFlagRule("temperature-high", "temperature", "today", "High temperature.", min_value=38.0),
    RedFlagRule(
        "cough-on-tdxd",
        "cough",
        "now",
        "A new cough on T-DXd: call now.",
        min_answer=1,
        drugs=("trastuzumab-deruxtecan",),
    ),
    RedFlagRule("nausea-severe", "nausea", "today", "Severe nausea.", "severity", 3),
    RedFlagRule(
        "back-pain-bone",
        "new_back_pain",
        "emergency",
        "Back pain with bone spread.",
        sites=("bone",),
    ),
    RedFlagRule("ghost", "not_a_symptom", "now", "Never observable."),
]
ENTRIES = {
    "trastuzumab-deruxtecan": Entry(
        id="trastuzumab-deruxtecan",
        kind="drug",
        title="Trastuzumab deruxtecan",
        summary="",
        reviewed="2026-11-01",
        drug_class="her2_adc",
        side_effects=(
            SideEffect("nausea", "Nausea", False, ()),
            SideEffect("fatigue", "Tiredness", False, ()),
            SideEffect("hair_loss", "Hair loss", False, ()),
            SideEffect("cough", "Cough", True, ()),
        ),
    ),
    "docetaxel": Entry(
        id="docetaxel",
        kind="drug",
        title="Docetaxel",
        summary="",
        reviewed="2026-11-01",
        drug_class="chemotherapy",
        side_effects=(SideEffect("numbness_tingling", "Numb fingers", False, ()),),
    ),
}


class FakeLibrary:
    def __init__(self, rules: list[RedFlagRule] | None = None) -> None:
        self.rules = RULES if rules is None else rules

    def symptoms(self) -> list[SymptomTerm]:
        return TERMS

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return next((t for t in TERMS if t.id == symptom_id), None)

    def red_flag_rules(self) -> list[RedFlagRule]:
        return list(self.rules)

    def entry(self, entry_id: str) -> Entry | None:
        return ENTRIES.get(entry_id)

    def drug_side_effect_symptoms(self, drug_ids: list[str]) -> list[str]:
        seen: dict[str, None] = {}
        for serious in (False, True):
            for drug in drug_ids:
                for effect in ENTRIES[drug].side_effects if drug in ENTRIES else ():
                    if effect.serious == serious:
                        seen.setdefault(effect.symptom)
        return list(seen)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def log(store: Store) -> SymptomService:
    return SymptomService(store, FakeLibrary(), CurrentTreatments(store))


def start_line(store: Store, start: date, *drugs: str, end: date | None = None) -> None:
    with store.session() as session:
        line = TherapyLine(number=1, regimen=" + ".join(drugs), start_date=start, end_date=end)
        line.drugs = [LineDrug(library_id=d, name=d) for d in drugs]
        session.add(line)


def add_site(store: Store, site_id: str, found: date) -> None:
    with store.session() as session:
        session.add(MetastasisSite(site_id=site_id, found_date=found))
