"""Questions proposed from what happened since the last visit: add or dismiss each."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
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
    """Shows the suggestions given to show(); the page decides what accept/dismiss do.

    Its widgets are made when the tab is first shown (or asked for): the page gives it the
    suggestions of every visit it shows, and most are never looked at."""

    accept_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Suggested questions"))
        self._cards: list[SuggestionCard] = []
        self._shown: list[Suggestion] = []
        self._empty_text = self.tr("No new suggestions. You are up to date.")
        self._empty_label: QLabel | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    @property
    def cards(self) -> list[SuggestionCard]:
        self._build()
        return self._cards

    @property
    def empty_label(self) -> QLabel:
        return self._build()

    def showEvent(self, event: QShowEvent) -> None:
        self._build()
        super().showEvent(event)

    def _build(self) -> QLabel:
        """The intro, the 'none' line and the cards' list, once; returns the 'none' line."""
        if self._empty_label is not None:
            return self._empty_label
        intro = label(
            self.tr(
                "From what you recorded since your last visit. These are questions you might "
                "want to ask; they are not medical advice."
            ),
            "muted",
        )
        self._empty_label = label(self._empty_text)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        scroll.setAccessibleName(self.tr("Suggested questions"))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # made in __init__
        layout.addWidget(intro)
        layout.addWidget(self._empty_label)
        layout.addWidget(scroll, 1)
        if self.isVisible():  # made while being shown: on screen at once, not a turn later
            intro.show()
            scroll.show()
        self._show_cards()
        return self._empty_label

    def set_empty_text(self, text: str) -> None:
        """What the tab says when there is nothing to suggest."""
        self._empty_text = text
        if self._empty_label is not None:
            self._empty_label.setText(text)

    def show_suggestions(self, suggestions: list[Suggestion]) -> None:
        self._shown = list(suggestions)
        if self._empty_label is not None:
            self._show_cards()

    def _show_cards(self) -> None:
        for card in self._cards:
            card.setParent(None)
            card.deleteLater()
        self._cards = []
        for suggestion in self._shown:
            card = SuggestionCard(suggestion)
            card.accept_requested.connect(self.accept_requested)
            card.dismiss_requested.connect(self.dismiss_requested)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            self._cards.append(card)
        self.empty_label.setVisible(not self._shown)
