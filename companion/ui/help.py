"""F1: a short guide to the page in front of the patient, in plain words.

Each guide says what the page is for and how to use it with the keyboard; Escape closes it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from companion.translations import TranslationContext
from companion.ui import theme


class Help(TranslationContext):
    """The page guides."""


def guides() -> dict[str, tuple[str, list[str]]]:
    """page id → (title, steps)."""
    return {
        "today": (
            Help.tr("Today"),
            [
                Help.tr("Answer each question with one click, or press its number key."),
                Help.tr("Up and Down move between questions; Delete clears an answer."),
                Help.tr("Every answer is saved at once. Ctrl+Z undoes the last one."),
                Help.tr(
                    "If an answer is a warning sign, a message at the top says whom to call. "
                    "Press Enter on “I have read this” when you have read it."
                ),
                Help.tr("Temperature, weight and a note are optional (Alt+M, Alt+W)."),
            ],
        ),
        "symptoms": (
            Help.tr("Symptoms"),
            [
                Help.tr(
                    "The log lists every answer, newest first. Choose a symptom or dates "
                    "to narrow it."
                ),
                Help.tr(
                    "Trends, Week by week and ESAS-r totals show the same answers as "
                    "charts and tables."
                ),
                Help.tr("Enter on a row opens that day's check-in to change it."),
                Help.tr(
                    "Export… saves the log as a spreadsheet, a PDF report or FHIR JSON; "
                    "Print report… prints it for your care team."
                ),
            ],
        ),
        "treatments": (
            Help.tr("Treatments"),
            [
                Help.tr(
                    "Lines: each line of treatment, its medicines, dates and why it ended. "
                    "Add a line… starts one; type a medicine's name or brand and press "
                    "Enter."
                ),
                Help.tr(
                    "Medicines, Scans & tests, Biopsies and Sites of spread keep the "
                    "rest of your record."
                ),
                Help.tr(
                    "Timeline shows everything on one picture. Print summary… prints the record."
                ),
            ],
        ),
        "visits": (
            Help.tr("Visits & questions"),
            [
                Help.tr(
                    "New visit… adds an appointment. Choose a visit in the list to see "
                    "its questions."
                ),
                Help.tr(
                    "Type a question and press Enter to add it; the question bank and "
                    "suggestions offer more."
                ),
                Help.tr(
                    "Print questions… prints a sheet with room for the answers; the "
                    "brief is a one-page summary for the doctor."
                ),
            ],
        ),
        "library": (
            Help.tr("Library"),
            [
                Help.tr(
                    "Ctrl+F goes to the search box: type a medicine, brand, side effect or test."
                ),
                Help.tr(
                    "Every fact shows where it comes from. It is general information; "
                    "your care team decides your treatment."
                ),
            ],
        ),
        "settings": (
            Help.tr("Settings"),
            [
                Help.tr(
                    "Your care team's phone and the emergency number appear with every warning."
                ),
                Help.tr(
                    "Text size and colors (light, dark, high contrast) change the whole "
                    "app at once."
                ),
                Help.tr("Everything stays on this computer."),
            ],
        ),
    }


class HelpDialog(QDialog):
    def __init__(self, page_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, steps = guides().get(page_id, guides()["today"])
        self.setWindowTitle(self.tr("Help: {page}").format(page=title))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(theme.em(self, 30))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Guide to {page}").format(page=title))
        items = "".join(f"<li>{step}</li>" for step in steps)
        self.text.setHtml(f"<h2>{title}</h2><ol>{items}</ol>")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close help"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(theme.em(self, 34), theme.em(self, 22))
