"""Symptoms: every answer in a table, trends per symptom, the week-by-week worst answers
and ESAS-r totals; export, import and print.

Filters (symptom, date range, treatment line) apply to every tab. Rows can be deleted
(Edit ▸ Undo brings them back) or opened in the check-in to change them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from companion.errors import CompanionError
from companion.services import Services
from companion.symptoms import esas, wording
from companion.symptoms.history import TreatmentPeriod, WeekSummary, main_attribute
from companion.ui import theme
from companion.ui.symptoms.log_model import DAY_FORMAT, LogFilter, LogTableModel
from companion.ui.symptoms.signals import log_signals
from companion.ui.symptoms.undo import push_change, record_change, undoable
from companion.ui.symptoms.weekly_model import WeeklyWorstModel
from companion.ui.widgets.background import BackgroundRead, Cancelled, Progress, TaskPanel
from companion.ui.widgets.common import Page, button, heading, label, status_line
from companion.ui.widgets.fitted_tabs import FittedTabs
from companion.ui.widgets.qt_items import pydate, qdate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from companion.reports.pdf import ReportDocument
    from companion.reports.symptom_csv_import import ImportSummary
    from companion.symptoms.model import DayState
    from companion.ui.symptoms.charts import ThinLines, TrendChartView

ALL = "__all__"
# One symptom's chart: its id, each attribute's (day, value) points and those points as
# drawn, the days with a red flag.
TrendAnswers = tuple[str, dict[str, list[tuple[date, float]]], "ThinLines", list[date]]


class SymptomsPage(Page):
    page_id = "symptoms"
    edit_day_requested = Signal(object)  # date: open this day in the check-in
    # File ▸ Export symptoms… / Import symptoms…: the window owns them (they exist before
    # this page is built) and hands them over here.
    export_action: QAction
    import_action: QAction

    def __init__(self, services: Services, undo_stack: QUndoStack | None = None) -> None:
        super().__init__()
        self._services = services
        self._service = services.symptoms
        self._history = services.symptoms.history
        self._stack = undo_stack
        self._dirty = True
        self._loaded = False
        self._trend_chart: TrendChartView | None = None
        self._esas_chart: TrendChartView | None = None
        self._periods: list[TreatmentPeriod] = []
        self.setAccessibleName(self.tr("Symptoms"))
        terms = {t.id: t.term for t in self._service.vocabulary()}
        self._terms = terms

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Symptoms")), 1)
        self.export_button = button(self.tr("&Export…"), self.tr("Export symptoms"))
        self.import_button = button(self.tr("&Import…"), self.tr("Import symptoms"))
        self.print_button = button(self.tr("&Print report…"), self.tr("Print symptom report"))
        for widget in (self.export_button, self.import_button, self.print_button):
            top.addWidget(widget)
        layout.addLayout(top)
        self.summary = label("", "muted")
        self.summary.setAccessibleName(self.tr("Summary of the symptom log"))
        layout.addWidget(self.summary)
        self.worse_label = label("", "subtitle")
        layout.addWidget(self.worse_label)
        self.recall_note = label(
            self.tr(
                "The log, trends and week-by-week views show the daily check-in: each answer "
                "is about its own day. Weekly PRO-CTCAE answers (about the last 7 days) and "
                "ESAS-r (how you felt at that moment) are kept apart and never mixed in here."
            ),
            "muted",
        )
        layout.addWidget(self.recall_note)
        layout.addLayout(self._build_filters())

        self.tabs = FittedTabs()  # as tall as the view shown, so the log ends in sight
        self.tabs.setAccessibleName(self.tr("Views of the symptom log"))
        # In place before its tabs: adding the first tab shows (so polishes) it, and moving
        # a polished tab under a new parent polishes it all over again.
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_log_tab(), self.tr("&Log"))
        self.tabs.addTab(self._build_trend_tab(), self.tr("T&rends"))
        self.tabs.addTab(self._build_weekly_tab(), self.tr("&Week by week"))
        self.tabs.addTab(self._build_esas_tab(), self.tr("ESAS-r &totals"))
        self.status = status_line()
        layout.addWidget(self.status)
        self.weekly_read = BackgroundRead(self)
        self.trend_read = BackgroundRead(self)
        self.tasks = TaskPanel()  # exports and imports run on a worker thread
        layout.addWidget(self.tasks)

        self.tabs.currentChanged.connect(lambda _i: self._update_views())
        log_signals(self._service).changed.connect(self._log_changed)
        self.print_button.clicked.connect(self.print_page)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_file)

    # -- building -----------------------------------------------------------------------
    def _build_filters(self) -> QVBoxLayout:
        # Two short rows rather than one long one: at the largest text size one row would
        # push "Show all" and the table out of sight on a laptop screen.
        rows = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        self.symptom_filter = QComboBox()
        self.symptom_filter.setAccessibleName(self.tr("Show symptom"))
        self.from_date = QDateEdit()
        self.to_date = QDateEdit()
        for edit, name in ((self.from_date, self.tr("From")), (self.to_date, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.setDisplayFormat(DAY_FORMAT)
            for inner in edit.findChildren(QLineEdit):
                inner.setAccessibleName(name)
        self.period_filter = QComboBox()
        self.period_filter.setAccessibleName(self.tr("Treatment"))
        self.clear_button = button(self.tr("Show &all"), self.tr("Clear the filters"))
        for combo in (self.symptom_filter, self.period_filter):
            # a long treatment name must not make the page wider than the window
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        for row, caption, widget in (
            (first, self.tr("Symptom"), self.symptom_filter),
            (first, self.tr("Treatment"), self.period_filter),
            (second, self.tr("From"), self.from_date),
            (second, self.tr("To"), self.to_date),
        ):
            text = QLabel(caption)
            text.setBuddy(widget)
            row.addWidget(text)
            row.addWidget(widget)
        second.addWidget(self.clear_button)
        for row in (first, second):
            row.addStretch(1)
            rows.addLayout(row)
        self.symptom_filter.currentIndexChanged.connect(self._filters_changed)
        self.period_filter.currentIndexChanged.connect(self._period_chosen)
        self.from_date.dateChanged.connect(self._filters_changed)
        self.to_date.dateChanged.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        return rows

    def _build_log_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.model = LogTableModel(self._terms, self._service.log_window)
        self.model.counted.connect(self._show_counts)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Symptom answers"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            LogTableModel.DATE, Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(theme.em(self, 1.6))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._size_log_columns()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count_label = label("", "muted")
        self.count_label.setAccessibleName(self.tr("Number of answers shown"))
        row.addWidget(self.count_label, 1)
        self.open_button = button(
            self.tr("&Open this day"), self.tr("Open this day in the check-in")
        )
        self.delete_button = button(
            self.tr("&Delete selected"), self.tr("Delete the selected answers")
        )
        row.addWidget(self.open_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self.open_button.clicked.connect(self.open_selected_day)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _index: self.open_selected_day())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            opener = QShortcut(QKeySequence(key), self.table)
            opener.setContext(Qt.ShortcutContext.WidgetShortcut)
            opener.activated.connect(self.open_selected_day)
        return tab

    def _build_trend_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.trend_symptom = QComboBox()
        self.trend_symptom.setAccessibleName(self.tr("Symptom for the chart"))
        caption = QLabel(self.tr("Chart of"))
        caption.setBuddy(self.trend_symptom)
        row.addWidget(caption)
        row.addWidget(self.trend_symptom)
        row.addStretch(1)
        layout.addLayout(row)
        self._trend_holder = QVBoxLayout()
        layout.addLayout(self._trend_holder, 1)
        layout.addWidget(
            label(
                self.tr(
                    "Your own answers each day. Shaded: treatment lines. Triangles: red flags."
                ),
                "muted",
            )
        )
        self.trend_symptom.currentIndexChanged.connect(lambda _i: self._update_trend())
        return tab

    def _build_weekly_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            label(
                self.tr(
                    "The worst answer you gave each week, for each symptom (how bad it was, "
                    "or how often when that is what was asked). These are your own words, "
                    "not clinical grades."
                ),
                "muted",
            )
        )
        self.weekly_model = WeeklyWorstModel(self._terms)
        self.weekly_table = QTableView()
        self.weekly_table.setAccessibleName(self.tr("Worst answer each week"))
        self.weekly_table.setModel(self.weekly_model)
        self.weekly_table.verticalHeader().setVisible(False)
        # Widths from the headers, not from every cell: quick with hundreds of weeks.
        self.weekly_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.weekly_table.verticalHeader().setDefaultSectionSize(theme.em(self, 1.6))
        layout.addWidget(self.weekly_table, 1)
        return tab

    def _build_esas_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self._esas_holder = QVBoxLayout()
        layout.addLayout(self._esas_holder, 1)
        self.esas_complete_only = QCheckBox(self.tr("Only days with all nine items answered"))
        self.esas_complete_only.setAccessibleName(self.esas_complete_only.text())
        self.esas_complete_only.setChecked(True)
        self.esas_complete_only.toggled.connect(lambda _on: self._update_esas())
        layout.addWidget(self.esas_complete_only)
        self.esas_summary = label("", "muted")
        layout.addWidget(self.esas_summary)
        layout.addWidget(label(esas.acknowledgement(), "muted"))
        return tab

    # The charts (and QtCharts) are made when a chart tab is first shown.
    @property
    def trend_chart(self) -> TrendChartView:
        if self._trend_chart is None:
            self._trend_chart = self._chart_in(self._trend_holder, self.tr("Trend chart"))
        return self._trend_chart

    @property
    def esas_chart(self) -> TrendChartView:
        if self._esas_chart is None:
            self._esas_chart = self._chart_in(self._esas_holder, self.tr("ESAS-r totals chart"))
        return self._esas_chart

    @staticmethod
    def _chart_in(holder: QVBoxLayout, name: str) -> TrendChartView:
        from companion.ui.symptoms.charts import TrendChartView

        chart = TrendChartView(name)
        holder.addWidget(chart, 1)
        return chart

    # -- data ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._dirty:
            if self._loaded:
                self._apply_change()
            else:
                self.reload()
                self._loaded = True

    def reload(self) -> None:
        """Read everything again: the choices, then the first rows of the log."""
        self._dirty = False
        history = self._history
        plan = self._service.plan
        worse = plan.worse_line(plan.worse_this_week(self._services.clock.today()))
        self.worse_label.setText(worse)
        self.worse_label.setAccessibleName(worse)
        self.worse_label.setVisible(bool(worse))
        self._periods = history.periods()
        self._fill_choices()
        self.model.load(self._periods, history.flag_symptoms(), self.current_filter())
        self.table.horizontalHeader().setSortIndicator(*self.model.sort_order())
        self._filter_applied()

    def _apply_change(self) -> None:
        """After a change: the choices again, and only the rows that went or came."""
        self._dirty = False
        self._periods = self._history.periods()
        self._fill_choices()
        self.model.update(self._periods, self._history.flag_symptoms())
        self._filter_applied()

    def _show_counts(self) -> None:
        """The summary and "Showing … of …" once the log is counted (the model counts the
        whole log on a worker thread and says when; until then the lines stay as they were)."""
        if not self.model.counts_known():
            return
        self._show_summary()
        shown, total = self.model.matching(), self.model.total()
        self.count_label.setText(
            self.tr("Showing {shown} of {total} answers.").format(shown=shown, total=total)
        )

    def _show_summary(self) -> None:
        span = self._history.span()
        total = self.model.total()
        self.summary.setText(
            self.tr("{count} daily answers from {first} to {last}.").format(
                count=total, first=self._day(span[0]), last=self._day(span[1])
            )
            if span and total
            else self.tr("No answers yet. The check-in on the Today page fills this log.")
        )

    def _fill_choices(self) -> None:
        symptoms = self._history.symptom_ids()
        for combo, first in (
            (self.symptom_filter, self.tr("All symptoms")),
            (self.trend_symptom, None),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, ALL)
            for symptom_id in symptoms:
                combo.addItem(self._terms.get(symptom_id, symptom_id), symptom_id)
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)
        current = self.period_filter.currentData()
        self.period_filter.blockSignals(True)
        self.period_filter.clear()
        self.period_filter.addItem(self.tr("Any time"), -1)
        for period in self._periods:
            self.period_filter.addItem(period.label, period.id)
        found = self.period_filter.findData(current)
        self.period_filter.setCurrentIndex(found if found >= 0 else 0)
        self.period_filter.blockSignals(False)
        span = self._history.span()
        today = qdate(self._services.clock.today())
        for edit in (self.from_date, self.to_date):
            edit.blockSignals(True)
            edit.setMaximumDate(today)
        for edit in (self.from_date, self.to_date):
            edit.setEnabled(span is not None)  # nothing to filter before the first answer
            if span is None:
                edit.setMinimumDate(today)
                edit.setDate(today)  # never Qt's 1 Jan 2000
        if span is not None:
            earliest = qdate(span[0])
            self.from_date.setMinimumDate(earliest)
            self.to_date.setMinimumDate(earliest)
            if not getattr(self, "_dates_set", False):
                self.from_date.setDate(earliest)
                self.to_date.setDate(today)
                self._dates_set = True
        for edit in (self.from_date, self.to_date):
            edit.blockSignals(False)

    def _size_log_columns(self) -> None:
        """Column widths in lines of text: they grow with the text size."""
        for column, width in ((1, 14), (2, 9), (3, 10), (4, 14)):
            self.table.setColumnWidth(column, theme.em(self, width))
        # The date column fits the widest date the locale writes ("Wed 30 Sep 2026").
        widest = max(
            self.fontMetrics().horizontalAdvance(
                QLocale().toString(QDate(2026, month, 30 if month != 2 else 28), DAY_FORMAT)
            )
            for month in range(1, 13)
        )
        self.table.setColumnWidth(LogTableModel.DATE, widest + theme.em(self, 1))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_log_columns()

    @staticmethod
    def _day(day: date) -> str:
        return QLocale().toString(qdate(day), DAY_FORMAT)

    def current_filter(self) -> LogFilter:
        symptom = self.symptom_filter.currentData()
        period_id = self.period_filter.currentData()
        period = next((p for p in self._periods if p.id == period_id), None)
        start = pydate(self.from_date.date()) if self.from_date.date().isValid() else None
        end = pydate(self.to_date.date()) if self.to_date.date().isValid() else None
        span = self._history.span()
        if span is not None and start is not None and start <= span[0]:
            start = None
        if end is not None and end >= self._services.clock.today():
            end = None
        return LogFilter(
            symptom_id=None if symptom in (None, ALL) else symptom,
            start=start,
            end=end,
            period=period,
        )

    def _filters_changed(self) -> None:
        self.model.set_filter(self.current_filter())
        self._filter_applied()

    def _filter_applied(self) -> None:
        self._show_counts()
        symptom = self.symptom_filter.currentData()
        if symptom not in (None, ALL):
            found = self.trend_symptom.findData(symptom)
            if found >= 0 and found != self.trend_symptom.currentIndex():
                self.trend_symptom.blockSignals(True)
                self.trend_symptom.setCurrentIndex(found)
                self.trend_symptom.blockSignals(False)
        self._update_views()

    def _period_chosen(self) -> None:
        self._filters_changed()

    def clear_filters(self) -> None:
        for combo in (self.symptom_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        span = self._history.span()
        for edit, value in (
            (self.from_date, qdate(span[0]) if span else self.from_date.minimumDate()),
            (self.to_date, qdate(self._services.clock.today())),
        ):
            edit.blockSignals(True)
            edit.setDate(value)
            edit.blockSignals(False)
        self._filters_changed()

    def _window_of(self) -> tuple[date | None, date | None]:
        return self.current_filter().days()

    def _update_views(self) -> None:
        index = self.tabs.currentIndex()
        if index == 1:
            self._update_trend()
        elif index == 2:
            self._update_weekly()
        elif index == 3:
            self._update_esas()

    def _update_trend(self) -> None:
        """The chart's answers are read, and thinned to the pixels, on a worker thread (all
        dates of ten years are thousands of rows); the chart, made now, is laid out by the
        time they are back."""
        from companion.ui.symptoms.charts import thin_lines  # loaded with the chart

        chart = self.trend_chart
        symptom = self.trend_symptom.currentData()
        if symptom is None:
            chart.show_series(self.tr("No answers yet"), {}, ())
            return
        start, end = self._window_of()
        history = self._history
        attributes = self._service.attributes(symptom)
        # The page is at least as wide as the chart will be once laid out.
        columns = max(chart.pixel_columns(), round(self.width() * self.devicePixelRatioF()))

        def read() -> TrendAnswers:
            # The symptom's questions; one the vocabulary does not know has those it was asked.
            by_attribute: dict[str, list[tuple[date, float]]] = {a: [] for a in attributes}
            for day, _symptom, attribute, value in history.answers(start, end, [symptom]):
                points = by_attribute.get(attribute)
                if points is None and not attributes:
                    points = by_attribute[attribute] = []
                if points is not None:
                    points.append((day, float(value)))
            flagged = history.flag_symptoms(start, end)
            flags = sorted(d for d, s in flagged if s == symptom)
            return symptom, by_attribute, thin_lines(by_attribute, columns), flags

        self.trend_read.start(read, self._show_trend)

    def _show_trend(self, found: TrendAnswers) -> None:
        symptom, by_attribute, thinned, flags = found
        names = {a: wording.attribute_name(a) for a in by_attribute}
        self.trend_chart.show_series(
            self._terms.get(symptom, symptom),
            {names[a]: points for a, points in by_attribute.items()},
            wording.scale(main_attribute(tuple(by_attribute))),
            self._periods,
            flags,
            y_max=max((wording.max_value(a) for a in by_attribute), default=4),
            thinned=replace(thinned, drawn={names[a]: p for a, p in thinned.drawn.items()}),
        )

    def _update_weekly(self) -> None:
        """Week by week: the summary of the whole log is read on a worker thread (at ten
        years it is a few hundred milliseconds of SQL), the table filled when it is back."""
        start, end = self._window_of()
        symptom_id = self.current_filter().symptom_id
        history = self._history

        def read() -> tuple[list[WeekSummary], list[str]]:
            weeks = history.weekly_worst(start, end, symptom_id)
            return weeks, [s for s in history.symptom_ids() if any(s in w.worst for w in weeks)]

        self.weekly_read.start(read, self._show_weekly)

    def _show_weekly(self, found: tuple[list[WeekSummary], list[str]]) -> None:
        weeks, symptoms = found
        self.weekly_model.load(weeks, symptoms)
        metrics = self.weekly_table.fontMetrics()
        widest_word = max(
            metrics.horizontalAdvance(word)
            for attribute in ("severity", "frequency", "interference")
            for word in wording.scale(attribute)
        )
        for column in range(self.weekly_model.columnCount()):
            title = str(self.weekly_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(title), widest_word)
            self.weekly_table.setColumnWidth(column, width + theme.em(self, 1))

    def _update_esas(self) -> None:
        start, end = self._window_of()
        totals = self._history.esas_totals(start, end)
        complete = self.esas_complete_only.isChecked()
        shown = [t for t in totals if t.items == len(esas.ITEM_IDS) or not complete]
        points = [(t.day, float(t.total)) for t in shown]
        flags = sorted({f.day for f in self._history.flags(start, end)})
        self.esas_chart.show_series(
            self.tr("ESAS-r total (0–{top})").format(top=esas.MAX_TOTAL),
            {self.tr("Total"): points},
            [],
            self._periods,
            flags,
            y_max=esas.MAX_TOTAL,
        )
        if shown:
            last = shown[-1]
            self.esas_summary.setText(
                self.tr("Latest total: {total} of {top} on {day} ({count} days shown).").format(
                    total=last.total, top=esas.MAX_TOTAL, day=self._day(last.day), count=len(shown)
                )
            )
        else:
            self.esas_summary.setText(self.tr("No ESAS-r answers in this period."))

    def _log_changed(self, _days: frozenset[date]) -> None:
        self._dirty = True
        if self.isVisible():
            self._apply_change()

    # -- actions ------------------------------------------------------------------------
    def selected_rows(self) -> list[tuple[date, str, str, int]]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_data(r) for r in rows]

    def open_selected_day(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self.status.setText(self.tr("Choose a row first."))
            return
        self.edit_day_requested.emit(self.model.row_data(current.row())[0])

    def delete_selected(self) -> None:
        chosen = self.selected_rows()
        if not chosen:
            self.status.setText(self.tr("Choose the rows to delete first."))
            return
        keys = [(day, symptom, attribute) for day, symptom, attribute, _v in chosen]
        text = self.tr("Delete %n answer(s)", "", len(keys))
        undoable(
            self._service,
            self._stack,
            text,
            [k[0] for k in keys],
            lambda: self._service.delete_answers(keys),
        )
        self.status.setText(
            self.tr("Deleted %n answer(s). Edit ▸ Undo (Ctrl+Z) brings them back.", "", len(keys))
        )
        self.table.setFocus()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # -- export, import, print --------------------------------------------------------
    def report_window(self) -> tuple[date, date]:
        start, end = self._window_of()
        span = self._history.span()
        today = self._services.clock.today()
        first = span[0] if span else today
        return start or first, end or today

    def export(self) -> None:
        from companion.ui.symptoms.export_dialog import ExportDialog

        start, end = self.report_window()
        dialog = ExportDialog(start, end, self._services.clock.today(), self)
        accepted = dialog.exec()
        kind, start, end = dialog.choice()
        dialog.deleteLater()
        if not accepted:
            return
        suggested = f"symptoms-{start.isoformat()}-to-{end.isoformat()}.{kind}"
        wanted = self.tr("PDF report (*.pdf)") if kind == "pdf" else self.tr("CSV file (*.csv)")
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("Export symptoms"), str(Path.home() / suggested), wanted
        )
        if path:
            self.export_to(Path(path), kind, start, end)

    @property
    def busy(self) -> bool:
        """An export or import is running on a worker thread."""
        return self.tasks.busy

    def export_to(self, path: Path, kind: str, start: date, end: date) -> bool:
        """Start writing the export on a worker thread (False if other work is running);
        the status line says when it is saved."""
        if not self._can_start():
            return False
        service, name = self._service, self._services.profile.get().name

        def work(progress: Progress) -> tuple[str, int]:
            if kind == "pdf":
                from companion.reports.pdf import write_pdf
                from companion.reports.symptom_report import build_symptom_report

                progress(0, 2)
                report = build_symptom_report(service, name, start, end)
                progress(1, 2)
                return kind, write_pdf(report, path)
            from companion.reports.symptom_csv_export import write_csv

            return kind, write_csv(service, path, start, end, progress)

        def done(result: tuple[str, int]) -> None:
            kind, count = result
            if kind == "pdf":
                message = self.tr("Saved a {pages}-page report to {path}.")
                self.status.setText(message.format(pages=count, path=path))
            else:
                message = self.tr("Saved {rows} rows to {path}.")
                self.status.setText(message.format(rows=count, path=path))

        def failed(problem: BaseException) -> None:
            if isinstance(problem, Cancelled):
                self.status.setText(self.tr("Export cancelled. Nothing was saved."))
            elif isinstance(problem, CompanionError):
                self.status.setText(str(problem))
            else:
                raise problem

        self.status.setText("")
        self.tasks.start(self.tr("Exporting…"), work, done, failed)
        return True

    def _can_start(self) -> bool:
        if self.tasks.busy:
            self.status.setText(self.tr("Please wait: an export or import is still running."))
            return False
        return True

    def import_file(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(
            self,
            self.tr("Import symptoms"),
            str(Path.home()),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        """Check the whole file, then import all of it (one undo step) or nothing; on a
        worker thread (False if other work is running)."""
        if not self._can_start():
            return False
        service = self._service
        backups = self._services.backups

        def work(progress: Progress) -> tuple[ImportSummary, list[DayState], list[DayState]]:
            from companion.reports.symptom_csv_import import import_parsed, parse_csv, read_file

            progress(0, 2)
            parsed = parse_csv(service, read_file(path))
            progress(1, 2)  # the last chance to cancel: the import is one transaction
            backups.before_import()
            return record_change(
                service, [d.state.day for d in parsed.days], lambda: import_parsed(service, parsed)
            )

        def done(result: tuple[ImportSummary, list[DayState], list[DayState]]) -> None:
            summary, before, after = result
            push_change(service, self._stack, self.tr("Import symptoms"), before, after)
            self.status.setText(
                self.tr(
                    "Imported {rows} rows for {days} days ({added} new entries). "
                    "Edit ▸ Undo takes the import back."
                ).format(rows=summary.rows, days=summary.days, added=summary.added)
            )
            self._apply_change()

        def failed(problem: BaseException) -> None:
            if isinstance(problem, Cancelled):
                self.status.setText(self.tr("Import cancelled. Nothing was imported."))
            elif isinstance(problem, CompanionError):
                message = self.tr("Nothing was imported. {problem}")
                self.status.setText(message.format(problem=problem))
            else:
                raise problem

        self.status.setText("")
        self.tasks.start(self.tr("Importing…"), work, done, failed)
        return True

    def build_report(self) -> ReportDocument:
        from companion.reports.symptom_report import build_symptom_report

        start, end = self.report_window()
        return build_symptom_report(self._service, self._services.profile.get().name, start, end)

    def print_page(self) -> QPrintPreviewDialog:
        """File ▸ Print (Ctrl+P): the symptom report for the dates shown."""
        from companion.ui.printing import preview_report

        return preview_report(self, self.build_report)
