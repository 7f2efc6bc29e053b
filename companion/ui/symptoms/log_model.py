"""The symptom log as a Qt table model that holds only what has been scrolled to.

Filtering and sorting run in SQL (companion.symptoms.log_window); the model fetches a
screenful at a time through canFetchMore/fetchMore, so a log of 300,000 answers opens as
quickly as one of 10,000. Counting the whole log is the one read that grows with it (50 ms
at 300,000 answers): it runs on a worker thread, and `counted` says when the number is
there. After a change it re-reads the rows it holds and tells the view only which rows went
or came, so the selection and the scroll position stay put.
"""

from __future__ import annotations

import bisect
import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from companion.symptoms import wording
from companion.symptoms.history import LogRow, TreatmentPeriod
from companion.symptoms.log_window import LogQuery, LogWindow, SortContext
from companion.ui import theme
from companion.ui.widgets.background import BackgroundRead
from companion.ui.widgets.qt_items import qdate

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LogFilter:
    symptom_id: str | None = None
    start: date | None = None
    end: date | None = None
    period: TreatmentPeriod | None = None  # a treatment line

    def days(self) -> tuple[date | None, date | None]:
        """The first and last day wanted: the dates chosen, within the treatment line."""
        start, end = self.start, self.end
        if self.period is not None:
            start = max(start or self.period.start, self.period.start)
            if self.period.end is not None:
                end = min(end or self.period.end, self.period.end)
        return start, end

    def accepts(self, row: LogRow) -> bool:
        start, end = self.days()
        return (
            (self.symptom_id is None or row[1] == self.symptom_id)
            and (start is None or row[0] >= start)
            and (end is None or row[0] <= end)
        )


DAY_FORMAT = "ddd d MMM yyyy"  # one way to write a day on the Symptoms page


class LogTableModel(QAbstractTableModel):
    DATE, SYMPTOM, QUESTION, ANSWER, TREATMENT, FLAG = range(6)
    ORDERS = ("date", "symptom", "question", "answer", "treatment", "flag")  # per column
    BATCH = 200  # rows per fetch: a few screenfuls
    counted = Signal()  # total() and matching() are known without reading

    def __init__(self, terms: dict[str, str], window: LogWindow) -> None:
        super().__init__()
        self._terms = terms
        self._window = window
        self._rows: list[LogRow] = []
        # None while being counted (on a worker thread: see total()).
        self._matching: int | None = 0  # rows that pass the filter
        self._total: int | None = 0  # rows in the whole log
        self._at_end = True  # the last read found no more rows than it returned
        self._count_read = BackgroundRead(self)
        self._loaded = False  # nothing is read before load()
        self._periods: list[TreatmentPeriod] = []
        self._starts: list[date] = []
        self._flags: dict[tuple[date, str], str] = {}
        self._filter = LogFilter()
        self._sort: tuple[int, Qt.SortOrder] = (self.DATE, Qt.SortOrder.DescendingOrder)
        self._locale = QLocale()
        self._headers = [
            self.tr("Date"),
            self.tr("Symptom"),
            self.tr("Asked about"),
            self.tr("Answer"),
            self.tr("Treatment"),
            self.tr("Red flag"),
        ]

    # -- what is shown ---------------------------------------------------------------------
    def sort_context(self) -> SortContext:
        return SortContext(self._terms, self._periods, self._flags)

    def _query(self) -> LogQuery:
        start, end = self._filter.days()
        column, order = self._sort
        return LogQuery(
            symptom_id=self._filter.symptom_id,
            start=start,
            end=end,
            order=self.ORDERS[column],
            descending=order == Qt.SortOrder.DescendingOrder,
        )

    def load(
        self,
        periods: list[TreatmentPeriod],
        flags: dict[tuple[date, str], str],
        wanted: LogFilter | None = None,
    ) -> None:
        """Start again from the top with these treatment lines, red flags and filter."""
        self.beginResetModel()
        self._set_context(periods, flags)
        if wanted is not None:
            self._filter = wanted
        self._recount()
        self._first_rows()
        self._loaded = True
        self.endResetModel()

    def set_filter(self, wanted: LogFilter) -> None:
        self.beginResetModel()
        self._filter = wanted
        self._first_rows()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.ORDERS):
            return
        if not self._loaded:  # the view sorting as it is set up: load() reads in this order
            self._sort = (column, order)
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._first_rows()
        self.endResetModel()

    def _set_context(
        self, periods: list[TreatmentPeriod], flags: dict[tuple[date, str], str]
    ) -> None:
        self._periods = sorted(periods, key=lambda p: p.start)
        self._starts = [p.start for p in self._periods]
        self._flags = flags

    def _first_rows(self) -> None:
        query = self._query()
        self._count_matching(query)
        self._rows = self._window.rows(query, self.sort_context(), self.BATCH)
        self._at_end = len(self._rows) < self.BATCH

    def _count_matching(self, query: LogQuery) -> None:
        """The filter's count: the whole log's (being counted, or known), or counted now
        (a filtered count reads the symptom's or the days' index only)."""
        unfiltered = self._filter == LogFilter()
        self._matching = self._total if unfiltered else self._window.count(query)

    def _recount(self) -> None:
        """Count the whole log again, on a worker thread; counted follows."""
        self._total = None
        window = self._window
        self._count_read.start(lambda: window.count(LogQuery()), self._counted)

    def _counted(self, total: int) -> None:
        if self._total is None:  # not asked for (and counted) meanwhile
            self._total = total
        if self._filter == LogFilter():
            self._matching = self._total
        self.counted.emit()

    def counts_known(self) -> bool:
        """total() and matching() answer without reading the database."""
        return self._total is not None and self._matching is not None

    def _read(self, skip_from: int, limit: int) -> list[LogRow]:
        """limit rows after the first skip_from in the query's order."""
        query = self._query()
        if query.order == "date" and 0 < skip_from <= len(self._rows):
            # Start from the last day held: skip only that day's rows, not everything.
            day = self._rows[skip_from - 1][0]
            same_day = 0
            while same_day < skip_from and self._rows[skip_from - 1 - same_day][0] == day:
                same_day += 1
            return self._window.rows(query, self.sort_context(), limit, same_day, from_day=day)
        return self._window.rows(query, self.sort_context(), limit, skip_from)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        if self._matching is None:  # still being counted
            return not self._at_end
        return len(self._rows) < self._matching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._read(len(self._rows), self.BATCH)
        self._at_end = len(more) < self.BATCH
        if not more:
            self._matching = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    def update(self, periods: list[TreatmentPeriod], flags: dict[tuple[date, str], str]) -> None:
        """After a change: re-read as many rows as are held and report only the rows that
        went or came (the view keeps its selection and scroll position)."""
        self._set_context(periods, flags)
        self._recount()
        query = self._query()
        self._count_matching(query)
        wanted = max(len(self._rows), self.BATCH)
        fresh = self._window.rows(query, self.sort_context(), wanted)
        self._at_end = len(fresh) < wanted
        old = self._rows
        matcher = difflib.SequenceMatcher(a=old, b=fresh, autojunk=False)
        # From the end backwards, so the row numbers still to be changed stay valid.
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            if tag == "replace" and i2 - i1 == j2 - j1:
                self._rows[i1:i2] = fresh[j1:j2]
                self.dataChanged.emit(self.index(i1, 0), self.index(i2 - 1, len(self._headers) - 1))
                continue
            if i2 > i1:
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                self._rows[i1:i1] = fresh[j1:j2]
                self.endInsertRows()
        # Flags and treatment lines may have changed on rows that stayed.
        if self._rows:
            last = self.index(len(self._rows) - 1, self.FLAG)
            self.dataChanged.emit(self.index(0, self.TREATMENT), last)

    def _period_index(self, day: date) -> int:
        index = bisect.bisect_right(self._starts, day) - 1
        if index >= 0 and self._periods[index].contains(day):
            return index
        return -1

    # -- reading ---------------------------------------------------------------------
    def row_data(self, row: int) -> LogRow:
        return self._rows[row]

    def total(self) -> int:
        """Answers in the whole log (counted now if the worker has not said yet)."""
        if self._total is None:
            self._total = self._window.count(LogQuery())
            if self._matching is None:
                self._matching = self._total  # unfiltered
            self.counted.emit()  # as the worker would have
        return self._total

    def matching(self) -> int:
        """Answers that pass the filter (rowCount() is the part fetched so far)."""
        if self._matching is None:
            self._matching = self.total()  # only the unfiltered count is left to the worker
        return self._matching

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        day, symptom_id, attribute, value = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.DATE:
                return self._locale.toString(qdate(day), DAY_FORMAT)
            if column == self.SYMPTOM:
                return self._terms.get(symptom_id, symptom_id)
            if column == self.QUESTION:
                return wording.attribute_name(attribute)
            if column == self.ANSWER:
                return f"{value} · {wording.answer_word(attribute, value)}"
            if column == self.TREATMENT:
                period = self._period_index(day)
                return self._periods[period].label if period >= 0 else "—"
            if column == self.FLAG:
                urgency = self._flags.get((day, symptom_id))
                return wording.urgency_name(urgency) if urgency else ""
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.ANSWER:
            scale = wording.max_value(attribute)
            step = round(value * (len(theme.GRADE_COLOURS) - 1) / scale) if scale else 0
            return QColor(theme.GRADE_COLOURS[step])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAG:
            return QColor(theme.RED_FLAG_MARK)
        if role == Qt.ItemDataRole.UserRole:
            return (day, symptom_id, attribute, value)
        return None
