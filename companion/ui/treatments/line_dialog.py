"""Add or change a line of treatment: setting, number, regimen, drugs, dates and its end."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.treatments.drug_match import DrugMatcher
from companion.treatments.labels import END_REASONS, SETTINGS, end_reason_label, setting_label
from companion.treatments.lines import MAX_LINE_NUMBER, DrugInput, LineInfo, LineInput, LineService
from companion.ui import theme
from companion.ui.treatments.forms import (
    EntryDialog,
    OptionalDate,
    choice_combo,
    date_edit,
    from_qdate,
    line_edit,
    note_edit,
)
from companion.ui.widgets.common import button, label

DRUG_ROLE = Qt.ItemDataRole.UserRole


class DrugEntry(QLineEdit):
    """Enter adds the typed drug to the list; it must not also save the whole dialog."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if enter and popup is not None and popup.isVisible() and popup.currentIndex().isValid():
            event.ignore()  # the completer takes the highlighted suggestion (activated)
            return
        super().keyPressEvent(event)
        if enter:
            event.accept()


class DrugPicker(QWidget):
    """Type a drug (name, brand or abbreviation) and press Enter; the library suggests."""

    def __init__(self, matcher: DrugMatcher, drugs: tuple[DrugInput, ...]) -> None:
        super().__init__()
        self._matcher = matcher
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.entry = DrugEntry()
        self.entry.setAccessibleName(self.tr("Drug name"))
        self.entry.setPlaceholderText(self.tr("Type a name or brand, e.g. Enhertu"))
        completer = QCompleter([c.text for c in matcher.choices()], self.entry)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self.add_typed)
        self.add_button = button(self.tr("Add drug"))
        self.add_button.clicked.connect(self.add_typed)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Drugs in this line"))
        theme.size_in_lines(self.list, max_height=6)
        layout.addWidget(self.list)
        self.remove_button = button(self.tr("Remove drug"))
        self.remove_button.clicked.connect(self.remove_current)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        # The "Drugs" label's mnemonic (Alt+D) lands on the entry: a buddy must take focus.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(self.entry)
        completer.activated.connect(self._choose_suggestion)
        for drug in drugs:
            self._append(drug)
        self._update_buttons()
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())

    def _choose_suggestion(self, text: str) -> None:
        """A suggestion chosen from the list is added at once, and the list closes."""
        popup = self.entry.completer().popup()
        if popup is not None:
            popup.hide()
        self.entry.setText(text)
        self.add_typed()

    def add_typed(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        name, library_id = self._matcher.resolve(text)
        self._append(DrugInput(name, library_id))
        self.entry.clear()
        self._update_buttons()

    def _append(self, drug: DrugInput) -> None:
        title = self._matcher.title(drug.library_id)
        shown = drug.name
        if title is None:
            shown = self.tr("{name} (typed; not in the library)").format(name=drug.name)
        elif title.split(" (", 1)[0].casefold() != drug.name.casefold():
            shown = f"{drug.name} ({title.split(' (', 1)[0]})"
        item = QListWidgetItem(shown)
        item.setData(DRUG_ROLE, drug)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, shown)
        self.list.addItem(item)
        self.list.setCurrentItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def drugs(self) -> tuple[DrugInput, ...]:
        pending = self.entry.text().strip()
        listed = tuple(self.list.item(i).data(DRUG_ROLE) for i in range(self.list.count()))
        if pending:  # typed but Enter not pressed: still meant to be in the line
            name, library_id = self._matcher.resolve(pending)
            listed += (DrugInput(name, library_id),)
        return listed


class LineDialog(EntryDialog):
    def __init__(
        self, parent: QWidget, lines: LineService, matcher: DrugMatcher, line: LineInfo | None
    ) -> None:
        title = (
            QCoreApplication.translate("LineDialog", "Change line")
            if line
            else QCoreApplication.translate("LineDialog", "Add a line of treatment")
        )
        super().__init__(title, parent, self._save_line)
        self._lines = lines
        self._line = line
        self.setting = choice_combo(
            SETTINGS, setting_label, line.setting if line else "metastatic", self.tr("Setting")
        )
        self.number = QSpinBox()
        self.number.setRange(1, MAX_LINE_NUMBER)
        self.number.setAccessibleName(self.tr("Line number"))
        self.number.setValue(line.number if line else lines.next_number("metastatic"))
        if line is None:
            self.setting.currentIndexChanged.connect(
                lambda _i: self.number.setValue(lines.next_number(self.setting.currentData()))
            )
        self.regimen = line_edit(
            line.regimen if line else "",
            self.tr("Regimen name"),
            self.tr("Optional, e.g. THP"),
        )
        existing = tuple(
            DrugInput(d.name, d.library_id, d.start_date, d.end_date)
            for d in (line.drugs if line else ())
        )
        self.drugs = DrugPicker(matcher, existing)
        today = lines.clock.today()
        self.start = date_edit(line.start_date if line else today, self.tr("Start date"))
        self.ended = OptionalDate(
            self.tr("This line has ended"),
            line.end_date if line else None,
            self.tr("End date"),
            today=today,
        )
        self.reason = choice_combo(
            END_REASONS,
            end_reason_label,
            line.end_reason if line else None,
            self.tr("Why it ended"),
        )
        self.note = note_edit(
            line.end_note if line else "",
            self.tr("Note about the end"),
            self.tr("Optional, in your words"),
        )
        self.add_row(self.tr("&Setting"), self.setting)
        self.add_row(self.tr("Line &number"), self.number)
        self.add_row(self.tr("&Regimen"), self.regimen)
        self.add_row(self.tr("&Drugs"), self.drugs)
        self.add_row(self.tr("S&tarted"), self.start)
        self.add_row(self.tr("&Ended"), self.ended)
        self.add_row(self.tr("&Why it ended"), self.reason)
        self.add_row(self.tr("N&ote"), self.note)
        self.ended.check.toggled.connect(self._show_end)
        self._show_end(self.ended.check.isChecked())
        self.setMinimumWidth(theme.em(self, 34))

    def _show_end(self, ended: bool) -> None:
        """Why it ended, and the note, only once the line has ended."""
        self.form.setRowVisible(self.reason, ended)
        self.form.setRowVisible(self.note, ended)
        self.adjustSize()

    def line_input(self) -> LineInput:
        end = self.ended.value()
        return LineInput(
            setting=self.setting.currentData(),
            number=self.number.value(),
            regimen=self.regimen.text(),
            start_date=from_qdate(self.start.date()),
            drugs=self.drugs.drugs(),
            end_date=end,
            end_reason=self.reason.currentData() if end else None,
            end_note=self.note.toPlainText(),
        )

    def _save_line(self) -> LineInfo:
        if self._line is None:
            return self._lines.add(self.line_input())
        return self._lines.update(self._line.id, self.line_input())


class EndLineDialog(EntryDialog):
    """Record that a line ended: the date, why, and a note."""

    def __init__(self, parent: QWidget, lines: LineService, line: LineInfo) -> None:
        title = QCoreApplication.translate("EndLineDialog", "End {line}").format(line=line.label)
        super().__init__(title, parent, self._save_end)
        self._lines = lines
        self._line = line
        self.intro = label(
            self.tr("{line}: {name}, {dates}.").format(
                line=line.label, name=line.name, dates=line.dates
            )
        )
        self.form.addRow(self.intro)
        self.end = date_edit(line.end_date or lines.clock.today(), self.tr("End date"))
        self.reason = choice_combo(
            END_REASONS, end_reason_label, line.end_reason, self.tr("Why it ended")
        )
        self.note = note_edit(line.end_note, self.tr("Note"), self.tr("Optional, in your words"))
        self.add_row(self.tr("&Ended on"), self.end)
        self.add_row(self.tr("&Why it ended"), self.reason)
        self.add_row(self.tr("N&ote"), self.note)

    def _save_end(self) -> LineInfo:
        return self._lines.end(
            self._line.id,
            from_qdate(self.end.date()),
            self.reason.currentData(),
            self.note.toPlainText(),
        )
