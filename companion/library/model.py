"""Plain data the library hands to services and pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from companion.translations import QT_TRANSLATE_NOOP

# Answer words per attribute, index 0–4 (PRO-CTCAE); presence is 0 = no, 1 = yes. Marked for
# lupdate; companion.symptoms.wording translates them.
ANSWER_SCALES: dict[str, tuple[str, ...]] = {
    "severity": (
        QT_TRANSLATE_NOOP("Symptoms", "None"),
        QT_TRANSLATE_NOOP("Symptoms", "Mild"),
        QT_TRANSLATE_NOOP("Symptoms", "Moderate"),
        QT_TRANSLATE_NOOP("Symptoms", "Severe"),
        QT_TRANSLATE_NOOP("Symptoms", "Very severe"),
    ),
    "frequency": (
        QT_TRANSLATE_NOOP("Symptoms", "Never"),
        QT_TRANSLATE_NOOP("Symptoms", "Rarely"),
        QT_TRANSLATE_NOOP("Symptoms", "Occasionally"),
        QT_TRANSLATE_NOOP("Symptoms", "Frequently"),
        QT_TRANSLATE_NOOP("Symptoms", "Almost constantly"),
    ),
    "interference": (
        QT_TRANSLATE_NOOP("Symptoms", "Not at all"),
        QT_TRANSLATE_NOOP("Symptoms", "A little bit"),
        QT_TRANSLATE_NOOP("Symptoms", "Somewhat"),
        QT_TRANSLATE_NOOP("Symptoms", "Quite a bit"),
        QT_TRANSLATE_NOOP("Symptoms", "Very much"),
    ),
    "amount": (
        QT_TRANSLATE_NOOP("Symptoms", "Not at all"),
        QT_TRANSLATE_NOOP("Symptoms", "A little bit"),
        QT_TRANSLATE_NOOP("Symptoms", "Somewhat"),
        QT_TRANSLATE_NOOP("Symptoms", "Quite a bit"),
        QT_TRANSLATE_NOOP("Symptoms", "Very much"),
    ),
    "presence": (QT_TRANSLATE_NOOP("Symptoms", "No"), QT_TRANSLATE_NOOP("Symptoms", "Yes")),
}
URGENCIES = ("today", "now", "emergency")

# The closed vocabularies of the library sources (resources/library/FORMAT.md).
KINDS = ("drug", "treatment", "site", "test", "term", "guide")
FOLDER_KINDS: dict[str, tuple[str, ...]] = {
    "drugs": ("drug",),
    "treatments": ("treatment",),
    "sites": ("site",),
    "tests": ("test", "term"),
    "guides": ("guide",),
}
SECTION_KEYS = (
    "what_it_is",
    "how_it_works",
    "how_given",
    "used_when",
    "side_effects",
    "serious",
    "boxed_warning",
    "monitoring",
    "call_team",
    "treatments",
    "symptoms_to_report",
    "what_results_mean",
    "what_to_expect",
    "notes",
)
DRUG_CLASSES = (
    "her2_antibody",
    "her2_adc",
    "her2_tki",
    "chemotherapy",
    "hormone_therapy",
    "bone_agent",
    "cdk46_inhibitor",
)
TREATMENT_CATEGORIES = (
    "radiation",
    "surgery",
    "procedure",
    "radiopharmaceutical",
    "trial",
    "research",
)
QUESTION_TOPICS = (
    "diagnosis",
    "treatment",
    "side_effects",
    "daily_life",
    "work_money",
    "trials",
    "supportive",
    "prognosis",
    "feelings",
)
# Red-flag rules may test a measured value (min_value) instead of a symptom answer.
MEASUREMENTS = ("temperature",)


@dataclass(frozen=True)
class SymptomTerm:
    id: str
    term: str
    attributes: tuple[str, ...]
    category: str
    pro_ctcae: bool
    aliases: tuple[str, ...] = ()  # clinical and everyday names, abbreviations (for search)


@dataclass(frozen=True)
class RedFlagRule:
    id: str
    symptom: str
    urgency: str
    message: str
    attribute: str | None = None
    min_answer: int | None = None
    min_value: float | None = None
    drugs: tuple[str, ...] = ()
    drug_classes: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class SideEffect:
    symptom: str
    text: str
    serious: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]
    reviewed: str
    unverified: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    facts: tuple[Fact, ...]


# How the label says a pill is taken with meals (companion.medicines.label words them).
FOOD_RULES = ("with_food", "after_meal", "empty_stomach", "with_or_without")


@dataclass(frozen=True)
class LabelPlan:
    """The label's usual pattern for a medicine taken at home, shown beside (never instead
    of) the patient's own schedule. days_on/cycle_days: days 1–days_on of each cycle."""

    food: str
    times_per_day: int | None
    days_on: int | None
    cycle_days: int | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    title: str
    summary: str
    reviewed: str
    research: bool = False
    drug_class: str | None = None
    category: str | None = None
    generic: str | None = None
    brands: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    route: str | None = None
    related: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    side_effects: tuple[SideEffect, ...] = field(default=())
    label_plan: LabelPlan | None = None


@dataclass(frozen=True)
class BankQuestion:
    id: str
    topic: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    tag: str
    url: str
    title: str


@dataclass(frozen=True)
class SearchHit:
    """One search result. kind is an entry kind, "symptom" or "question"; snippet is plain
    text and marked is the same text with each matched word between MARK_START/MARK_END."""

    id: str
    kind: str
    title: str
    snippet: str
    marked: str = ""


MARK_START = "\x02"
MARK_END = "\x03"
