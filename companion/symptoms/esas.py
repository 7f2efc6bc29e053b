"""The ESAS-r (Edmonton Symptom Assessment System, revised version), as published.

The form may not be modified under its name, so the wording, definitions and anchors below
are exactly those printed on the AHS form (Revised: November 2010); see
shared/content/esas_r.md. A translation must use an authorised translation of the form.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.translations import QT_TRANSLATE_NOOP, translate


def _t(text: str) -> str:
    return translate("ESAS-r", text)


@dataclass(frozen=True)
class EsasItem:
    id: str
    name: str
    definition: str  # "" when the form prints none
    anchor_0: str
    anchor_10: str


# (id, item, definition, anchor at 0, anchor at 10): verbatim from the form. The texts are
# marked for lupdate (QT_TRANSLATE_NOOP) and translated when asked for, in items() below.
_ITEMS = (
    (
        "pain",
        QT_TRANSLATE_NOOP("ESAS-r", "Pain"),
        "",
        QT_TRANSLATE_NOOP("ESAS-r", "No Pain"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Pain"),
    ),
    (
        "tiredness",
        QT_TRANSLATE_NOOP("ESAS-r", "Tiredness"),
        QT_TRANSLATE_NOOP("ESAS-r", "(Tiredness = lack of energy)"),
        QT_TRANSLATE_NOOP("ESAS-r", "No Tiredness"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Tiredness"),
    ),
    (
        "drowsiness",
        QT_TRANSLATE_NOOP("ESAS-r", "Drowsiness"),
        QT_TRANSLATE_NOOP("ESAS-r", "(Drowsiness = feeling sleepy)"),
        QT_TRANSLATE_NOOP("ESAS-r", "No Drowsiness"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Drowsiness"),
    ),
    (
        "nausea",
        QT_TRANSLATE_NOOP("ESAS-r", "Nausea"),
        "",
        QT_TRANSLATE_NOOP("ESAS-r", "No Nausea"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Nausea"),
    ),
    (
        "lack_of_appetite",
        QT_TRANSLATE_NOOP("ESAS-r", "Lack of Appetite"),
        "",
        QT_TRANSLATE_NOOP("ESAS-r", "No Lack of Appetite"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Lack of Appetite"),
    ),
    (
        "shortness_of_breath",
        QT_TRANSLATE_NOOP("ESAS-r", "Shortness of Breath"),
        "",
        QT_TRANSLATE_NOOP("ESAS-r", "No Shortness of Breath"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Shortness of Breath"),
    ),
    (
        "depression",
        QT_TRANSLATE_NOOP("ESAS-r", "Depression"),
        QT_TRANSLATE_NOOP("ESAS-r", "(Depression = feeling sad)"),
        QT_TRANSLATE_NOOP("ESAS-r", "No Depression"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Depression"),
    ),
    (
        "anxiety",
        QT_TRANSLATE_NOOP("ESAS-r", "Anxiety"),
        QT_TRANSLATE_NOOP("ESAS-r", "(Anxiety = feeling nervous)"),
        QT_TRANSLATE_NOOP("ESAS-r", "No Anxiety"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Anxiety"),
    ),
    (
        "wellbeing",
        QT_TRANSLATE_NOOP("ESAS-r", "Wellbeing"),
        QT_TRANSLATE_NOOP("ESAS-r", "(Wellbeing = how you feel overall)"),
        QT_TRANSLATE_NOOP("ESAS-r", "Best Wellbeing"),
        QT_TRANSLATE_NOOP("ESAS-r", "Worst Possible Wellbeing"),
    ),
)

ITEM_IDS: tuple[str, ...] = tuple(row[0] for row in _ITEMS)
MAX_VALUE = 10
MAX_TOTAL = MAX_VALUE * len(ITEM_IDS)

FORM_TITLE = QT_TRANSLATE_NOOP(
    "ESAS-r", "Edmonton Symptom Assessment System: (revised version) (ESAS-r)"
)
INSTRUCTION = QT_TRANSLATE_NOOP(
    "ESAS-r", "Please circle the number that best describes how you feel NOW:"
)
# On a screen nothing is circled: the instruction line (not an item's wording, which stays
# as published) says "choose"; printed forms keep the published line above.
SCREEN_INSTRUCTION = QT_TRANSLATE_NOOP(
    "ESAS-r", "Please choose the number that best describes how you feel NOW:"
)
ACKNOWLEDGEMENT = QT_TRANSLATE_NOOP(
    "ESAS-r",
    "ESAS-r, Revised: November 2010. Alberta Health Services / Covenant Health / "
    "University of Alberta. Used as published.",
)


def items() -> list[EsasItem]:
    return [
        EsasItem(
            id=i, name=_t(n), definition=_t(d) if d else "", anchor_0=_t(a0), anchor_10=_t(a10)
        )
        for i, n, d, a0, a10 in _ITEMS
    ]


def item_name(item_id: str) -> str:
    for row in _ITEMS:
        if row[0] == item_id:
            return _t(row[1])
    return item_id


def form_title() -> str:
    return _t(FORM_TITLE)


def instruction() -> str:
    return _t(INSTRUCTION)


def screen_instruction() -> str:
    return _t(SCREEN_INSTRUCTION)


def acknowledgement() -> str:
    return _t(ACKNOWLEDGEMENT)
