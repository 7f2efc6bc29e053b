"""A calm, prominent message when a red-flag rule matches: why, what to do, whom to call.

No sound, no flashing. The patient acknowledges it once ("I have read this"); the same
episode does not bring it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from companion.profile.service import ProfileInfo
from companion.symptoms import wording
from companion.symptoms.model import FlagEvent
from companion.ui.widgets.common import button


class RedFlagBanner(QFrame):
    acknowledged = Signal(int)  # flag id

    def __init__(self, flag: FlagEvent, profile: ProfileInfo) -> None:
        super().__init__()
        self.flag = flag
        self.setProperty("urgency", flag.urgency)
        layout = QVBoxLayout(self)
        self.action_label = QLabel(wording.urgency_text(flag.urgency))
        self.action_label.setProperty("role", "subtitle")
        self.action_label.setWordWrap(True)
        layout.addWidget(self.action_label)
        self.reason_label = QLabel(
            self.tr("Because you reported: {reason}").format(reason=flag.reason)
            if flag.reason
            else ""
        )
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(bool(flag.reason))
        layout.addWidget(self.reason_label)
        self.message_label = QLabel(flag.message)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.message_label)
        care = profile.care_team_phone or self.tr("no number yet (add it in Settings)")
        emergency = profile.emergency_number or "—"
        numbers = (
            self.tr("Emergency: {emergency}    Care team: {care}")
            if flag.urgency == "emergency"
            else self.tr("Care team: {care}    Emergency: {emergency}")
        )
        self.numbers_label = QLabel(numbers.format(care=care, emergency=emergency))
        self.numbers_label.setProperty("role", "subtitle")
        self.numbers_label.setWordWrap(True)
        self.numbers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.numbers_label, 1)
        self.ack_button = button(
            self.tr("I have read this"),
            self.tr("I have read this message about {reason}").format(
                reason=flag.reason or wording.urgency_name(flag.urgency)
            ),
        )
        self.ack_button.clicked.connect(lambda: self.acknowledged.emit(flag.id))
        row.addWidget(self.ack_button)
        layout.addLayout(row)
        self.setAccessibleName(
            self.tr("Red flag: {action} {reason}").format(
                action=self.action_label.text(), reason=flag.reason
            )
        )
        self.setAccessibleDescription(f"{flag.message} {self.numbers_label.text()}")
        for child in (self.action_label, self.reason_label, self.message_label, self.numbers_label):
            child.setAccessibleName(child.text())

    def text(self) -> str:
        """Everything the banner says, for tests and screen readers."""
        return "\n".join(
            label.text()
            for label in (
                self.action_label,
                self.reason_label,
                self.message_label,
                self.numbers_label,
            )
            if label.text()
        )
