"""The symptom log a screenful at a time: filtering, sorting and counting in SQL.

The log table shows what is on screen and fetches more as the patient scrolls, so opening
it costs the same with ten years of answers as with ten days. Newest-first (the usual
order) walks the checkin.day index and the per-day answer index, so SQLite stops after the
rows asked for; the next screenful starts from the last day shown (not from an OFFSET that
would walk every row before it). Other orders sort in SQL too, on the filtered rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from companion.store import Store
from companion.symptoms import wording
from companion.symptoms.history import LogRow, TreatmentPeriod
from companion.symptoms.model import RECALL_DAILY

if TYPE_CHECKING:
    pass

LOG_ORDERS = ("date", "symptom", "question", "answer", "treatment", "flag")
NOT_FLAGGED = -9  # sorts below every urgency


@dataclass(frozen=True)
class LogQuery:
    """Which answers (symptom, first and last day, both optional) and in what order. The log
    shows the daily check-in's answers (as history.answers() does): a table never mixes
    "today" with "the last 7 days"."""

    symptom_id: str | None = None
    start: date | None = None
    end: date | None = None
    order: str = "date"  # one of LOG_ORDERS
    descending: bool = True
    recall_days: int = RECALL_DAILY


@dataclass(frozen=True)
class SortContext:
    """What the sort keys need beyond the table: symptom names, treatment lines, flags."""

    terms: dict[str, str]  # symptom id → the name shown
    periods: list[TreatmentPeriod]  # earliest first
    flags: dict[tuple[date, str], str]  # (day, symptom id) → urgency of a red flag


class LogWindow:
    """Counts and screenfuls of the log, as plain (day, symptom, attribute, value) tuples."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def count(self, query: LogQuery) -> int:
        """How many answers match (the order does not matter)."""
        parameters: dict[str, object] = {}
        where = _where(query, parameters)
        if query.start is None and query.end is None:
            # No day condition: count the answers table alone, without the join.
            sql = "SELECT count(*) FROM symptom_answer AS a" + where
        else:
            sql = f"SELECT count(*) FROM {_FROM}{where}"
        with self._store.read() as db:
            return int(db.execute(sql, parameters).fetchone()[0])

    def rows(
        self,
        query: LogQuery,
        context: SortContext,
        limit: int,
        skip: int = 0,
        from_day: date | None = None,
    ) -> list[LogRow]:
        """Up to limit rows in the query's order, after skipping skip of them.

        from_day (date order only) starts at that day, so the next screenful needs to skip
        only the rows of that day already shown."""
        if query.order not in LOG_ORDERS:
            raise ValueError(f"unknown log order {query.order!r}")
        parameters: dict[str, object] = {"limit": limit, "skip": skip}
        where = _where(query, parameters)
        if from_day is not None:
            if query.order != "date":
                raise ValueError("from_day works with the date order only")
            where += " AND " + ("c.day <= :from_day" if query.descending else "c.day >= :from_day")
            parameters["from_day"] = from_day.isoformat()
        order = _order_by(query, context, parameters)
        sql = (
            f"SELECT c.day, a.symptom_id, a.attribute, a.value FROM {_FROM}{where} "
            f"ORDER BY {order} LIMIT :limit OFFSET :skip"
        )
        with self._store.read() as db:
            found = db.execute(sql, parameters).fetchall()
        return [(date.fromisoformat(d), s, a, int(v)) for d, s, a, v in found]


# CROSS JOIN keeps checkin as the outer loop: SQLite then reads days in index order and
# stops at LIMIT, instead of sorting every answer first.
_FROM = "checkin AS c CROSS JOIN symptom_answer AS a ON a.checkin_id = c.id"


def _where(query: LogQuery, parameters: dict[str, object]) -> str:
    conditions = ["a.recall_days = :recall"]
    parameters["recall"] = query.recall_days
    if query.symptom_id is not None:
        conditions.append("a.symptom_id = :symptom")
        parameters["symptom"] = query.symptom_id
    if query.start is not None:
        conditions.append("c.day >= :start")
        parameters["start"] = query.start.isoformat()
    if query.end is not None:
        conditions.append("c.day <= :end")
        parameters["end"] = query.end.isoformat()
    return " WHERE " + " AND ".join(conditions)


def _order_by(query: LogQuery, context: SortContext, parameters: dict[str, object]) -> str:
    direction = " DESC" if query.descending else ""
    name = _symptom_rank(context.terms, parameters)
    ties = [name, "a.symptom_id", "a.attribute", "a.id"]
    if query.order == "date":
        keys = ["c.day", *ties]
    elif query.order == "symptom":
        keys = [name, "a.symptom_id", "a.attribute", "c.day", "a.id"]
    elif query.order == "question":
        keys = ["a.attribute", "c.day", *ties]
    elif query.order == "answer":
        keys = ["a.value", "c.day", *ties]
    elif query.order == "treatment":
        keys = [_period_rank(context.periods, parameters), "c.day", *ties]
    else:
        keys = [_flag_rank(context.flags, parameters), "c.day", *ties]
    return ", ".join(key + direction for key in keys)


def _symptom_rank(terms: dict[str, str], parameters: dict[str, object]) -> str:
    """Symptoms in the order of their names (ids without a name after them)."""
    if not terms:
        return "0"
    ordered = sorted(terms, key=lambda symptom_id: terms[symptom_id])
    cases = []
    for rank, symptom_id in enumerate(ordered):
        parameters[f"s{rank}"] = symptom_id
        cases.append(f"WHEN :s{rank} THEN {rank}")
    return f"CASE a.symptom_id {' '.join(cases)} ELSE {len(ordered)} END"


def _period_rank(periods: list[TreatmentPeriod], parameters: dict[str, object]) -> str:
    """The treatment line a day falls in (the latest started, as the table shows), or -1."""
    cases = []
    for index in reversed(range(len(periods))):
        period = periods[index]
        parameters[f"p{index}"] = period.start.isoformat()
        parameters[f"q{index}"] = (period.end or date.max).isoformat()
        cases.append(f"WHEN c.day BETWEEN :p{index} AND :q{index} THEN {index}")
    return f"CASE {' '.join(cases)} ELSE -1 END" if cases else "-1"


def _flag_rank(flags: dict[tuple[date, str], str], parameters: dict[str, object]) -> str:
    """The most urgent red flag about the answer's symptom that day first."""
    cases = []
    for index, ((day, symptom_id), urgency) in enumerate(sorted(flags.items())):
        parameters[f"f{index}"] = f"{day.isoformat()} {symptom_id}"
        cases.append(f"WHEN :f{index} THEN {-wording.URGENCY_ORDER.get(urgency, 9)}")
    if not cases:
        return str(NOT_FLAGGED)
    return f"CASE c.day || ' ' || a.symptom_id {' '.join(cases)} ELSE {NOT_FLAGGED} END"
