"""Check the library sources before they are compiled: one plain line per problem.

Works on the raw TOML (not the dataclasses) so that typos in keys, wrong types, unknown
ids and missing sources are all caught with the file and place they occur in.
"""

from __future__ import annotations

import datetime as dt
import tomllib
import urllib.parse
from collections.abc import Iterable
from importlib.resources.abc import Traversable
from typing import Any

from companion.library.model import (
    ANSWER_SCALES,
    DRUG_CLASSES,
    FOLDER_KINDS,
    FOOD_RULES,
    MEASUREMENTS,
    QUESTION_TOPICS,
    SECTION_KEYS,
    TREATMENT_CATEGORIES,
    URGENCIES,
)

ENTRY_KEYS = {
    "id",
    "kind",
    "title",
    "reviewed",
    "summary",
    "research",
    "related",
    "aliases",
    "drug_class",
    "generic",
    "brands",
    "abbreviations",
    "route",
    "category",
    "section",
    "side_effect",
    "label_version",
    "label_plan",
}
LABEL_PLAN_KEYS = {"food", "times_per_day", "days_on", "cycle_days", "sources"}
SECTION_FIELDS = {"key", "fact"}
FACT_KEYS = {"text", "sources", "reviewed", "unverified"}
SIDE_EFFECT_KEYS = {"symptom", "text", "serious", "sources"}
RULE_KEYS = {
    "id",
    "symptom",
    "attribute",
    "min_answer",
    "min_value",
    "drugs",
    "drug_classes",
    "sites",
    "urgency",
    "message",
    "sources",
}
QUESTION_KEYS = {"id", "topic", "text", "sources"}
SYMPTOM_KEYS = {
    "id",
    "term",
    "item_no",
    "attributes",
    "category",
    "pro_ctcae",
    "sources",
    "aliases",
}
SOURCE_KEYS = {"url", "title"}
DOMAIN_KEYS = {"kind", "reason"}
DOMAIN_KINDS = {
    "regulator",
    "government",
    "guideline",
    "literature",
    "organization",
    "society",
    "hospital",
}


class LibrarySources:
    """The raw TOML of one library folder, each table with the file it came from."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        self.problems: list[str] = []
        self.sources: dict[str, Any] = self._table("sources.toml", "source", required=True)
        self.domains: dict[str, Any] = self._table("trusted_domains.toml", "domain", True)
        self.symptoms: list[dict[str, Any]] = self._table("symptoms.toml", "symptom", True)
        self.rules: list[dict[str, Any]] = self._table("red_flags.toml", "rule", False)
        self.questions: list[dict[str, Any]] = self._table("questions.toml", "question", False)
        self.entries: list[tuple[str, dict[str, Any]]] = []
        for folder in FOLDER_KINDS:
            directory = root / folder
            if not directory.is_dir():
                continue
            for path in sorted(directory.iterdir(), key=lambda p: p.name):
                if path.name.endswith(".toml"):
                    data = self._read(f"{folder}/{path.name}", path)
                    if data is not None:
                        self.entries.append((f"{folder}/{path.name}", data))

    def _read(self, name: str, path: Traversable) -> dict[str, Any] | None:
        try:
            with path.open("rb") as handle:
                return tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            self.problems.append(f"{name}: not valid TOML ({exc})")
        except OSError as exc:
            self.problems.append(f"{name}: cannot be read ({exc.strerror})")
        return None

    def _table(self, name: str, key: str, required: bool) -> Any:
        path = self.root / name
        empty: Any = {} if key in ("source", "domain") else []
        if not path.is_file():
            if required:
                self.problems.append(f"{name}: missing")
            return empty
        data = self._read(name, path)
        return empty if data is None else data.get(key, empty)


def validate(root: Traversable) -> list[str]:
    """Every problem in the library folder, as plain lines; empty when all is well."""
    raw = LibrarySources(root)
    checker = _Checker(raw)
    checker.run()
    return raw.problems + checker.problems


def _is_iso_date(value: object) -> bool:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return True
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


class _Checker:
    def __init__(self, raw: LibrarySources) -> None:
        self.raw = raw
        self.problems: list[str] = []
        self.source_tags = set(raw.sources) if isinstance(raw.sources, dict) else set()
        self.symptom_attributes: dict[str, tuple[str, ...]] = {}
        self.entry_kinds: dict[str, str] = {}

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def run(self) -> None:
        self.check_sources()
        self.check_symptoms()
        for name, data in self.raw.entries:
            entry_id = data.get("id")
            if isinstance(entry_id, str):
                if entry_id in self.entry_kinds:
                    self.problem(name, f"id '{entry_id}' is used by another entry too")
                self.entry_kinds[entry_id] = str(data.get("kind"))
        for name, data in self.raw.entries:
            self.check_entry(name, data)
        self.check_rules()
        self.check_questions()

    # -- shared pieces -------------------------------------------------------------------
    def unknown_keys(self, where: str, data: dict[str, Any], allowed: set[str]) -> None:
        for key in sorted(set(data) - allowed):
            self.problem(where, f"unknown key '{key}'")

    def text(self, where: str, data: dict[str, Any], key: str) -> None:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(where, f"'{key}' is missing or empty")

    def cited(self, where: str, data: dict[str, Any]) -> None:
        tags = data.get("sources")
        if not tags:
            self.problem(where, "has no source")
            return
        if not _strings(tags):
            self.problem(where, "'sources' must be a list of source tags")
            return
        for tag in tags:
            if tag not in self.source_tags:
                self.problem(where, f"unknown source tag '{tag}'")

    def ids_exist(self, where: str, key: str, ids: object, known: Iterable[str], what: str) -> None:
        if ids is None:
            return
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            self.problem(where, f"'{key}' must be a list of ids")
            return
        known_set = set(known)
        for value in ids:
            if value not in known_set:
                self.problem(where, f"unknown {what} '{value}' in '{key}'")

    def unique(self, where: str, seen: set[str], value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            self.problem(where, "'id' is missing or empty")
        elif value in seen:
            self.problem(where, f"id '{value}' is used twice")
        else:
            seen.add(value)

    # -- files -----------------------------------------------------------------------------
    def check_domains(self) -> set[str]:
        """The trusted domains, each with a kind and a reason."""
        if not isinstance(self.raw.domains, dict):
            self.problem("trusted_domains.toml", "[domain.HOST] tables expected")
            return set()
        for host, data in self.raw.domains.items():
            where = f"trusted_domains.toml: {host}"
            if not isinstance(data, dict):
                self.problem(where, "must be a table with kind and reason")
                continue
            self.unknown_keys(where, data, DOMAIN_KEYS)
            self.text(where, data, "reason")
            if data.get("kind") not in DOMAIN_KINDS:
                self.problem(where, f"unknown kind {data.get('kind')!r}")
        return set(self.raw.domains)

    def check_sources(self) -> None:
        trusted = self.check_domains()
        if not isinstance(self.raw.sources, dict):
            self.problem("sources.toml", "[source.TAG] tables expected")
            return
        for tag, data in self.raw.sources.items():
            where = f"sources.toml: {tag}"
            if not isinstance(data, dict):
                self.problem(where, "must be a table with url and title")
                continue
            self.unknown_keys(where, data, SOURCE_KEYS)
            self.text(where, data, "title")
            url = data.get("url", "")
            if not isinstance(url, str) or (url and not url.startswith(("https://", "http://"))):
                self.problem(where, "'url' must be empty or start with https://")
            elif url and urllib.parse.urlsplit(url).hostname not in trusted:
                host = urllib.parse.urlsplit(url).hostname
                self.problem(where, f"'{host}' is not a trusted domain (see trusted_domains.toml)")

    def check_symptoms(self) -> None:
        seen: set[str] = set()
        for index, data in enumerate(self.raw.symptoms, 1):
            where = f"symptoms.toml: symptom {index} ({data.get('id', '?')})"
            self.unknown_keys(where, data, SYMPTOM_KEYS)
            self.unique(where, seen, data.get("id"))
            self.text(where, data, "term")
            self.text(where, data, "category")
            attributes = data.get("attributes")
            if not _strings(attributes) or not attributes:
                self.problem(where, "'attributes' must list at least one attribute")
                attributes = []
            for attribute in attributes:
                if attribute not in ANSWER_SCALES:
                    self.problem(where, f"unknown attribute '{attribute}'")
            if not isinstance(data.get("pro_ctcae"), bool):
                self.problem(where, "'pro_ctcae' must be true or false")
            if "sources" in data:
                self.cited(where, data)
            if "aliases" in data and not _strings(data["aliases"]):
                self.problem(where, "'aliases' must be a list of non-empty strings")
            if isinstance(data.get("id"), str):
                self.symptom_attributes[data["id"]] = tuple(attributes)

    def check_entry(self, name: str, data: dict[str, Any]) -> None:
        folder = name.split("/", 1)[0]
        self.unknown_keys(name, data, ENTRY_KEYS)
        entry_id = data.get("id")
        if not isinstance(entry_id, str) or not entry_id:
            self.problem(name, "'id' is missing")
        elif f"{folder}/{entry_id}.toml" != name:
            self.problem(name, f"id '{entry_id}' does not match the file name")
        kind = data.get("kind")
        if kind not in FOLDER_KINDS[folder]:
            wanted = " or ".join(FOLDER_KINDS[folder])
            self.problem(name, f"kind '{kind}' is not allowed here (expected {wanted})")
        for key in ("title", "summary"):
            self.text(name, data, key)
        reviewed = data.get("reviewed")
        if not _is_iso_date(reviewed):
            self.problem(name, f"'reviewed' must be an ISO date like 2026-11-23, not {reviewed!r}")
        for key in ("related", "aliases", "brands", "abbreviations"):
            if key in data and not (isinstance(data[key], list) and _strings(data[key])):
                self.problem(name, f"'{key}' must be a list of non-empty strings")
        self.ids_exist(name, "related", data.get("related"), self.entry_kinds, "entry")
        if entry_id in (data.get("related") or []):
            self.problem(name, "an entry cannot be related to itself")
        if not isinstance(data.get("research", False), bool):
            self.problem(name, "'research' must be true or false")
        if kind == "drug":
            if data.get("drug_class") not in DRUG_CLASSES:
                self.problem(name, f"unknown drug_class {data.get('drug_class')!r}")
            self.text(name, data, "route")
            if "label_version" in data:
                self.text(name, data, "label_version")
        elif "drug_class" in data:
            self.problem(name, "only drugs have a drug_class")
        if kind == "treatment" and data.get("category") not in TREATMENT_CATEGORIES:
            self.problem(name, f"unknown category {data.get('category')!r}")
        sections = data.get("section", [])
        if not isinstance(sections, list) or not sections:
            self.problem(name, "has no [[section]]")
            sections = []
        for s_index, section in enumerate(sections, 1):
            self.check_section(f"{name}: section {s_index}", section)
        effects = data.get("side_effect", [])
        if effects and kind not in ("drug", "treatment"):
            self.problem(name, "only drugs and treatments have side effects")
        if "label_plan" in data:
            self.check_label_plan(f"{name}: label_plan", kind, data["label_plan"])
        for e_index, effect in enumerate(effects, 1):
            where = f"{name}: side effect {e_index}"
            self.unknown_keys(where, effect, SIDE_EFFECT_KEYS)
            self.text(where, effect, "text")
            self.cited(where, effect)
            symptom = effect.get("symptom", "")
            if symptom and symptom not in self.symptom_attributes:
                self.problem(where, f"unknown symptom '{symptom}'")
            if not isinstance(effect.get("serious", False), bool):
                self.problem(where, "'serious' must be true or false")

    def check_label_plan(self, where: str, kind: object, plan: dict[str, Any]) -> None:
        if kind != "drug":
            self.problem(where, "only drugs have a label_plan")
        self.unknown_keys(where, plan, LABEL_PLAN_KEYS)
        if plan.get("food") not in FOOD_RULES:
            self.problem(where, f"unknown food rule {plan.get('food')!r}")
        for key in ("times_per_day", "days_on", "cycle_days"):
            value = plan.get(key)
            if value is not None and not (isinstance(value, int) and value > 0):
                self.problem(where, f"'{key}' must be a whole number above 0")
        if ("days_on" in plan) != ("cycle_days" in plan):
            self.problem(where, "'days_on' and 'cycle_days' go together")
        self.cited(where, plan)

    def check_section(self, where: str, section: dict[str, Any]) -> None:
        self.unknown_keys(where, section, SECTION_FIELDS)
        key = section.get("key")
        if key not in SECTION_KEYS:
            self.problem(where, f"unknown section key {key!r}")
        facts = section.get("fact", [])
        if not facts:
            self.problem(where, "has no [[section.fact]]")
        for f_index, fact in enumerate(facts, 1):
            place = f"{where} ({key}) fact {f_index}"
            self.unknown_keys(place, fact, FACT_KEYS)
            self.text(place, fact, "text")
            self.cited(place, fact)
            if "reviewed" in fact and not _is_iso_date(fact["reviewed"]):
                self.problem(place, f"'reviewed' must be an ISO date, not {fact['reviewed']!r}")
            if not isinstance(fact.get("unverified", False), bool):
                self.problem(place, "'unverified' must be true or false")

    def check_rules(self) -> None:
        seen: set[str] = set()
        drugs = [i for i, k in self.entry_kinds.items() if k == "drug"]
        sites = [i for i, k in self.entry_kinds.items() if k == "site"]
        for index, rule in enumerate(self.raw.rules, 1):
            where = f"red_flags.toml: rule {index} ({rule.get('id', '?')})"
            self.unknown_keys(where, rule, RULE_KEYS)
            self.unique(where, seen, rule.get("id"))
            self.text(where, rule, "message")
            self.cited(where, rule)
            if rule.get("urgency") not in URGENCIES:
                self.problem(where, f"unknown urgency {rule.get('urgency')!r}")
            self.check_rule_condition(where, rule)
            self.ids_exist(where, "drugs", rule.get("drugs"), drugs, "drug")
            self.ids_exist(where, "sites", rule.get("sites"), sites, "site")
            self.ids_exist(where, "drug_classes", rule.get("drug_classes"), DRUG_CLASSES, "class")

    def check_rule_condition(self, where: str, rule: dict[str, Any]) -> None:
        symptom = rule.get("symptom")
        if symptom in MEASUREMENTS:
            if not isinstance(rule.get("min_value"), int | float):
                self.problem(where, f"'{symptom}' needs a numeric min_value")
            return
        if symptom not in self.symptom_attributes:
            self.problem(where, f"unknown symptom {symptom!r}")
            return
        attributes = self.symptom_attributes[symptom]
        attribute = rule.get("attribute", attributes[0] if attributes else None)
        if attribute not in attributes:
            self.problem(where, f"symptom '{symptom}' has no attribute {attribute!r}")
            return
        answer = rule.get("min_answer")
        top = len(ANSWER_SCALES[attribute]) - 1
        if not isinstance(answer, int) or isinstance(answer, bool) or not 0 <= answer <= top:
            self.problem(where, f"'min_answer' must be a whole number from 0 to {top}")

    def check_questions(self) -> None:
        seen: set[str] = set()
        for index, question in enumerate(self.raw.questions, 1):
            where = f"questions.toml: question {index} ({question.get('id', '?')})"
            self.unknown_keys(where, question, QUESTION_KEYS)
            self.unique(where, seen, question.get("id"))
            self.text(where, question, "text")
            self.cited(where, question)
            if question.get("topic") not in QUESTION_TOPICS:
                self.problem(where, f"unknown topic {question.get('topic')!r}")
