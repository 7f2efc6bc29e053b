"""The password dialogs: unlock at start, set or change the password, type it to turn it off.

A wrong password is said in the dialog in plain words and the field is ready to type again;
nothing is written until a password is accepted. The password never leaves the field except
to be checked (no setting, no log line).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from companion import APP_NAME
from companion.errors import CompanionError
from companion.ui import theme
from companion.ui.widgets.common import button, label, note, status_line


def password_field(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(theme.em(edit, 18))
    return edit


class _PasswordDialog(QDialog):
    """The shared frame: text, fields, a status line for refusals, OK and Cancel."""

    def __init__(self, title: str, ok_text: str, cancel_text: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.message = status_line()
        self.ok_button = button(ok_text, primary=True)
        self.cancel_button = button(cancel_text)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self._try)
        self.cancel_button.clicked.connect(self.reject)

    def finish_layout(self, *below_fields: QWidget) -> None:
        self.layout_.addLayout(self.form)
        for widget in below_fields:
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        self.layout_.addLayout(row)

    def attempt(self) -> None:  # pragma: no cover - each dialog says what OK does
        raise NotImplementedError

    def _try(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.attempt()
        except CompanionError as exc:
            QApplication.restoreOverrideCursor()
            self.message.show_error(str(exc))
            self.refused()
            return
        QApplication.restoreOverrideCursor()
        self.accept()

    def refused(self) -> None:
        """After a refusal: the first field is cleared and ready to type again."""


class UnlockDialog(_PasswordDialog):
    """At start, for a protected profile. unlock(password) raises CompanionError when the
    password does not open it; Quit leaves the app without touching anything."""

    def __init__(self, unlock: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("{app} is protected").format(app=APP_NAME),
            self.tr("&Open"),
            self.tr("&Quit"),
            parent,
        )
        self._unlock = unlock
        self.layout_.addWidget(
            label(self.tr("Your profile is protected with a password. Type it to open it."))
        )
        self.password = password_field(self.tr("Password"))
        self.form.addRow(self.tr("&Password"), self.password)
        self.finish_layout()
        self.password.setFocus()

    def attempt(self) -> None:
        self._unlock(self.password.text())

    def refused(self) -> None:
        self.password.selectAll()
        self.password.setFocus()


class SetPasswordDialog(_PasswordDialog):
    """Protect with a password, or change it (then the current one is asked first).
    apply(new, repeated, current) raises CompanionError to refuse."""

    def __init__(
        self,
        apply: Callable[[str, str, str | None], None],
        changing: bool,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Change the password") if changing else self.tr("Protect with a password")
        ok_text = self.tr("&Change") if changing else self.tr("&Protect")
        super().__init__(title, ok_text, self.tr("Cancel"), parent)
        self._apply = apply
        self.layout_.addWidget(
            label(
                self.tr(
                    "Your profile and its backups will be encrypted on this computer. The "
                    "password is asked each time HER2 Companion starts."
                )
            )
        )
        self.warning = note(
            self.tr(
                "Important: if you forget this password, nobody can open your profile or its "
                "backups again: not you, not the makers of this app, not your care team. There "
                "is no way to recover it. Write it down and keep it somewhere safe."
            ),
            self.tr("Warning: a forgotten password cannot be recovered"),
        )
        self.layout_.addWidget(self.warning)
        self.current: QLineEdit | None = None
        if changing:
            self.current = password_field(self.tr("Current password"))
            self.form.addRow(self.tr("C&urrent password"), self.current)
        self.password = password_field(self.tr("New password"))
        self.repeated = password_field(self.tr("New password again"))
        self.form.addRow(self.tr("&New password"), self.password)
        self.form.addRow(self.tr("&Again"), self.repeated)
        self.understood = QCheckBox(
            self.tr("I understand that a forgotten password &cannot be recovered")
        )
        self.understood.setAccessibleName(
            self.tr("I understand that a forgotten password cannot be recovered")
        )
        self.finish_layout(self.understood)
        self.ok_button.setEnabled(False)
        self.understood.toggled.connect(self.ok_button.setEnabled)
        (self.current or self.password).setFocus()

    def attempt(self) -> None:
        current = self.current.text() if self.current is not None else None
        self._apply(self.password.text(), self.repeated.text(), current)

    def refused(self) -> None:
        self.repeated.clear()
        self.password.selectAll()
        self.password.setFocus()


class RemovePasswordDialog(_PasswordDialog):
    """Turn the protection off: the current password must be typed."""

    def __init__(self, remove: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Turn off password protection"),
            self.tr("&Turn off"),
            self.tr("Cancel"),
            parent,
        )
        self._remove = remove
        self.layout_.addWidget(
            label(
                self.tr(
                    "Your profile and its backups will be stored without encryption again: "
                    "anyone who can open your files can read them. Type the password to go on."
                )
            )
        )
        self.password = password_field(self.tr("Current password"))
        self.form.addRow(self.tr("C&urrent password"), self.password)
        self.finish_layout()
        self.password.setFocus()

    def attempt(self) -> None:
        self._remove(self.password.text())

    def refused(self) -> None:
        self.password.selectAll()
        self.password.setFocus()
