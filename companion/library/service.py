"""The library as services and pages see it: read-only, from the compiled database.

The database (resources/library/library.sqlite, built by companion.library.build) is opened
read-only and immutable, so nothing in the app can change it. Entries, symptoms, rules and
questions are read once and kept as plain frozen dataclasses; search runs on the FTS5 index.
"""

from __future__ import annotations

import json
import threading
from functools import cached_property
from pathlib import Path

from companion.library import database
from companion.library import search as search_index
from companion.library.model import (
    URGENCIES,
    BankQuestion,
    Entry,
    Fact,
    LabelPlan,
    RedFlagRule,
    SearchHit,
    Section,
    SideEffect,
    Source,
    SymptomTerm,
)
from companion.resource_files import resources_root


def default_database() -> Path:
    return Path(str(resources_root() / "library" / "library.sqlite"))


def _tuple(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


# Most urgent first: emergency, now, today.
URGENCY_RANK = {urgency: rank for rank, urgency in enumerate(reversed(URGENCIES))}


def _threshold(rule: RedFlagRule) -> float:
    if rule.min_value is not None:
        return float(rule.min_value)
    return float(rule.min_answer if rule.min_answer is not None else 1)


def _covers(one: RedFlagRule, other: RedFlagRule) -> bool:
    """True when `one` always raises at least as urgent a sign as `other`, so a list of
    warning signs does not need `other`: same symptom, attribute and sites, a threshold no
    higher, and an urgency at least as high."""
    return (
        one.symptom == other.symptom
        and one.attribute == other.attribute
        and one.sites == other.sites
        and _threshold(one) <= _threshold(other)
        and URGENCY_RANK.get(one.urgency, 9) <= URGENCY_RANK.get(other.urgency, 9)
    )


class LibraryService:
    """Lookups and search over the bundled library. Safe to share between threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_database()
        self._connection = database.open_read_only(self.path)
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def _rows(self, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]  # sqlite3 rows have any shape
        with self._lock:
            return self._connection.execute(sql, args).fetchall()

    # -- what the library holds ----------------------------------------------------------
    @cached_property
    def info(self) -> dict[str, str]:
        """schema_version, content_hash, entries and facts of the open database."""
        with self._lock:
            return database.meta(self._connection)

    @cached_property
    def _sources(self) -> dict[str, Source]:
        rows = self._rows("SELECT tag, url, title FROM source ORDER BY tag")
        return {tag: Source(tag=tag, url=url, title=title) for tag, url, title in rows}

    @cached_property
    def _symptoms(self) -> dict[str, SymptomTerm]:
        rows = self._rows(
            "SELECT id, term, attributes, category, pro_ctcae FROM symptom ORDER BY position"
        )
        return {
            r[0]: SymptomTerm(
                id=r[0], term=r[1], attributes=_tuple(r[2]), category=r[3], pro_ctcae=bool(r[4])
            )
            for r in rows
        }

    @cached_property
    def _entries(self) -> dict[str, Entry]:
        facts: dict[str, dict[int, tuple[str, list[Fact]]]] = {}
        for entry_id, section, key, text, reviewed, unverified, tags in self._rows(
            "SELECT entry_id, section, section_key, text, reviewed, unverified, sources "
            "FROM fact ORDER BY entry_id, section, position"
        ):
            fact = Fact(
                text=text, sources=_tuple(tags), reviewed=reviewed, unverified=bool(unverified)
            )
            facts.setdefault(entry_id, {}).setdefault(section, (key, []))[1].append(fact)
        effects: dict[str, list[SideEffect]] = {}
        for entry_id, symptom, text, serious, tags in self._rows(
            "SELECT entry_id, symptom, text, serious, sources FROM side_effect "
            "ORDER BY entry_id, position"
        ):
            effects.setdefault(entry_id, []).append(
                SideEffect(symptom=symptom, text=text, serious=bool(serious), sources=_tuple(tags))
            )
        plans = {
            entry_id: LabelPlan(food, times, days_on, cycle_days, _tuple(tags))
            for entry_id, food, times, days_on, cycle_days, tags in self._rows(
                "SELECT entry_id, food, times_per_day, days_on, cycle_days, sources FROM label_plan"
            )
        }
        entries: dict[str, Entry] = {}
        for row in self._rows(
            "SELECT id, kind, title, summary, reviewed, research, drug_class, category, generic,"
            " route, brands, abbreviations, aliases, related FROM entry ORDER BY position"
        ):
            entry_id = row[0]
            sections = facts.get(entry_id, {})
            entries[entry_id] = Entry(
                id=entry_id,
                kind=row[1],
                title=row[2],
                summary=row[3],
                reviewed=row[4],
                research=bool(row[5]),
                drug_class=row[6],
                category=row[7],
                generic=row[8],
                route=row[9],
                brands=_tuple(row[10]),
                abbreviations=_tuple(row[11]),
                aliases=_tuple(row[12]),
                related=_tuple(row[13]),
                sections=tuple(
                    Section(key=key, facts=tuple(items))
                    for _index, (key, items) in sorted(sections.items())
                ),
                side_effects=tuple(effects.get(entry_id, ())),
                label_plan=plans.get(entry_id),
            )
        return entries

    @cached_property
    def _rules(self) -> list[RedFlagRule]:
        return [
            RedFlagRule(
                id=r[0],
                symptom=r[1],
                attribute=r[2],
                min_answer=r[3],
                min_value=r[4],
                drugs=_tuple(r[5]),
                drug_classes=_tuple(r[6]),
                sites=_tuple(r[7]),
                urgency=r[8],
                message=r[9],
                sources=_tuple(r[10]),
            )
            for r in self._rows(
                "SELECT id, symptom, attribute, min_answer, min_value, drugs, drug_classes,"
                " sites, urgency, message, sources FROM red_flag_rule ORDER BY position"
            )
        ]

    @cached_property
    def _questions(self) -> list[BankQuestion]:
        return [
            BankQuestion(id=r[0], topic=r[1], text=r[2], sources=_tuple(r[3]))
            for r in self._rows("SELECT id, topic, text, sources FROM question ORDER BY position")
        ]

    @cached_property
    def _vocabulary(self) -> list[str]:
        with self._lock:
            return search_index.load_vocabulary(self._connection)

    # -- symptoms ----------------------------------------------------------------------
    def symptoms(self) -> list[SymptomTerm]:
        return list(self._symptoms.values())

    def symptom(self, symptom_id: str) -> SymptomTerm | None:
        return self._symptoms.get(symptom_id)

    # -- entries -----------------------------------------------------------------------
    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def entries(self, kind: str | None = None) -> list[Entry]:
        return [e for e in self._entries.values() if kind is None or e.kind == kind]

    def drugs(self) -> list[Entry]:
        return self.entries("drug")

    def drug_side_effect_symptoms(self, drug_ids: list[str]) -> list[str]:
        """Symptom ids of the known side effects of these drugs, common ones first."""
        seen: dict[str, None] = {}
        for serious in (False, True):
            for drug_id in drug_ids:
                entry = self._entries.get(drug_id)
                for effect in entry.side_effects if entry else ():
                    if (
                        effect.symptom
                        and effect.serious == serious
                        and effect.symptom in self._symptoms
                    ):
                        seen.setdefault(effect.symptom)
        return list(seen)

    def entries_with_symptom(self, symptom_id: str) -> list[Entry]:
        """Drugs and treatments that list this symptom as a side effect."""
        return [
            e
            for e in self._entries.values()
            if any(effect.symptom == symptom_id for effect in e.side_effects)
        ]

    # -- red flags and questions -------------------------------------------------------
    def red_flag_rules(self) -> list[RedFlagRule]:
        return list(self._rules)

    def rules_for_symptom(self, symptom_id: str) -> list[RedFlagRule]:
        return [r for r in self._rules if r.symptom == symptom_id]

    def rules_for_drug(self, drug_id: str) -> list[RedFlagRule]:
        """Rules that name this drug or its class (not the rules that apply to everyone)."""
        entry = self._entries.get(drug_id)
        drug_class = entry.drug_class if entry else None
        return [
            r
            for r in self._rules
            if drug_id in r.drugs or (drug_class is not None and drug_class in r.drug_classes)
        ]

    def rules_for_site(self, site_id: str) -> list[RedFlagRule]:
        return [r for r in self._rules if site_id in r.sites]

    def red_flags_for_entry(self, entry_id: str) -> list[RedFlagRule]:
        """The warning signs that apply specifically to this entry, most urgent first.

        For a medicine: the rules that name it or its class (a chemotherapy rule applies to
        every chemotherapy drug, listed or not). For a site of spread: the rules that name
        the site. Rules for everyone are left out, and so is a rule that another one of the
        list already covers (same symptom, lower or equal threshold, at least as urgent).
        Within one urgency the rules keep the order of red_flags.toml (grouped by topic).
        """
        entry = self._entries.get(entry_id)
        if entry is None:
            return []
        if entry.kind == "drug":
            rules = self.rules_for_drug(entry_id)
        elif entry.kind == "site":
            rules = self.rules_for_site(entry_id)
        else:
            return []
        kept: list[RedFlagRule] = []
        for index, rule in enumerate(rules):
            covered = any(
                _covers(other, rule) and (not _covers(rule, other) or other_index < index)
                for other_index, other in enumerate(rules)
                if other_index != index
            )
            if not covered:
                kept.append(rule)
        return sorted(kept, key=lambda r: URGENCY_RANK.get(r.urgency, len(URGENCY_RANK)))

    def questions(self) -> list[BankQuestion]:
        return list(self._questions)

    def patient_texts(self) -> list[tuple[str, str]]:
        """(where, text) of every paragraph a patient reads: summaries, facts, side
        effects, red-flag messages and questions (for the readability and copy checks)."""
        out: list[tuple[str, str]] = []
        for entry in self.entries():
            out.append((f"{entry.id}: summary", entry.summary))
            for section in entry.sections:
                for number, fact in enumerate(section.facts, 1):
                    out.append((f"{entry.id}: {section.key} fact {number}", fact.text))
            for number, effect in enumerate(entry.side_effects, 1):
                out.append((f"{entry.id}: side effect {number}", effect.text))
        out.extend((f"red flag {rule.id}", rule.message) for rule in self.red_flag_rules())
        out.extend((f"question {q.id}", q.text) for q in self.questions())
        return out

    # -- sources and search ------------------------------------------------------------
    def sources(self) -> dict[str, Source]:
        return dict(self._sources)

    def source(self, tag: str) -> Source | None:
        return self._sources.get(tag)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Ranked hits for what was typed so far (prefixes, brand names, misspellings)."""
        with self._lock:
            return search_index.search(self._connection, text, limit, lambda: self._vocabulary)
