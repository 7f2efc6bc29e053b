"""Reading a symptom CSV back into the log: the whole file is checked before anything is
changed, and all of it is imported or nothing (the format: companion/reports/symptom_csv.py)."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path

from companion import collector
from companion.errors import ValidationError
from companion.input_files import read_capped
from companion.library.model import URGENCIES
from companion.reports.symptom_csv import (
    COLUMNS,
    KINDS,
    MAX_BYTES,
    MAX_PROBLEMS,
    MAX_ROWS,
    REQUIRED,
    Memo,
    SymptomCsv,
    formula_unsafe,
)
from companion.symptoms import esas, wording
from companion.symptoms.model import (
    OVERALL_ANSWERS,
    RECALL_DAILY,
    RECALL_NOW,
    SYMPTOM_RECALLS,
    AnswerRow,
    DayRows,
    DayState,
    FlagEvent,
    recall_key,
)
from companion.symptoms.service import (
    EARLIEST_DAY,
    MAX_NOTE_CHARS,
    TEMPERATURE_RANGE_C,
    WEIGHT_RANGE_KG,
    MergeConflict,
    SymptomService,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^\d{1,2}$")
_RULE_ID = re.compile(r"^[A-Za-z0-9_.:\-]{1,80}$")


@dataclass
class _Day:
    answers: list[AnswerRow] = field(default_factory=list)  # one per (recall, symptom, attribute)
    overall: str | None = None
    done_at: datetime | None = None
    esas: dict[str, int] = field(default_factory=dict)
    temperature_c: float | None = None
    weight_kg: float | None = None
    note: str = ""
    flags: dict[str, FlagEvent] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedFile:
    days: list[DayRows]  # earliest first
    rows: int
    lines: dict[tuple[date, str, str, str], int]  # entry → line number, for messages


@dataclass(frozen=True)
class ImportSummary:
    rows: int
    days: int
    added: int  # entries new to the log (the rest were already there)


class _Problems:
    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, line: int, message: str) -> None:
        self.found.append(
            SymptomCsv.tr("Line {line}: {problem}").format(line=line, problem=message)
        )
        if len(self.found) >= MAX_PROBLEMS:
            raise self.error()

    def error(self) -> ValidationError:
        first = self.found[0]
        more = len(self.found) - 1
        if more:
            first += " " + SymptomCsv.tr(
                "(and {count} more problems; nothing was imported)"
            ).format(count=more)
        else:
            first += " " + SymptomCsv.tr("(nothing was imported)")
        return ValidationError(first)


def _too_big(size: int) -> ValidationError:
    def megabytes(count: int) -> str:
        return f"{count / (1024 * 1024):.1f}".rstrip("0").rstrip(".")

    return ValidationError(
        SymptomCsv.tr(
            "The file is too big ({size} MB; at most {limit} MB). Nothing was imported."
        ).format(size=megabytes(size), limit=megabytes(MAX_BYTES))
    )


def _decode(data: bytes) -> str:
    if not data.strip():
        raise ValidationError(SymptomCsv.tr("The file is empty: there is nothing to import."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValidationError(
            SymptomCsv.tr(
                "Line {line} is not readable text (UTF-8). Is this a CSV file exported from "
                "HER2 Companion or a spreadsheet? Nothing was imported."
            ).format(line=line)
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ValidationError(
            SymptomCsv.tr("Line {line} holds binary data, not text. Nothing was imported.").format(
                line=line
            )
        )
    return text


_day = functools.lru_cache(maxsize=8192)(date.fromisoformat)
# recall_days, symptom id, attribute, value, and the key that tells repeated lines
_GoodAnswer = tuple[int, str, str, int, str]
# recall_days each kind of row may give, as written in the file
_RECALLS_ALLOWED = {
    "symptom": {str(r) for r in SYMPTOM_RECALLS},
    "esas": {str(RECALL_NOW)},
    "overall": {str(RECALL_DAILY)},
}


@functools.lru_cache(maxsize=8192)  # a day's rows share a time (and a date, below)
def _moment(text: str) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("no time zone")
    return value.astimezone(UTC)


class _QuickCheck:
    """The common row, a well-formed symptom answer, checked by looking its cells up in
    tables filled once per distinct value (a log repeats a few hundred symptom answers and
    one date per day). Any other row, or any doubt, goes to _check_row(), which finds the
    same answer for a good row and names the problem of a bad one."""

    _CELLS = (
        "date",
        "kind",
        "item",
        "attribute",
        "value",
        "recorded_at",
        "acknowledged_at",
        "recall_days",
    )

    def __init__(
        self, service: SymptomService, columns: dict[str, int], width: int, today: date
    ) -> None:
        self._service = service
        self._today = today
        # An optional column the file lacks is read from an empty cell added past the end.
        self._pad = any(name not in columns for name in self._CELLS)
        self._cells = itemgetter(*(columns.get(name, width) for name in self._CELLS))
        # Keyed by the cells as written (spaces and all); None: not good, see _check_row.
        self._days: Memo[str, date | None] = Memo(self._good_day)
        self._answers: Memo[tuple[str, str, str, str], _GoodAnswer | None] = Memo(self._good_answer)
        self._moments: Memo[str, datetime | None] = Memo(self._good_moment)

    def took(
        self,
        row: list[str],
        line: int,
        days: dict[date, _Day],
        lines: dict[tuple[date, str, str, str], int],
    ) -> bool:
        """Add the row if it is a good symptom answer (True); False leaves it untouched."""
        if self._pad:
            row.append("")
        raw_day, kind, item, attribute, value, recorded, acknowledged, recall = self._cells(row)
        if kind != "symptom":
            return False
        day = self._days[raw_day]
        answer = self._answers[(item, attribute, value, recall)]
        moment = self._moments[recorded]
        if day is None or answer is None or moment is None:
            return False
        if acknowledged and self._moments[acknowledged] is None:
            return False
        recall_days, symptom, question, number, answer_key = answer
        key = (day, "symptom", symptom, answer_key)
        if key in lines:
            return False  # a repeated line: _check_row names it
        entry = days.get(day)
        if entry is None:
            entry = days[day] = _Day()
        entry.answers.append((recall_days, symptom, question, number, moment))
        lines[key] = line
        return True

    def _good_day(self, raw: str) -> date | None:
        raw = raw.strip()
        if not _DATE.match(raw):
            return None
        try:
            day = _day(raw)
        except ValueError:
            return None
        return day if EARLIEST_DAY <= day <= self._today else None

    def _good_answer(self, cells: tuple[str, str, str, str]) -> _GoodAnswer | None:
        item, attribute, raw_value, raw_recall = (cell.strip() for cell in cells)
        attribute = attribute.lower()
        if raw_recall and raw_recall not in _RECALLS_ALLOWED["symptom"]:
            return None
        recall = int(raw_recall) if raw_recall else RECALL_DAILY
        if not self._service.known(item) or attribute not in self._service.attributes(item):
            return None
        if not _INTEGER.match(raw_value) or int(raw_value) > wording.max_value(attribute):
            return None
        return recall, item, attribute, int(raw_value), recall_key(attribute, recall)

    @staticmethod
    def _good_moment(raw: str) -> datetime | None:
        """The time, or None when empty or not a time."""
        try:
            return _moment(raw.strip())
        except ValueError:
            return None


@collector.paused()  # bulk work: see companion/collector.py
def parse_csv(service: SymptomService, data: bytes) -> ParsedFile:
    """Check every line; return the days to import, or raise ValidationError naming the
    line(s) and the problem. Never changes the log."""
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems = _Problems()
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ValidationError(
            SymptomCsv.tr("Line 1 is not a CSV header: {reason}. Nothing was imported.").format(
                reason=exc
            )
        ) from exc
    if header is None:
        raise ValidationError(SymptomCsv.tr("The file is empty: there is nothing to import."))
    names = [h.strip().lower() for h in header]
    columns = {name: i for i, name in enumerate(names) if name}
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [n for n in names if n and n not in COLUMNS]
    duplicate = sorted({n for n in names if n and names.count(n) > 1})
    if missing or unknown or duplicate:
        parts = []
        if missing:
            parts.append(
                SymptomCsv.tr("missing column(s): {names}").format(names=", ".join(missing))
            )
        if unknown:
            parts.append(
                SymptomCsv.tr("unknown column(s): {names}").format(names=", ".join(unknown[:5]))
            )
        if duplicate:
            parts.append(
                SymptomCsv.tr("repeated column(s): {names}").format(names=", ".join(duplicate))
            )
        raise ValidationError(
            SymptomCsv.tr(
                "Line 1: {problems}. The columns must be: {columns}. Nothing was imported."
            ).format(problems="; ".join(parts), columns=",".join(COLUMNS))
        )
    width = len(header)
    today = service.clock.today()
    days: dict[date, _Day] = {}
    lines: dict[tuple[date, str, str, str], int] = {}
    quick = _QuickCheck(service, columns, width, today)
    count = 0
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not "".join(row).strip():  # no cell holds more than spaces
                continue
            count += 1
            if count > MAX_ROWS:
                raise ValidationError(
                    SymptomCsv.tr(
                        "The file has more than {limit} rows. Nothing was imported."
                    ).format(limit=MAX_ROWS)
                )
            if len(row) != width:
                problems.add(
                    line,
                    SymptomCsv.tr("it has {found} fields but the header has {width}.").format(
                        found=len(row), width=width
                    ),
                )
                continue
            if quick.took(row, line, days, lines):
                continue
            cell = {name: row[i].strip() for name, i in columns.items()}
            _check_row(service, cell, line, today, days, lines, problems)
    except csv.Error as exc:
        problems.add(
            line + 1, SymptomCsv.tr("it cannot be read as CSV ({reason}).").format(reason=exc)
        )
    if problems.found:
        raise problems.error()
    if count == 0:
        raise ValidationError(
            SymptomCsv.tr("The file has a header but no entries. Nothing was imported.")
        )
    parsed = [
        DayRows(
            DayState(
                day=day,
                note=entry.note,
                temperature_c=entry.temperature_c,
                weight_kg=entry.weight_kg,
                compared_with_yesterday=entry.overall,
                daily_done_at=entry.done_at,
                esas=tuple(sorted(entry.esas.items())),
                flags=tuple(entry.flags.values()),
            ),
            sorted(entry.answers),  # (recall, symptom, attribute) first: the log's order
        )
        for day, entry in sorted(days.items())
    ]
    return ParsedFile(days=parsed, rows=count, lines=lines)


def _check_row(
    service: SymptomService,
    cell: dict[str, str],
    line: int,
    today: date,
    days: dict[date, _Day],
    lines: dict[tuple[date, str, str, str], int],
    problems: _Problems,
) -> None:
    raw_day, kind = cell["date"], cell["kind"].lower()
    item, attribute, raw_value = cell["item"], cell["attribute"].lower(), cell["value"]
    if kind == "red_flag":  # a rule id is written escaped like any text a sheet could run
        item = formula_unsafe(item)
    text = formula_unsafe(cell.get("text", ""))
    if not _DATE.match(raw_day):
        problems.add(
            line, SymptomCsv.tr("“{date}” is not a date like 2026-03-31.").format(date=raw_day)
        )
        return
    try:
        day = _day(raw_day)
    except ValueError:
        problems.add(line, SymptomCsv.tr("“{date}” is not a real date.").format(date=raw_day))
        return
    if day > today:
        problems.add(line, SymptomCsv.tr("{date} is in the future.").format(date=raw_day))
        return
    if day < EARLIEST_DAY:
        problems.add(line, SymptomCsv.tr("{date} is too long ago.").format(date=raw_day))
        return
    if kind not in KINDS:
        problems.add(
            line,
            SymptomCsv.tr("“{kind}” is not a kind of entry (use one of: {kinds}).").format(
                kind=kind, kinds=", ".join(KINDS)
            ),
        )
        return
    try:
        recorded = _moment(cell.get("recorded_at", ""))
        acknowledged = _moment(cell.get("acknowledged_at", ""))
    except ValueError:
        problems.add(line, SymptomCsv.tr("a time is not like 2026-03-31T09:30:00Z."))
        return
    raw_recall = cell.get("recall_days", "")
    recall = RECALL_DAILY if kind == "symptom" else RECALL_NOW
    if raw_recall:
        if raw_recall not in _RECALLS_ALLOWED.get(kind, ()):
            problems.add(
                line,
                SymptomCsv.tr("recall_days “{value}” does not fit a {kind} entry.").format(
                    value=raw_recall, kind=kind
                ),
            )
            return
        recall = int(raw_recall)
    key = (day, kind, item if kind in ("symptom", "esas", "red_flag") else "", "")
    if kind == "symptom":
        key = (day, kind, item, recall_key(attribute, recall))
    if key in lines:
        problems.add(line, SymptomCsv.tr("it repeats line {other}.").format(other=lines[key]))
        return
    entry = days.setdefault(day, _Day())
    if kind == "symptom":
        if not service.known(item):
            problems.add(
                line, SymptomCsv.tr("“{item}” is not a symptom the app knows.").format(item=item)
            )
            return
        if attribute not in service.attributes(item):
            problems.add(
                line,
                SymptomCsv.tr("{term} is asked about {allowed}, not “{attribute}”.").format(
                    term=service.term(item),
                    allowed=", ".join(service.attributes(item)),
                    attribute=attribute,
                ),
            )
            return
        top = wording.max_value(attribute)
        if not _INTEGER.match(raw_value) or int(raw_value) > top:
            problems.add(
                line,
                SymptomCsv.tr(
                    "the answer must be a whole number from 0 to {top}, not “{value}”."
                ).format(top=top, value=raw_value),
            )
            return
        entry.answers.append(
            (recall, item, attribute, int(raw_value), recorded or service.clock.utc_now())
        )
    elif kind == "overall":
        if raw_value not in OVERALL_ANSWERS:
            problems.add(
                line,
                SymptomCsv.tr("compared with yesterday is one of {words}, not “{value}”.").format(
                    words=", ".join(OVERALL_ANSWERS), value=raw_value
                ),
            )
            return
        entry.overall = raw_value
        entry.done_at = (recorded or service.clock.utc_now()) if text == "done" else None
    elif kind == "esas":
        if item not in esas.ITEM_IDS:
            problems.add(line, SymptomCsv.tr("“{item}” is not an ESAS-r item.").format(item=item))
            return
        if not _INTEGER.match(raw_value) or int(raw_value) > esas.MAX_VALUE:
            problems.add(
                line,
                SymptomCsv.tr(
                    "an ESAS-r answer is a whole number from 0 to 10, not “{value}”."
                ).format(value=raw_value),
            )
            return
        entry.esas[item] = int(raw_value)
    elif kind in ("temperature", "weight"):
        low, high = TEMPERATURE_RANGE_C if kind == "temperature" else WEIGHT_RANGE_KG
        unit = "°C" if kind == "temperature" else "kg"
        try:
            value = float(raw_value)
        except ValueError:
            value = float("nan")
        if not low <= value <= high:
            problems.add(
                line,
                SymptomCsv.tr(
                    "the {kind} must be a number from {low} to {high} {unit}, not “{value}”."
                ).format(kind=kind, low=low, high=high, unit=unit, value=raw_value),
            )
            return
        setattr(entry, "temperature_c" if kind == "temperature" else "weight_kg", round(value, 2))
    elif kind == "note":
        if len(text) > MAX_NOTE_CHARS:
            problems.add(
                line,
                SymptomCsv.tr("the note is longer than {limit} characters.").format(
                    limit=MAX_NOTE_CHARS
                ),
            )
            return
        if not text:
            problems.add(line, SymptomCsv.tr("the note is empty."))
            return
        entry.note = text
    else:  # red_flag
        if not _RULE_ID.match(item):
            problems.add(line, SymptomCsv.tr("a red flag needs its rule id in the item column."))
            return
        if attribute not in URGENCIES:
            problems.add(
                line,
                SymptomCsv.tr("the urgency must be one of {urgencies}, not “{value}”.").format(
                    urgencies=", ".join(URGENCIES), value=attribute
                ),
            )
            return
        if not text or len(text) > MAX_NOTE_CHARS:
            problems.add(line, SymptomCsv.tr("a red flag needs its message in the text column."))
            return
        entry.flags[item] = FlagEvent(
            id=0,
            day=day,
            rule_id=item,
            urgency=attribute,
            message=text,
            raised_at=recorded or service.clock.utc_now(),
            acknowledged_at=acknowledged,
        )
    lines[key] = line


def read_file(path: Path) -> bytes:
    """The file's bytes, capped at MAX_BYTES; devices and pipes are refused, never read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_capped names the problem
    return read_capped(path, MAX_BYTES, _too_big(max(size, MAX_BYTES + 1)))


def import_bytes(service: SymptomService, data: bytes) -> ImportSummary:
    """Validate everything, then add it all in one transaction (or nothing)."""
    return import_parsed(service, parse_csv(service, data))


@collector.paused()
def import_parsed(service: SymptomService, parsed: ParsedFile) -> ImportSummary:
    """Add a checked file to the log in one transaction; a conflict with what the log
    already holds changes nothing and names the line."""
    try:
        added = service.merge_days(parsed.days)
    except MergeConflict as conflict:
        day, kind, item, attribute = conflict.key
        line = parsed.lines.get((day, kind, item, attribute)) or parsed.lines.get(
            (day, kind, "", "")
        )
        what = service.term(item) if kind == "symptom" else (esas.item_name(item) if item else kind)
        raise ValidationError(
            SymptomCsv.tr(
                "Line {line}: on {day} the log already has {current} for {what}, but the file "
                "says {incoming}. Nothing was imported."
            ).format(
                line=line or "?",
                day=day.isoformat(),
                current=conflict.current,
                what=what + (f" ({attribute})" if attribute else ""),
                incoming=conflict.incoming,
            )
        ) from conflict
    return ImportSummary(rows=parsed.rows, days=len(parsed.days), added=added)


def import_csv(service: SymptomService, path: Path) -> ImportSummary:
    return import_bytes(service, read_file(path))
