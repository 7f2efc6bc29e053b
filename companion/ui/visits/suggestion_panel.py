"""Questions proposed from what happened since the last visit: add or dismiss each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.ui.widgets.common import button, label
from companion.visits.model import Suggestion


class SuggestionCard(QFrame):
    accept_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(self, suggestion: Suggestion) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Suggested question: {text}").format(text=suggestion.text))
        layout = QVBoxLayout(self)
        self.reason_label = label(suggestion.reason, "muted")
        self.text_label = label(suggestion.text)
        self.accept_button = button(
            self.tr("Add to my list"), self.tr("Add: {text}").format(text=suggestion.text)
        )
        self.dismiss_button = button(
            self.tr("Not needed"), self.tr("Dismiss: {text}").format(text=suggestion.text)
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.accept_button)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.text_label)
        layout.addLayout(row)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(suggestion))
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(suggestion))


class SuggestionPanel(QWidget):
    """Shows the suggestions given to show(); the page decides what accept/dismiss do."""

    accept_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Suggested questions"))
        self.cards: list[SuggestionCard] = []
        intro = label(
            self.tr(
                "From what you recorded since your last visit. These are questions you might "
                "want to ask; they are not medical advice."
            ),
            "muted",
        )
        self.empty_label = label(self.tr("No new suggestions. You are up to date."))
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        scroll.setAccessibleName(self.tr("Suggested questions"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(scroll, 1)

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for suggestion in suggestions:
            card = SuggestionCard(suggestion)
            card.accept_requested.connect(self.accept_requested)
            card.dismiss_requested.connect(self.dismiss_requested)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self.cards.append(card)
        self.empty_label.setVisible(not suggestions)
