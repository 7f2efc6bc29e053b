"""Read the human-readable library sources (resources/library/*.toml) into plain data."""

from __future__ import annotations

import tomllib
from importlib.resources.abc import Traversable
from typing import Any

from companion.library.model import (
    BankQuestion,
    Entry,
    Fact,
    LabelPlan,
    RedFlagRule,
    Section,
    SideEffect,
    Source,
    SymptomTerm,
)
from companion.resource_files import resources_root

ENTRY_FOLDERS = ("drugs", "treatments", "sites", "tests", "guides")


def source_root() -> Traversable:
    return resources_root() / "library"


def _load(path: Traversable) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_symptoms(root: Traversable | None = None) -> list[SymptomTerm]:
    data = _load((root or source_root()) / "symptoms.toml")
    return [
        SymptomTerm(
            id=s["id"],
            term=s["term"],
            attributes=tuple(s["attributes"]),
            category=s["category"],
            pro_ctcae=bool(s["pro_ctcae"]),
            aliases=tuple(s.get("aliases", ())),
        )
        for s in data["symptom"]
    ]


def load_rules(root: Traversable | None = None) -> list[RedFlagRule]:
    path = (root or source_root()) / "red_flags.toml"
    if not path.is_file():
        return []
    return [
        RedFlagRule(
            id=r["id"],
            symptom=r["symptom"],
            urgency=r["urgency"],
            message=r["message"],
            attribute=r.get("attribute"),
            min_answer=r.get("min_answer"),
            min_value=r.get("min_value"),
            drugs=tuple(r.get("drugs", ())),
            drug_classes=tuple(r.get("drug_classes", ())),
            sites=tuple(r.get("sites", ())),
            sources=tuple(r.get("sources", ())),
        )
        for r in _load(path).get("rule", [])
    ]


def load_questions(root: Traversable | None = None) -> list[BankQuestion]:
    path = (root or source_root()) / "questions.toml"
    if not path.is_file():
        return []
    return [
        BankQuestion(
            id=q["id"], topic=q["topic"], text=q["text"], sources=tuple(q.get("sources", ()))
        )
        for q in _load(path).get("question", [])
    ]


def load_sources(root: Traversable | None = None) -> dict[str, Source]:
    data = _load((root or source_root()) / "sources.toml")
    return {
        tag: Source(tag=tag, url=s.get("url", ""), title=s.get("title", tag))
        for tag, s in data["source"].items()
    }


def entry_from_toml(data: dict[str, Any]) -> Entry:
    reviewed = str(data["reviewed"])
    return Entry(
        id=data["id"],
        kind=data["kind"],
        title=data["title"],
        summary=data.get("summary", ""),
        reviewed=reviewed,
        research=bool(data.get("research", False)),
        drug_class=data.get("drug_class"),
        category=data.get("category"),
        generic=data.get("generic"),
        brands=tuple(data.get("brands", ())),
        abbreviations=tuple(data.get("abbreviations", ())),
        aliases=tuple(data.get("aliases", ())),
        route=data.get("route"),
        related=tuple(data.get("related", ())),
        sections=tuple(
            Section(
                key=s["key"],
                facts=tuple(
                    Fact(
                        text=f["text"],
                        sources=tuple(f.get("sources", ())),
                        reviewed=str(f.get("reviewed", reviewed)),
                        unverified=bool(f.get("unverified", False)),
                    )
                    for f in s.get("fact", [])
                ),
            )
            for s in data.get("section", [])
        ),
        side_effects=tuple(
            SideEffect(
                symptom=e.get("symptom", ""),
                text=e["text"],
                serious=bool(e.get("serious", False)),
                sources=tuple(e.get("sources", ())),
            )
            for e in data.get("side_effect", [])
        ),
        label_plan=_label_plan(data.get("label_plan")),
    )


def _label_plan(data: dict[str, Any] | None) -> LabelPlan | None:
    if data is None:
        return None
    return LabelPlan(
        food=data["food"],
        times_per_day=data.get("times_per_day"),
        days_on=data.get("days_on"),
        cycle_days=data.get("cycle_days"),
        sources=tuple(data.get("sources", ())),
    )


def load_entries(root: Traversable | None = None) -> list[Entry]:
    base = root or source_root()
    entries = []
    for folder in ENTRY_FOLDERS:
        directory = base / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir(), key=lambda p: p.name):
            if path.name.endswith(".toml"):
                entries.append(entry_from_toml(_load(path)))
    return entries
