"""Today: a greeting, whom to call, red-flag messages and the daily check-in.

The red-flag panel sits above the scrolling part, so they stay in view wherever the patient
is in the form. Other features put cards at the top with add_top_card() (e.g. the next
visit).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from companion.services import Services
from companion.symptoms.model import FlagEvent
from companion.ui import theme
from companion.ui.symptoms.checkin_form import CheckInForm
from companion.ui.symptoms.red_flag_panel import RedFlagPanel
from companion.ui.symptoms.weekly_card import WeeklyCheckInCard
from companion.ui.widgets.common import Page, heading, label
from companion.ui.widgets.first_steps import FirstStepsCard
from companion.ui.widgets.next_visit import NextVisitCard
from companion.ui.widgets.qt_items import qdate


class TodayPage(Page):
    page_id = "today"

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self._services = services
        self.setAccessibleName(self.tr("Today"))
        outer = QVBoxLayout(self)
        self.red_flags = RedFlagPanel()
        outer.addWidget(self.red_flags)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Today"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, theme.em(self, 0.5), 0)
        self.top_area = QVBoxLayout()
        layout.addLayout(self.top_area)
        self.first_steps = FirstStepsCard(services, settings)  # a new profile's first steps
        layout.addWidget(self.first_steps)

        top = QHBoxLayout()
        words = QVBoxLayout()
        self.greeting = heading("")
        self.date_label = label("", "muted", data=True)
        words.addWidget(self.greeting)
        words.addWidget(self.date_label)
        top.addLayout(words, 1)
        self.contacts = QFrame()
        self.contacts.setProperty("role", "card")
        self.contacts.setAccessibleName(self.tr("Who to call"))
        contacts_layout = QVBoxLayout(self.contacts)
        contacts_layout.addWidget(label(self.tr("Who to call"), "subtitle"))
        self.care_team_label = label("")
        self.emergency_label = label("")
        contacts_layout.addWidget(self.care_team_label)
        contacts_layout.addWidget(self.emergency_label)
        top.addWidget(self.contacts, 1)
        layout.addLayout(top)
        self.next_visit = NextVisitCard(services.visits)  # refreshes itself when shown
        layout.addWidget(self.next_visit)
        self.cards_area = QVBoxLayout()  # cards above the check-in, e.g. today's medicines
        layout.addLayout(self.cards_area)
        self.cards: list[QWidget] = []

        self.checkin = CheckInForm(services, undo_stack, settings)
        layout.addWidget(self.checkin)
        self.weekly = WeeklyCheckInCard(services, undo_stack, settings)
        layout.addWidget(self.weekly)
        layout.addStretch(1)
        self.scroll_area.setWidget(content)
        outer.addWidget(self.scroll_area, 1)

        self.checkin.flags_changed.connect(self.show_flags)
        self.red_flags.acknowledged.connect(self._acknowledge)
        self.checkin.row_focused.connect(lambda w: self.scroll_area.ensureWidgetVisible(w))
        self.weekly.row_focused.connect(lambda w: self.scroll_area.ensureWidgetVisible(w))

    def add_top_card(self, widget: QWidget) -> None:
        """Put a card (e.g. the next visit) at the top of the page, above the greeting."""
        self.top_area.addWidget(widget)

    def add_card(self, widget: QWidget) -> None:
        """Put a card between the greeting and the check-in; its refresh() follows the page."""
        self.cards_area.addWidget(widget)
        self.cards.append(widget)

    def refresh(self) -> None:
        for card in self.cards:
            getattr(card, "refresh", lambda: None)()
        today = self._services.clock.today()
        info = self._services.profile.get()
        self.first_steps.refresh()
        self.greeting.setText(
            self.tr("Hello, {name}").format(name=info.name) if info.name else self.tr("Hello")
        )
        self.date_label.setText(QLocale().toString(qdate(today), QLocale.FormatType.LongFormat))
        self.care_team_label.setText(
            self.tr("Care team: {number}").format(number=info.care_team_phone)
            if info.care_team_phone
            else self.tr("Care team: no number yet (add it in Settings)")
        )
        self.emergency_label.setText(
            self.tr("Emergency: {number}").format(number=info.emergency_number or "—")
        )
        for widget in (self.greeting, self.care_team_label, self.emergency_label):
            widget.setAccessibleName(widget.text())
        self.checkin.set_day(today if self.checkin.follows_today else self.checkin.day())
        self.weekly.set_day(today)
        if self.red_flags.flags:
            self.red_flags.alert()  # unread warnings come first, every time Today is shown
        else:
            self.checkin.focus_first_question()

    def show_day(self, day: date) -> None:
        """Open the check-in of another day (back-dating or editing)."""
        self.checkin.set_day(day)
        self.checkin.focus_first_question()

    def open_day(self, day: date) -> None:
        """Bring this page up in its window with that day's check-in (from the log)."""
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is not None:
            show_page(self.page_id)
        self.show_day(day)

    # -- red flags ---------------------------------------------------------------------
    def show_flags(self, flags: tuple[FlagEvent, ...]) -> None:
        new = self.red_flags.show_flags(flags, self._services.profile.get())
        if new and self.isVisible():
            self.red_flags.alert()

    def _acknowledge(self, flag_ids: tuple[int, ...]) -> None:
        for flag_id in flag_ids:
            self._services.symptoms.acknowledge(flag_id)
        self.show_flags(self.checkin.open_flags())
        self.checkin.setFocus(Qt.FocusReason.OtherFocusReason)
        self.checkin.focus_first_question()
