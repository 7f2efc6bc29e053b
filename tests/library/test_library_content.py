"""The shipped library: sourced, dated and readable (limits in resources/library/FORMAT.md)."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from companion.library.model import Fact
from companion.library.readability import flesch_kincaid_grade
from companion.library.service import LibraryService

# Flesch–Kincaid grade with companion.library.readability (Pyphen syllables).
PARAGRAPH_LIMIT = 10.0
MEAN_LIMIT = 5.0

LIBRARY = LibraryService()
SEED_TAGS = {"S01", "S02", "S03", "S04", "S05"}  # the five dated seed articles (local files)


def patient_paragraphs() -> list[tuple[str, str]]:
    """(where, text) of every paragraph a patient reads."""
    return LIBRARY.patient_texts()


def test_every_paragraph_reads_at_or_below_the_limit() -> None:
    too_hard = [
        f"{where}: grade {grade:.1f}: {text}"
        for where, text in patient_paragraphs()
        if (grade := flesch_kincaid_grade(text)) > PARAGRAPH_LIMIT
    ]
    assert not too_hard, "\n".join(too_hard)


def test_the_library_reads_easily_on_average() -> None:
    grades = [flesch_kincaid_grade(text) for _where, text in patient_paragraphs()]
    assert len(grades) > 100
    assert statistics.mean(grades) <= MEAN_LIMIT


def test_the_scorer_tells_plain_from_hard_text() -> None:
    plain = "Call your care team if you have a fever. Drink water. Rest when you are tired."
    hard = (
        "Interstitial pneumonitis necessitates immediate discontinuation, comprehensive "
        "radiological evaluation and consideration of systemic corticosteroid administration."
    )
    assert flesch_kincaid_grade(plain) < 4 < PARAGRAPH_LIMIT < flesch_kincaid_grade(hard)


def _has_web_source(tags: tuple[str, ...]) -> bool:
    return any((source := LIBRARY.source(tag)) is not None and source.url for tag in tags)


def _only_reports_a_seed(fact: Fact) -> bool:
    """The one exception (FORMAT.md): a fact that only says what a seed article says, with
    the seed as its source, marked unverified."""
    return fact.unverified and all(t in SEED_TAGS for t in fact.sources)


def test_every_fact_has_a_source_with_a_web_address_and_a_reviewed_date() -> None:
    problems = []
    today = dt.date.today()
    for entry in LIBRARY.entries():
        for section in entry.sections:
            for number, fact in enumerate(section.facts, 1):
                where = f"{entry.id}: {section.key} fact {number}"
                if not _has_web_source(fact.sources) and not _only_reports_a_seed(fact):
                    problems.append(f"{where}: no source with a URL ({', '.join(fact.sources)})")
                if dt.date.fromisoformat(fact.reviewed) > today:
                    problems.append(f"{where}: reviewed in the future ({fact.reviewed})")
        for number, effect in enumerate(entry.side_effects, 1):
            if not _has_web_source(effect.sources):
                problems.append(f"{entry.id}: side effect {number}: no source with a URL")
    for rule in LIBRARY.red_flag_rules():
        if not _has_web_source(rule.sources):
            problems.append(f"red flag {rule.id}: no source with a URL")
    assert not problems, "\n".join(problems)


def test_every_question_has_a_known_source() -> None:
    assert all(q.sources and all(LIBRARY.source(t) for t in q.sources) for q in LIBRARY.questions())


FIXED_IDS = {
    "drug": """trastuzumab trastuzumab-hyaluronidase pertuzumab
        pertuzumab-trastuzumab-hyaluronidase margetuximab trastuzumab-emtansine
        trastuzumab-deruxtecan tucatinib neratinib lapatinib paclitaxel docetaxel
        nab-paclitaxel capecitabine vinorelbine eribulin gemcitabine carboplatin doxorubicin
        tamoxifen anastrozole letrozole exemestane fulvestrant zoledronic-acid denosumab""",
    "site": "bone liver lung brain lymph-nodes skin-chest-wall other-sites",
    "test term": """ihc fish her2-low er-pr receptor-change lvef echocardiogram muga ct-scan
        pet-scan bone-scan mri tumour-markers lines-of-therapy""",
    "guide": "treatment-lines",
}


@pytest.mark.parametrize("kinds", list(FIXED_IDS))
def test_every_promised_entry_is_in(kinds: str) -> None:
    present = {e.id for k in kinds.split() for e in LIBRARY.entries(k)}
    assert set(FIXED_IDS[kinds].split()) <= present, set(FIXED_IDS[kinds].split()) - present


def test_other_treatments_cover_the_issue() -> None:
    treatments = LIBRARY.entries("treatment")
    categories = {t.category for t in treatments}
    assert {"radiation", "surgery", "procedure", "radiopharmaceutical", "trial"} <= categories
    research = [t for t in treatments if t.research]
    assert research, "immunotherapy and cell therapies are marked as research"
