"""A tab widget as tall (and wide) as the tab it shows.

Qt's QTabWidget asks for the room of its largest tab, even while another one shows. On a
page that scrolls, a short tab with a list of its own (the Timeline) then ends below the
window: its last rows hide behind the page's fold while the list's own scroll bar says
they are in view. Tabs out of sight ask for nothing here."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionTabWidgetFrame, QTabWidget, QWidget


class FittedTabs(QTabWidget):
    def __init__(self) -> None:
        super().__init__()
        self._policies: list[QSizePolicy] = []  # each tab's own, in tab order
        self.currentChanged.connect(self._fit)

    def addTab(self, widget: QWidget, label: str) -> int:  # type: ignore[override]  # Qt's other addTab overloads are not used
        self._policies.append(widget.sizePolicy())
        index = super().addTab(widget, label)
        self._fit(self.currentIndex())
        return index

    def _fit(self, current: int) -> None:
        # Qt's stacked layout leaves out a page whose size policy is Ignored from its size
        # hints; heightForWidth (below) it asks of every page, so that one is ours.
        hidden = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for index in range(self.count()):
            widget = self.widget(index)
            if widget is not None:
                shown = index == current
                widget.setSizePolicy(self._policies[index] if shown else hidden)
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        if page is None or not page.hasHeightForWidth():
            return -1
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        frame = self.style().sizeFromContents(
            QStyle.ContentsType.CT_TabWidget, option, QSize(0, 0), self
        )
        inside = max(page.heightForWidth(width - frame.width()), page.minimumSizeHint().height())
        return inside + self.tabBar().sizeHint().height() + frame.height()
