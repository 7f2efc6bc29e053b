"""The Timeline tab: the whole course by year. Arrow keys move between events, Page Up and
Page Down jump a year, Enter opens the event on its own tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.translations import Treatments
from companion.treatments.labels import day_text
from companion.treatments.record import TreatmentRecord
from companion.treatments.timeline import TimelineEvent
from companion.ui import theme
from companion.ui.widgets.common import button, label
from companion.ui.widgets.qt_items import child_items, top_items

EVENT_ROLE = Qt.ItemDataRole.UserRole
# Filter groups: the words on the check boxes and the event kinds they cover.
GROUPS = (
    ("treatment", ("line", "line_end", "administration", "procedure")),
    ("tests", ("test",)),
    ("biopsies", ("biopsy", "site")),
    ("visits", ("visit",)),
    ("symptoms", ("symptoms",)),
)


def group_label(group: str) -> str:
    return {
        "treatment": Treatments.tr("Treatment"),
        "tests": Treatments.tr("Scans and tests"),
        "biopsies": Treatments.tr("Biopsies and spread"),
        "visits": Treatments.tr("Visits"),
        "symptoms": Treatments.tr("Weekly symptoms"),
    }[group]


def kind_label(kind: str) -> str:
    group = next(g for g, kinds in GROUPS if kind in kinds)
    return group_label(group)


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their wrapped text. QTreeView measures rows without a width, so a
    long line was cut short with "…"; here it is measured in its column, less the room of
    the scroll bar even while that is hidden (so the heights never flip with the bar)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        if not isinstance(view, QTreeWidget):
            return super().sizeHint(option, index)
        bar = view.verticalScrollBar()
        room = 0 if bar.isVisible() else bar.sizeHint().width()
        measured = QStyleOptionViewItem(option)
        width = max(view.columnWidth(index.column()) - room, theme.em(view, 4))
        measured.rect = QRect(0, 0, width, 1)  # Qt wraps only inside a valid rectangle
        return super().sizeHint(measured, index)


class TimelineTree(QTreeWidget):
    opened = Signal(object)  # TimelineEvent

    def __init__(self) -> None:
        super().__init__()
        # QTreeView keeps each row's height from its first layout; wrapped rows must be
        # measured again when their column gets narrower or wider, or the text grows.
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.jump_year(-1 if key == Qt.Key.Key_PageUp else 1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.currentItem()
            found = item.data(0, EVENT_ROLE) if item else None
            if isinstance(found, TimelineEvent):
                self.opened.emit(found)
                return
        super().keyPressEvent(event)

    def year_items(self) -> list[QTreeWidgetItem]:
        return top_items(self)

    def jump_year(self, step: int) -> None:
        years = [item for item in self.year_items() if not item.isHidden()]
        if not years:
            return
        current = self.currentItem()
        top = current.parent() or current if current else None
        index = years.index(top) if top in years else (-1 if step > 0 else len(years))
        target = years[max(0, min(len(years) - 1, index + step))]
        self.show_year_item(target)

    def show_year_item(self, year_item: QTreeWidgetItem) -> None:
        year_item.setExpanded(True)
        self.setCurrentItem(year_item)
        self.scrollToItem(year_item, QAbstractItemView.ScrollHint.PositionAtTop)


class TimelineTab(QWidget):
    open_event = Signal(object)  # TimelineEvent, to show it on its tab

    def __init__(self, record: TreatmentRecord) -> None:
        super().__init__()
        self._record = record
        self._shown_once = False
        self.tree = TimelineTree()
        self.tree.setAccessibleName(self.tr("Timeline"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("What happened"), self.tr("Kind")])
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegateForColumn(1, WrappedRows(self.tree))
        self.tree.setAlternatingRowColors(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.opened.connect(self.open_event)
        self.tree.itemDoubleClicked.connect(self._double_clicked)

        self.filters: dict[str, QCheckBox] = {}
        filter_row = QHBoxLayout()
        filter_row.addWidget(label(self.tr("Show:"), "muted"))
        for group, _kinds in GROUPS:
            box = QCheckBox(group_label(group))
            box.setAccessibleName(self.tr("Show {what}").format(what=group_label(group)))
            box.setChecked(True)
            box.toggled.connect(lambda _on: self._apply_filters())
            filter_row.addWidget(box)
            self.filters[group] = box
        filter_row.addStretch(1)
        self.year_row = QHBoxLayout()
        self.year_buttons: dict[int, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "Your whole course in order. Arrow keys move between events, Page Up and "
                    "Page Down jump a year, Enter opens the event."
                ),
                "muted",
            )
        )
        layout.addLayout(filter_row)
        layout.addLayout(self.year_row)
        layout.addWidget(self.tree, 1)

    def refresh(self) -> None:
        events = self._record.timeline.events()
        current = self.tree.currentItem()
        keep = current.data(0, EVENT_ROLE) if current else None
        self.tree.clear()
        years: dict[int, QTreeWidgetItem] = {}
        for event in events:
            year_item = years.get(event.day.year)
            if year_item is None:
                year_item = QTreeWidgetItem([str(event.day.year), "", ""])
                font = year_item.font(0)
                font.setBold(True)
                year_item.setFont(0, font)
                year_item.setData(0, EVENT_ROLE, event.day.year)
                year_item.setData(0, Qt.ItemDataRole.AccessibleTextRole, str(event.day.year))
                self.tree.addTopLevelItem(year_item)
                years[event.day.year] = year_item
            text = f"{event.title}\n{event.detail}" if event.detail else event.title
            item = QTreeWidgetItem([day_text(event.day), text, kind_label(event.kind)])
            item.setData(0, EVENT_ROLE, event)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, f"{day_text(event.day)}: {text}")
            colour = self._colour(event)
            if colour:
                for column in range(3):
                    item.setBackground(column, QBrush(QColor(colour)))
            year_item.addChild(item)
        self.tree.expandAll()
        self._rebuild_year_buttons(sorted(years))
        self._apply_filters()
        if keep is not None and self._select(keep):
            return
        if not self._shown_once and events:
            self._shown_once = True
            self.select_latest()

    def _colour(self, event: TimelineEvent) -> str | None:
        if event.kind == "symptoms" and event.level is not None:
            return theme.GRADE_COLOURS[max(0, min(4, event.level))]
        if event.kind in ("line", "line_end", "procedure"):
            return theme.TREATMENT_SHADE
        return None

    def _rebuild_year_buttons(self, years: list[int]) -> None:
        for widget in self.year_buttons.values():
            self.year_row.removeWidget(widget)
            widget.deleteLater()
        self.year_buttons = {}
        while self.year_row.count():
            self.year_row.takeAt(0)
        self.year_row.addWidget(label(self.tr("Go to year:"), "muted"))
        for year in years:
            widget = button(str(year), self.tr("Go to {year}").format(year=year))
            widget.clicked.connect(lambda _=False, y=year: self.go_to_year(y))
            self.year_row.addWidget(widget)
            self.year_buttons[year] = widget
        self.year_row.addStretch(1)

    def go_to_year(self, year: int) -> None:
        for item in self.tree.year_items():
            if item.data(0, EVENT_ROLE) == year:
                self.tree.show_year_item(item)
                self.tree.setFocus()
                return

    def event_items(self) -> list[QTreeWidgetItem]:
        return [child for year in self.tree.year_items() for child in child_items(year)]

    def visible_events(self) -> list[TimelineEvent]:
        return [
            item.data(0, EVENT_ROLE)
            for item in self.event_items()
            if not item.isHidden() and not (item.parent() or item).isHidden()
        ]

    def select_latest(self) -> None:
        """Select the most recent event up to today (later ones are planned)."""
        today = self._record.clock.today()
        shown = [i for i in self.event_items() if not i.isHidden()]
        past = [i for i in shown if i.data(0, EVENT_ROLE).day <= today] or shown
        if past:
            self.tree.setCurrentItem(past[-1])
            self.tree.scrollToItem(past[-1], QAbstractItemView.ScrollHint.PositionAtCenter)

    def _select(self, wanted: object) -> bool:
        for item in self.event_items():
            if item.data(0, EVENT_ROLE) == wanted and not item.isHidden():
                self.tree.setCurrentItem(item)
                return True
        return False

    def _apply_filters(self) -> None:
        hidden_kinds = {
            kind for group, kinds in GROUPS if not self.filters[group].isChecked() for kind in kinds
        }
        for year in self.tree.year_items():
            visible = 0
            for child in child_items(year):
                hide = child.data(0, EVENT_ROLE).kind in hidden_kinds
                child.setHidden(hide)
                visible += not hide
            year.setHidden(visible == 0)
            widget = self.year_buttons.get(year.data(0, EVENT_ROLE))
            if widget is not None:
                widget.setEnabled(visible > 0)

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        found = item.data(0, EVENT_ROLE)
        if isinstance(found, TimelineEvent):
            self.open_event.emit(found)
