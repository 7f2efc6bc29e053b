"""File ▸ Export symptoms: choose CSV or a PDF report and the dates, then the file."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from companion.ui.symptoms.log_model import DAY_FORMAT
from companion.ui.widgets.common import label
from companion.ui.widgets.qt_items import pydate, qdate


class ExportDialog(QDialog):
    def __init__(self, start: date, end: date, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export symptoms"))
        self.setAccessibleName(self.tr("Export symptoms"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "A CSV file has one row per answer and opens in any spreadsheet. "
                    "A PDF report has charts, the worst answer each week, red flags and notes."
                ),
                "muted",
            )
        )
        form = QFormLayout()
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("File type"))
        self.format_combo.addItem(self.tr("PDF report"), "pdf")
        self.format_combo.addItem(self.tr("CSV (spreadsheet)"), "csv")
        self.from_date = QDateEdit(qdate(start))
        self.to_date = QDateEdit(qdate(end))
        for edit, name in ((self.from_date, self.tr("From")), (self.to_date, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DAY_FORMAT)  # as the Symptoms page writes its days
            edit.setMaximumDate(qdate(today))
            edit.setAccessibleName(name)
            for inner in edit.findChildren(QLineEdit):
                inner.setAccessibleName(name)
        form.addRow(self.tr("&File type"), self.format_combo)
        form.addRow(self.tr("F&rom"), self.from_date)
        form.addRow(self.tr("&To"), self.to_date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Choose file…"))
        self.ok_button.setAccessibleName(self.tr("Choose file"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> tuple[str, date, date]:
        start = pydate(self.from_date.date())
        end = pydate(self.to_date.date())
        return str(self.format_combo.currentData()), min(start, end), max(start, end)
