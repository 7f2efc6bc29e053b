"""The ESAS-r (Edmonton Symptom Assessment System, revised version), as published.

The form may not be modified under its name, so the wording, definitions and anchors below
are exactly those printed on the AHS form (Revised: November 2010); see
shared/content/esas_r.md. A translation must use an authorised translation of the form.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ESAS-r", text)


@dataclass(frozen=True)
class EsasItem:
    id: str
    name: str
    definition: str  # "" when the form prints none
    anchor_0: str
    anchor_10: str


# (id, item, definition, anchor at 0, anchor at 10): verbatim from the form.
_ITEMS = (
    ("pain", "Pain", "", "No Pain", "Worst Possible Pain"),
    (
        "tiredness",
        "Tiredness",
        "(Tiredness = lack of energy)",
        "No Tiredness",
        "Worst Possible Tiredness",
    ),
    (
        "drowsiness",
        "Drowsiness",
        "(Drowsiness = feeling sleepy)",
        "No Drowsiness",
        "Worst Possible Drowsiness",
    ),
    ("nausea", "Nausea", "", "No Nausea", "Worst Possible Nausea"),
    (
        "lack_of_appetite",
        "Lack of Appetite",
        "",
        "No Lack of Appetite",
        "Worst Possible Lack of Appetite",
    ),
    (
        "shortness_of_breath",
        "Shortness of Breath",
        "",
        "No Shortness of Breath",
        "Worst Possible Shortness of Breath",
    ),
    (
        "depression",
        "Depression",
        "(Depression = feeling sad)",
        "No Depression",
        "Worst Possible Depression",
    ),
    ("anxiety", "Anxiety", "(Anxiety = feeling nervous)", "No Anxiety", "Worst Possible Anxiety"),
    (
        "wellbeing",
        "Wellbeing",
        "(Wellbeing = how you feel overall)",
        "Best Wellbeing",
        "Worst Possible Wellbeing",
    ),
)

ITEM_IDS: tuple[str, ...] = tuple(row[0] for row in _ITEMS)
MAX_VALUE = 10
MAX_TOTAL = MAX_VALUE * len(ITEM_IDS)

FORM_TITLE = "Edmonton Symptom Assessment System: (revised version) (ESAS-r)"
INSTRUCTION = "Please circle the number that best describes how you feel NOW:"
ACKNOWLEDGEMENT = (
    "ESAS-r, Revised: November 2010. Alberta Health Services / Covenant Health / "
    "University of Alberta. Used as published."
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


def acknowledgement() -> str:
    return _t(ACKNOWLEDGEMENT)
