"""Pieces of the short daily check-in: its first question ("How are you today compared with
yesterday?") and the "Done for today" panel Today shows once the day is finished."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from companion.symptoms.model import OVERALL_ANSWERS
from companion.translations import locale_time
from companion.ui import theme
from companion.ui.symptoms.answer_row import AnswerRow
from companion.ui.widgets.common import button, label


class OverallRow(AnswerRow):
    """Better / same / worse, keys 0–2, saved like any other answer."""

    def __init__(self) -> None:
        super().__init__(
            self.tr("Compared with yesterday"),
            self.tr("How are you today compared with yesterday?"),
            [self.tr("Better"), self.tr("Same"), self.tr("Worse")],
        )

    def answer(self) -> str | None:
        value = self.value()
        return None if value is None else OVERALL_ANSWERS[value]

    def show_answer(self, answer: str | None) -> None:
        self.set_value(OVERALL_ANSWERS.index(answer) if answer in OVERALL_ANSWERS else None)


class DonePanel(QFrame):
    """Shown instead of the questions once the day's check-in is finished."""

    change_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "note")
        self.setAccessibleName(self.tr("Done for today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*(theme.em(self, 0.6),) * 4)
        self.title = label(self.tr("✓ Done for today"), "title")
        self.title.setAccessibleName(self.tr("Done for today"))
        self.summary = label("")
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.change_button = button(
            self.tr("&Change today's answers"), self.tr("Change today's answers")
        )
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.change_button.clicked.connect(self.change_requested)

    def show_day(self, overall: str | None, answered: int, done_at: datetime | None) -> None:
        words = {
            "better": self.tr("You feel better than yesterday."),
            "same": self.tr("You feel the same as yesterday."),
            "worse": self.tr("You feel worse than yesterday."),
        }
        parts = [words.get(overall or "", "")]
        if answered:
            parts.append(self.tr("Answers saved: {count}.").format(count=answered))
        elif overall == "same":
            parts.append(self.tr("Nothing new today."))
        if done_at is not None:
            when = locale_time(done_at.astimezone())
            parts.append(self.tr("Finished at {time}.").format(time=when))
        parts.append(self.tr("Come back tomorrow, or sooner if something changes."))
        text = " ".join(p for p in parts if p)
        self.summary.setText(text)
        self.setAccessibleDescription(text)
