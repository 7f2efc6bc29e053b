"""Today: a greeting, whom to call, and (as features arrive) the daily check-in."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFrame, QVBoxLayout

from companion.services import Services
from companion.ui.widgets.common import Page, heading, label


class TodayPage(Page):
    page_id = "today"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self.setAccessibleName(self.tr("Today"))
        layout = QVBoxLayout(self)
        self.greeting = heading("")
        self.date_label = label("", "muted")
        layout.addWidget(self.greeting)
        layout.addWidget(self.date_label)
        self.contacts = QFrame()
        self.contacts.setProperty("role", "card")
        self.contacts.setAccessibleName(self.tr("Who to call"))
        contacts_layout = QVBoxLayout(self.contacts)
        contacts_layout.addWidget(label(self.tr("Who to call"), "subtitle"))
        self.care_team_label = label("")
        self.emergency_label = label("")
        contacts_layout.addWidget(self.care_team_label)
        contacts_layout.addWidget(self.emergency_label)
        layout.addWidget(self.contacts)
        layout.addStretch(1)

    def refresh(self) -> None:
        info = self._services.profile.get()
        self.greeting.setText(
            self.tr("Hello, {name}").format(name=info.name) if info.name else self.tr("Hello")
        )
        self.date_label.setText(QLocale().toString(date.today(), QLocale.FormatType.LongFormat))
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
