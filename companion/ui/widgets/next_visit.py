"""The next visit on the Today page: when, with whom, how many questions are ready."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from companion.ui.widgets.common import button, label
from companion.visits.model import count_text, format_visit_time
from companion.visits.service import VisitService


class NextVisitCard(QFrame):
    """Refreshes itself whenever it is shown; the button opens the Visits page."""

    def __init__(self, visits: VisitService) -> None:
        super().__init__()
        self._visits = visits
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("Next visit"))
        self.title = label(self.tr("Next visit"), "subtitle")
        self.when_label = label("")
        self.details_label = label("", "muted")
        self.open_button = button(
            self.tr("Prepare questions"), self.tr("Open visits and questions")
        )
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.when_label)
        text.addWidget(self.details_label)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addWidget(self.open_button)
        self.open_button.clicked.connect(self._open_visits)

    def refresh(self, now: datetime | None = None) -> None:
        visit = self._visits.next_visit(now)
        if visit is None:
            self.when_label.setText(self.tr("No visit planned."))
            self.details_label.setText(
                self.tr("Add your next appointment to gather questions for it.")
            )
            self.open_button.setText(self.tr("Add a visit"))
            self.open_button.setAccessibleName(self.tr("Add a visit"))
        else:
            today = (now or self._visits.clock.wall_now()).date()
            days = (visit.day - today).days
            when = format_visit_time(visit.starts_at)
            if days == 0:
                when = self.tr("Today, {when}").format(when=when)
            elif days == 1:
                when = self.tr("Tomorrow, {when}").format(when=when)
            else:
                when = self.tr("{when} (in {days} days)").format(when=when, days=days)
            self.when_label.setText(when)
            details = [visit.who()]
            if visit.place:
                details.append(visit.place)
            details.append(
                count_text(visit.question_count, "1 question ready", "{n} questions ready")
                if visit.question_count
                else self.tr("no questions yet")
            )
            self.details_label.setText(" · ".join(details))
            self.open_button.setText(self.tr("Prepare questions"))
            self.open_button.setAccessibleName(self.tr("Open visits and questions"))
        for widget in (self.when_label, self.details_label):
            widget.setAccessibleName(widget.text())

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _open_visits(self) -> None:
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is not None:
            show_page("visits")
