"""Find the library drug a patient means: by name, brand, abbreviation or a common
misspelling. A typed name that matches nothing (or more than one drug) stays typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from companion.library.model import Entry

_MARKS = re.compile(r"[®™©]")
_SEPARATORS = re.compile(r"[\s\-_/.,()]+")


def normalise(text: str) -> str:
    """'Enhertu®', 'enhertu ' and 'T-DXd' → comparable keys ('enhertu', 'tdxd')."""
    return _SEPARATORS.sub("", _MARKS.sub("", text).casefold())


@dataclass(frozen=True)
class DrugChoice:
    """One line of the drug picker: the text shown and the library id it stands for."""

    text: str
    library_id: str
    title: str


class DrugMatcher:
    def __init__(self, drugs: list[Entry]) -> None:
        self._titles = {d.id: d.title for d in drugs}
        self._entries = {d.id: d for d in drugs}
        # Stronger names win: an alias shared by two drugs (e.g. a regimen name) is ambiguous.
        # Each key remembers how the library spells it.
        self._keys: list[dict[str, dict[str, str]]] = [{}, {}, {}]
        for drug in drugs:
            short = drug.title.split(" (", 1)[0]
            ranked = (
                [(n, short) for n in (drug.id, drug.title, drug.generic or "")],
                [(n, n) for n in (*drug.brands, *drug.abbreviations)],
                [(n, short) for n in drug.aliases],
            )
            for rank, names in enumerate(ranked):
                for name, spelled in names:
                    key = normalise(name)
                    if key:
                        self._keys[rank].setdefault(key, {})[drug.id] = spelled

    def _lookup(self, text: str) -> tuple[str, str] | None:
        """(library id, the library's spelling) for typed text, if it names one drug."""
        key = normalise(text)
        if not key:
            return None
        for table in self._keys:
            found = table.get(key)
            if found:
                return next(iter(found.items())) if len(found) == 1 else None
        return None

    def match(self, text: str) -> str | None:
        """The library id for what was typed, or None when unknown or ambiguous."""
        found = self._lookup(text)
        return found[0] if found else None

    def resolve(self, text: str) -> tuple[str, str | None]:
        """(name to keep, library id) for typed text or a picked choice such as
        'Enhertu (Trastuzumab deruxtecan)', which keeps 'Enhertu'."""
        cleaned = " ".join(text.split())
        for choice in self.choices():
            if choice.text.casefold() == cleaned.casefold():
                cleaned = cleaned.split(" (", 1)[0]
                break
        found = self._lookup(cleaned)
        # A known name is kept as the library spells it ('herceptin' → 'Herceptin',
        # 'docetaxol' → 'Docetaxel'); anything else stays exactly as typed.
        return (found[1], found[0]) if found else (cleaned, None)

    def title(self, library_id: str | None) -> str | None:
        return self._titles.get(library_id or "")

    def entry(self, library_id: str | None) -> Entry | None:
        return self._entries.get(library_id or "")

    def choices(self) -> list[DrugChoice]:
        """Picker entries: each drug by its name, then by each brand and abbreviation."""
        result = []
        for drug in sorted(self._entries.values(), key=lambda d: d.title.casefold()):
            short = drug.title.split(" (", 1)[0]
            # Only names that point to this one drug (an abbreviation such as "AI" may not).
            extra = [n for n in (*drug.brands, *drug.abbreviations) if self.match(n) == drug.id]
            shown = f"{short} ({', '.join(extra)})" if extra else drug.title
            result.append(DrugChoice(shown, drug.id, drug.title))
            for name in extra:
                result.append(DrugChoice(f"{name} ({short})", drug.id, drug.title))
        return result
