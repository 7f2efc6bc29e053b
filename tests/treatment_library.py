"""A small fake drug library for the treatment tests (services and the Treatments page)."""

from __future__ import annotations

from companion.library.model import Entry, SymptomTerm


def drug(
    drug_id: str,
    title: str,
    brands: tuple[str, ...] = (),
    abbreviations: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    route: str | None = None,
) -> Entry:
    return Entry(
        id=drug_id,
        kind="drug",
        title=title,
        summary="",
        reviewed="2026-11-23",
        generic=title.lower(),
        brands=brands,
        abbreviations=abbreviations,
        aliases=aliases,
        route=route,
    )


DRUGS = [
    drug(
        "trastuzumab-deruxtecan",
        "Trastuzumab deruxtecan (T-DXd)",
        ("Enhertu",),
        ("T-DXd",),
        ("tdxd", "thp-like"),
        "Drip into a vein every 3 weeks",
    ),
    drug("trastuzumab", "Trastuzumab", ("Herceptin",), (), ("thp",)),
    drug("pertuzumab", "Pertuzumab", ("Perjeta",), (), ("thp",)),
    drug("docetaxel", "Docetaxel", ("Taxotere",), (), ("thp", "docetaxol")),
    drug("denosumab", "Denosumab", ("Xgeva", "Prolia")),
]
SYMPTOMS = [
    SymptomTerm("nausea", "Nausea", ("frequency", "severity"), "gi", True),
    SymptomTerm("fatigue", "Fatigue", ("severity", "interference"), "general", True),
]


class FakeLibrary:
    def drugs(self) -> list[Entry]:
        return list(DRUGS)

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return next((s for s in SYMPTOMS if s.id == symptom_id), None)

    def entry(self, entry_id: str) -> Entry | None:
        return next((d for d in DRUGS if d.id == entry_id), None)
