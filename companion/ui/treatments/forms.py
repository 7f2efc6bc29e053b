"""Form pieces shared by the treatment dialogs: dates, choices, and a dialog that keeps
itself open with a plain message when the input is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from companion.errors import ValidationError
from companion.ui import theme
from companion.ui.widgets.common import status_line

DATE_FORMAT = "d MMM yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1950, 1, 1))
    edit.setAccessibleName(accessible_name)
    return edit


class OptionalDate(QWidget):
    """A check box ('Ended') that enables a date: for end and stop dates not known yet."""

    def __init__(
        self, check_text: str, day: date | None, accessible_name: str, *, today: date
    ) -> None:
        """today: the date offered when the box is ticked and no day was known."""
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        self.check.setAccessibleName(check_text.replace("&", ""))
        self.edit = date_edit(day or today, accessible_name)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its label's mnemonic lands on the
        self.setFocusProxy(self.check)  # check box

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None


def choice_combo(
    codes: Iterable[str | None], label_of: Callable[[str], str], current: str | None, name: str
) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for code in codes:
        combo.addItem(label_of(code), code)  # type: ignore[arg-type]  # label_of also names the empty choice (None)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


def line_edit(text: str, accessible_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    return edit


def note_edit(text: str, accessible_name: str, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    theme.size_in_lines(edit, fixed_height=4)
    return edit


class EntryDialog(QDialog):
    """A form dialog. Save calls save(); a ValidationError shows its message and keeps the
    dialog (and everything typed) open, so nothing is lost and nothing is half-saved."""

    def __init__(self, title: str, parent: QWidget, save: Callable[[], object]) -> None:
        super().__init__(parent)
        self._save = save
        self.result_value: object = None
        self.fields: dict[str, QWidget] = {}  # by row label, e.g. "Date"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(theme.em(self, 28))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = status_line()
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def add_row(self, text: str, widget: QWidget) -> None:
        row_label = QLabel(text)
        row_label.setBuddy(widget)
        self.form.addRow(row_label, widget)
        self.fields[text.replace("&", "")] = widget

    def try_save(self) -> None:
        try:
            self.result_value = self._save()
        except ValidationError as exc:
            self.show_message(str(exc))
            return
        self.accept()

    def show_message(self, text: str) -> None:
        self.message.show_error(text)
        self.message.show()


def confirm_delete(parent: QWidget, what: str) -> bool:
    """Ask before deleting; the answer defaults to No."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Forms", "Delete"),
        QCoreApplication.translate(
            "Forms", "Delete {what}?\nYou can undo this with Edit ▸ Undo."
        ).format(what=what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def parse_number(text: str, what: str) -> float | None:
    """A number typed the local way ('55', '4,5' or '4.5'); empty means none given."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if not ok:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(
                QCoreApplication.translate("Forms", "The {what} must be a number.").format(
                    what=what
                )
            ) from None
    return value


def number_text(value: float | None) -> str:
    return "" if value is None else QLocale().toString(value, "g", 6)
