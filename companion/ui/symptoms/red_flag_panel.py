"""One calm, prominent panel for every open red flag: what to do, whom to call, and why.

Several flags collapse into one panel ordered by urgency: the most urgent action on top, the
phone numbers once, then one line per reason (the library's explanation of each is one click
away, and always in the line's accessible description). No sound, no flashing. Screen
readers hear it as an alert when it appears, and the keyboard focus moves to it; the patient
acknowledges it once ("I have read this") and the same episode does not bring it back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from companion.profile.service import ProfileInfo
from companion.symptoms import wording
from companion.symptoms.model import FlagEvent
from companion.ui import accessibility  # noqa: F401  (installs the role factory)
from companion.ui.widgets.common import announce, button, restyle


class RedFlagPanel(QFrame):
    acknowledged = Signal(object)  # tuple[int, ...]: the flag ids the patient has read
    accessible_role = QAccessible.Role.AlertMessage  # AT-SPI "alert" (ui/accessibility.py)

    def __init__(self) -> None:
        super().__init__()
        self.flags: tuple[FlagEvent, ...] = ()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        self.action_label = _line("subtitle")
        layout.addWidget(self.action_label)
        self.numbers_label = _line("subtitle")
        self.numbers_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.numbers_label)
        self.reasons = QVBoxLayout()
        self.reasons.setSpacing(0)
        layout.addLayout(self.reasons)
        self.reason_labels: list[QLabel] = []
        self.message_labels: list[QLabel] = []
        row = QHBoxLayout()
        self.details_button = button(self.tr("&Why these matter"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        row.addWidget(self.details_button)
        row.addStretch(1)
        self.ack_button = button(self.tr("I have &read this"))
        self.ack_button.clicked.connect(lambda: self.acknowledged.emit(self.flag_ids()))
        row.addWidget(self.ack_button)
        layout.addLayout(row)
        self.hide()

    def flag_ids(self) -> tuple[int, ...]:
        return tuple(flag.id for flag in self.flags)

    def show_flags(self, flags: tuple[FlagEvent, ...], profile: ProfileInfo) -> bool:
        """Show these flags (most urgent first). True when one of them is new here."""
        ordered = tuple(
            sorted(flags, key=lambda f: (wording.URGENCY_ORDER.get(f.urgency, 9), f.raised_at))
        )
        new = bool({f.id for f in ordered} - set(self.flag_ids()))
        self.flags = ordered
        if not ordered:
            self.hide()
            return False
        top = ordered[0].urgency
        self.setProperty("urgency", top)
        restyle(self)
        self.action_label.setText(wording.urgency_text(top))
        care = profile.care_team_phone or self.tr("no number yet (add it in Settings)")
        emergency = profile.emergency_number or "—"
        numbers = (
            self.tr("Emergency: {emergency}    Care team: {care}")
            if top == "emergency"
            else self.tr("Care team: {care}    Emergency: {emergency}")
        )
        self.numbers_label.setText(numbers.format(care=care, emergency=emergency))
        self._fill_reasons(ordered)
        several = len(ordered) > 1
        # One flag: its explanation is short enough to show. Several: one line each.
        self.details_button.setVisible(several)
        self._show_details(not several or self.details_button.isChecked())
        self.ack_button.setAccessibleName(
            self.tr("I have read these messages") if several else self.tr("I have read this")
        )
        self.setAccessibleName(self.tr("Warning: {action}").format(action=self.action_label.text()))
        self.setAccessibleDescription(self.text())
        self.show()
        return new

    def _fill_reasons(self, flags: tuple[FlagEvent, ...]) -> None:
        while self.reasons.count():
            item = self.reasons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.reason_labels, self.message_labels = [], []
        several = len(flags) > 1
        for flag in flags:
            reason = flag.reason or wording.urgency_name(flag.urgency)
            line = _line()
            line.setText(
                self.tr("{urgency}: {reason}").format(
                    urgency=wording.urgency_name(flag.urgency), reason=reason
                )
                if several
                else self.tr("Because you reported: {reason}").format(reason=reason)
            )
            line.setToolTip(flag.message)
            line.setAccessibleDescription(flag.message)
            message = _line()
            message.setText(flag.message)
            message.setTextFormat(Qt.TextFormat.PlainText)
            message.setIndent(line.fontMetrics().height() if several else 0)
            self.reasons.addWidget(line)
            self.reasons.addWidget(message)
            line.show()  # added to a panel that may already be on screen
            self.reason_labels.append(line)
            self.message_labels.append(message)

    def _show_details(self, shown: bool) -> None:
        for message in self.message_labels:
            message.setVisible(shown)

    def alert(self) -> None:
        """Tell screen readers, and move the keyboard focus here."""
        self.ack_button.setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
        announce(self, self.text(), assertive=True)

    def text(self) -> str:
        """Everything the panel says, for tests and screen readers."""
        lines = [self.action_label.text(), self.numbers_label.text()]
        for reason, message in zip(self.reason_labels, self.message_labels, strict=True):
            lines += [reason.text(), message.text()]
        return "\n".join(line for line in lines if line)


def _line(role: str | None = None) -> QLabel:
    widget = QLabel()
    widget.setWordWrap(True)
    if role:
        widget.setProperty("role", role)
    return widget
