"""Two columns side by side when the window has room, one above the other when it has not
(a small laptop, or the largest text size), so a page never needs sideways scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QWidget

from companion.ui import theme


class SideBySide(QWidget):
    def __init__(
        self,
        first: QWidget,
        second: QWidget,
        stretch: tuple[int, int] = (1, 1),
        min_em: tuple[float, float] = (0, 0),
    ) -> None:
        """min_em: the narrowest each column is still useful at, in lines of text height."""
        super().__init__()
        self._min_em = min_em
        self._first, self._second = first, second
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self._stretch = stretch
        self.box.addWidget(first, stretch[0])
        self.box.addWidget(second, stretch[1])
        self.box.addStretch(0)  # takes the spare height when stacked
        self._viewport: QWidget | None = None

    @property
    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def showEvent(self, event: QShowEvent) -> None:
        if self._viewport is None:
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QScrollArea):
                parent = parent.parentWidget()
            if parent is not None:
                self._viewport = parent.viewport()
                self._viewport.installEventFilter(self)
        super().showEvent(event)
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._arrange()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _available(self) -> int:
        """The width this widget would have if the page exactly filled the window."""
        if self._viewport is None:
            return self.width()
        page = self._viewport.parentWidget().widget()  # type: ignore[union-attr]  # a viewport always has its scroll area as parent
        around = page.width() - self.width() if page is not None else 0
        return self._viewport.width() - around

    def _arrange(self) -> None:
        needed = (
            max(self._first.minimumSizeHint().width(), theme.em(self, self._min_em[0]))
            + max(self._second.minimumSizeHint().width(), theme.em(self, self._min_em[1]))
            + self.box.spacing()
        )
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if self._available() >= needed
            else QBoxLayout.Direction.TopToBottom
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)
            stacked = wanted == QBoxLayout.Direction.TopToBottom
            self.box.setStretch(0, 0 if stacked else self._stretch[0])
            self.box.setStretch(1, 0 if stacked else self._stretch[1])
            self.box.setStretch(2, 1 if stacked else 0)
