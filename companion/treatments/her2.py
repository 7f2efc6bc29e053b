"""HER2 category from the IHC score and FISH result, and receptor changes between biopsies.

Categories follow the ASCO/CAP reporting terms: positive (IHC 3+, or 2+ with FISH amplified),
low (IHC 1+, or 2+ without amplification), ultralow (IHC 0 with faint staining), zero (no
staining). This names what the report says; it never suggests a treatment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from companion.translations import Treatments
from companion.treatments.labels import (
    day_text,
    her2_category_label,
    receptor_label,
)


def her2_category(ihc: str | None, fish: str | None) -> str:
    if fish == "positive" or ihc == "3+":
        return "positive"
    if ihc == "2+":
        return "low" if fish == "negative" else "equivocal"
    if ihc == "1+":
        return "low"
    if ihc == "0+":
        return "ultralow"
    if ihc == "0":
        return "zero"
    return "unknown"


# Categories that are a firm result, so a change between them is worth a note.
FIRM_HER2 = ("positive", "low", "ultralow", "zero")


@dataclass(frozen=True)
class ReceptorChange:
    receptor: str  # "ER" | "PR" | "HER2"
    before: str  # a code: positive/negative, or a HER2 category
    after: str
    before_day: date
    before_site: str
    after_day: date
    after_site: str

    def text(self) -> str:
        name = {
            "ER": Treatments.tr("Estrogen receptor (ER)"),
            "PR": Treatments.tr("Progesterone receptor (PR)"),
        }.get(self.receptor, Treatments.tr("HER2 status"))
        show = her2_category_label if self.receptor == "HER2" else receptor_label
        return Treatments.tr(
            "{name} changed from {before} to {after}: biopsy of {before_day}{before_site} "
            "compared with {after_day}{after_site}."
        ).format(
            name=name,
            before=show(self.before).lower() if self.receptor != "HER2" else show(self.before),
            after=show(self.after).lower() if self.receptor != "HER2" else show(self.after),
            before_day=day_text(self.before_day),
            before_site=f" ({self.before_site})" if self.before_site else "",
            after_day=day_text(self.after_day),
            after_site=f" ({self.after_site})" if self.after_site else "",
        )


def change_explained() -> str:
    return Treatments.tr(
        "Receptor results can differ between biopsies: the cancer can change over time, and "
        "different spots can differ. Your care team can explain what this means for you."
    )
