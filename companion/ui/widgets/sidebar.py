"""The list of pages down the left side. Its width follows its longest name in the current
font, so larger text never cuts a name ("Visits & questic") nor adds a scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QListWidget

from companion.ui import theme


class Sidebar(QListWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sidebar")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.fit_width()

    def fit_width(self) -> None:
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.item(i).text()) for i in range(self.count())),
            default=metrics.horizontalAdvance("M" * 8),
        )
        # the style sheet pads items by 0.9 em each side and the list by 0.4 em
        self.setFixedWidth(widest + theme.em(self, 3.2))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_width()
