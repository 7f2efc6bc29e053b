"""Settings ▸ Password protection: protect the profile, change the password, turn it off."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from companion.profile.protection import ProtectionService
from companion.ui.idle_lock import LOCK_CHOICES
from companion.ui.password_dialogs import RemovePasswordDialog, SetPasswordDialog
from companion.ui.widgets.common import button, label, status_line


class ProtectionSection(QWidget):
    lock_minutes_changed = Signal(int)  # 0: never lock
    protection_changed = Signal(bool)  # protected now?

    def __init__(self, protection: ProtectionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._protection = protection
        self.setAccessibleName(self.tr("Password protection"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Password protection"), "subtitle"))
        self.state = label("")
        layout.addWidget(self.state)
        row = QHBoxLayout()
        self.protect_button = button(self.tr("&Protect with a password…"))
        self.change_button = button(self.tr("C&hange the password…"))
        self.remove_button = button(self.tr("Turn &off protection…"))
        for widget in (self.protect_button, self.change_button, self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.lock_combo = QComboBox()
        self.lock_combo.setAccessibleName(self.tr("Lock when not used for"))
        for minutes in LOCK_CHOICES:
            self.lock_combo.addItem(
                self.tr("Never") if minutes == 0 else self.tr("%n minute(s)", "", minutes),
                minutes,
            )
        self.lock_row = QWidget()
        lock_form = QFormLayout(self.lock_row)
        lock_form.setContentsMargins(0, 0, 0, 0)
        lock_form.addRow(self.tr("&Lock when not used for"), self.lock_combo)
        layout.addWidget(self.lock_row)
        self.lock_combo.currentIndexChanged.connect(
            lambda: self.lock_minutes_changed.emit(int(self.lock_combo.currentData()))
        )
        self.message = status_line()
        layout.addWidget(self.message)
        self.protect_button.clicked.connect(lambda: self.open_set_dialog(changing=False))
        self.change_button.clicked.connect(lambda: self.open_set_dialog(changing=True))
        self.remove_button.clicked.connect(self.open_remove_dialog)
        self.last_dialog: QDialog | None = None  # tests type into it as a user would
        self.refresh()

    def refresh(self) -> None:
        protected = self._protection.protected
        if not self._protection.available:
            text = self.tr(
                "Password protection needs SQLCipher, which is not installed on this computer."
            )
        elif protected:
            text = self.tr(
                "Your profile and its backups are encrypted. The password is asked at start."
            )
        else:
            text = self.tr(
                "Your profile is not protected with a password: anyone who can open your "
                "files on this computer can read it."
            )
        self.state.setText(text)
        self.protect_button.setVisible(not protected)
        self.protect_button.setEnabled(self._protection.available)
        self.change_button.setVisible(protected)
        self.remove_button.setVisible(protected)
        self.lock_row.setVisible(protected)

    def set_lock_minutes(self, minutes: int) -> None:
        index = self.lock_combo.findData(minutes)
        self.lock_combo.blockSignals(True)
        self.lock_combo.setCurrentIndex(max(0, index))
        self.lock_combo.blockSignals(False)

    def open_set_dialog(self, changing: bool) -> None:
        def apply(new: str, repeated: str, current: str | None) -> None:
            self._protection.protect(new, repeated, current)

        dialog = SetPasswordDialog(apply, changing, self)
        self._run(
            dialog,
            self.tr("The password was changed.")
            if changing
            else self.tr("Your profile and its backups are now protected with your password."),
        )

    def open_remove_dialog(self) -> None:
        dialog = RemovePasswordDialog(self._protection.remove, self)
        self._run(dialog, self.tr("Password protection is off."))

    def _run(self, dialog: QDialog, done: str) -> None:
        self.last_dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.last_dialog = None
        dialog.deleteLater()
        if accepted:
            self.refresh()
            self.message.setText(done)
            self.protection_changed.emit(self._protection.protected)
