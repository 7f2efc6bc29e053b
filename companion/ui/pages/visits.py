"""Visits & questions: appointments, the question list for each, the bank, suggestions,
answers, carrying questions over, and the printed question sheet and visit brief."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QResizeEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from companion.errors import CompanionError
from companion.library.model import BankQuestion
from companion.services import Services
from companion.ui import theme
from companion.ui.treatments.responsive import SideBySide
from companion.ui.visits.bank_browser import BankBrowser
from companion.ui.visits.editor import VisitEditor
from companion.ui.visits.question_panel import QuestionPanel
from companion.ui.visits.suggestion_panel import SuggestionPanel
from companion.ui.widgets.background import TaskPanel
from companion.ui.widgets.common import Page, button, heading, label, status_line
from companion.visits.model import (
    CarryOverOffer,
    Suggestion,
    VisitInfo,
    count_text,
    format_day,
    format_visit_time,
)

VISIT_ROLE = Qt.ItemDataRole.UserRole + 1


if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from companion.reports.pdf import ReportDocument
    from companion.reports.question_sheet import QuestionSheet


class DismissSuggestionCommand(QUndoCommand):
    def __init__(self, page: VisitsPage, suggestion: Suggestion) -> None:
        super().__init__(QCoreApplication.translate("VisitsPage", "Dismiss suggestion"))
        self._page = page
        self._suggestion = suggestion

    def redo(self) -> None:
        self._page.services.visit_suggestions.dismiss(self._suggestion)
        self._page.show_suggestions()

    def undo(self) -> None:
        self._page.services.visit_suggestions.restore(self._suggestion)
        self._page.show_suggestions()


class VisitList(QListWidget):
    """A list of visits that Tab can pass through without choosing one.

    Qt makes the first row current when a list without a current row gets the focus; here
    that would silently switch the shown visit (and a question typed next would go to it).
    The arrow keys, a click or Enter choose.

    Years of monthly visits make hundreds of rows, each a wrapped two-line text Qt lays out
    before the list can be drawn; the list holds the first ROWS_AT_ONCE and adds the next
    ones as the end comes into view (scrolled to, or the last row chosen), as a Qt model's
    fetchMore would.
    """

    ROWS_AT_ONCE = 40

    def __init__(self) -> None:
        super().__init__()
        self._waiting: list[VisitInfo] = []
        self._make_item: Callable[[VisitInfo], QListWidgetItem] | None = None
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)
        # The rows shown fit without scrolling (a tall window): nothing to scroll to the
        # end with, so the next ones come once Qt has laid the list out.
        bar.rangeChanged.connect(
            lambda _low, high: QTimer.singleShot(0, self, self._fill_if_room) if high == 0 else None
        )
        self.currentRowChanged.connect(self._row_changed)

    def set_visits(
        self,
        visits: list[VisitInfo],
        make_item: Callable[[VisitInfo], QListWidgetItem],
        keep: int | None = None,
    ) -> None:
        """Replace the rows (signals blocked by the caller); the visit keep is always in."""
        self._waiting = []
        self.clear()
        self._make_item = make_item
        shown = self.ROWS_AT_ONCE
        for index, visit in enumerate(visits):
            if visit.id == keep:
                shown = max(shown, index + 1)
                break
        self._waiting = list(visits[shown:])
        for visit in visits[:shown]:
            self.addItem(make_item(visit))

    def has_more(self) -> bool:
        return bool(self._waiting)

    def fetch_more(self) -> None:
        if not self._waiting or self._make_item is None:
            return
        batch, self._waiting = (
            self._waiting[: self.ROWS_AT_ONCE],
            self._waiting[self.ROWS_AT_ONCE :],
        )
        for visit in batch:
            self.addItem(self._make_item(visit))

    def show_visit_row(self, visit_id: int) -> int:
        """The row of that visit, adding waiting rows until it is in; -1 if not listed."""
        while True:
            for row in range(self.count()):
                visit = self.item(row).data(VISIT_ROLE)
                if visit is not None and visit.id == visit_id:
                    return row
            if not any(v.id == visit_id for v in self._waiting):
                return -1
            self.fetch_more()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.has_more():
            QTimer.singleShot(0, self, self._fill_if_room)

    def _fill_if_room(self) -> None:
        if self.has_more() and self.verticalScrollBar().maximum() == 0:
            self.fetch_more()

    def _scrolled(self, value: int) -> None:
        if value >= self.verticalScrollBar().maximum():
            self.fetch_more()

    def _row_changed(self, row: int) -> None:
        if row >= 0 and row == self.count() - 1:
            self.fetch_more()

    def focusInEvent(self, event: QFocusEvent) -> None:
        had_current = self.currentItem() is not None
        self.blockSignals(True)
        super().focusInEvent(event)
        if not had_current:
            self.setCurrentRow(-1)
        self.blockSignals(False)


class VisitsPage(Page):
    page_id = "visits"

    def __init__(self, services: Services, undo_stack: QUndoStack | None = None) -> None:
        super().__init__()
        self.services = services
        self._undo = undo_stack
        self._visit: VisitInfo | None = None
        self._offer: CarryOverOffer | None = None
        self.editor: VisitEditor | None = None
        self.preview: QPrintPreviewDialog | None = None
        self.setAccessibleName(self.tr("Visits and questions"))

        # Built from the outside in: showing a widget (a scroll area's content, a tab) polishes
        # it with the style sheet, and moving a polished widget under a new parent polishes
        # it all over again, so containers are in place before what they hold is shown.
        outer = QVBoxLayout(self)
        # In a small window the page scrolls rather than forcing the window to grow.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Visits and questions"))
        outer.addWidget(scroll)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(content)
        layout.addWidget(heading(self.tr("Visits & questions")))
        layout.addWidget(self._build_carry_over())
        # Side by side when there is room; the visit lists above the questions when not
        # (a small screen, the largest text), so nothing is pushed out of sight sideways.
        self.columns = SideBySide(self._build_lists(), self._build_detail(), (1, 2), (14, 30))
        layout.addWidget(self.columns, 1)
        self.message = status_line()
        layout.addWidget(self.message)
        self.tasks = TaskPanel()  # saved files are written on a worker thread
        layout.addWidget(self.tasks)
        self._add_tabs()

    # -- building ------------------------------------------------------------------------
    def _build_carry_over(self) -> QFrame:
        self.carry_frame = QFrame()
        self.carry_frame.setProperty("role", "note")
        self.carry_frame.setAccessibleName(self.tr("Unanswered questions"))
        self.carry_label = label("")
        self.carry_button = button(self.tr("Move them"), self.tr("Move questions to next visit"))
        self.carry_button.setProperty("primary", True)
        self.carry_later_button = button(
            self.tr("Not now"), self.tr("Keep questions where they are")
        )
        row = QHBoxLayout(self.carry_frame)
        row.addWidget(self.carry_label, 1)
        row.addWidget(self.carry_later_button)
        row.addWidget(self.carry_button)
        self.carry_button.clicked.connect(self._carry_over)
        self.carry_later_button.clicked.connect(self._carry_over_later)
        self.carry_frame.hide()
        return self.carry_frame

    def _build_lists(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.new_button = button(self.tr("&New visit…"), self.tr("New visit"), primary=True)
        self.upcoming_list = self._visit_list(self.tr("Upcoming visits"))
        self.past_list = self._visit_list(self.tr("Past visits"))
        self.ics_button = button(
            self.tr("Add to calendar…"), self.tr("Save upcoming visits as a calendar file")
        )
        column.addWidget(self.new_button)
        column.addWidget(label(self.tr("Upcoming"), "subtitle"))
        column.addWidget(self.upcoming_list, 3)
        column.addWidget(label(self.tr("Past"), "subtitle"))
        column.addWidget(self.past_list, 2)
        column.addWidget(self.ics_button)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.ics_button.clicked.connect(self.export_calendar)
        return box

    def _visit_list(self, name: str) -> VisitList:
        widget = VisitList()
        widget.setAccessibleName(name)
        widget.setWordWrap(True)
        widget.setSpacing(2)
        widget.currentItemChanged.connect(
            lambda current, _previous, w=widget: self._list_choice(w, current)
        )
        return widget

    def _build_detail(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(theme.em(self, 0.5), 0, 0, 0)
        self.visit_title = label("", "subtitle", data=True)
        self.visit_details = label("")
        self.edit_button = button(self.tr("Change…"), self.tr("Change this visit"))
        self.delete_button = button(self.tr("Delete…"), self.tr("Delete this visit"))
        top = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(self.visit_title)
        text.addWidget(self.visit_details)
        top.addLayout(text, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)

        self.questions = QuestionPanel(self.services.visits, self._undo)
        self.bank = BankBrowser(self.services.question_bank)
        self.suggestions = SuggestionPanel()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Questions, bank and suggestions"))
        column.addWidget(self.tabs, 1)  # the tabs themselves: _add_tabs(), once in place

        self.print_sheet_button = button(
            self.tr("Print questions…"), self.tr("Print the question sheet")
        )
        self.save_sheet_button = button(
            self.tr("Questions as PDF…"), self.tr("Save the question sheet as PDF")
        )
        self.print_brief_button = button(
            self.tr("Print brief…"), self.tr("Print the visit brief for the doctor")
        )
        self.save_brief_button = button(
            self.tr("Brief as PDF…"), self.tr("Save the visit brief as PDF")
        )
        printing = QGridLayout()  # the sheet's two buttons, then the brief's
        printing.addWidget(self.print_sheet_button, 0, 0)
        printing.addWidget(self.save_sheet_button, 0, 1)
        printing.addWidget(self.print_brief_button, 1, 0)
        printing.addWidget(self.save_brief_button, 1, 1)
        printing.setColumnStretch(2, 1)
        column.addLayout(printing)

        self.edit_button.clicked.connect(lambda: self.open_editor(self._visit))
        self.delete_button.clicked.connect(self.delete_visit)
        self.questions.changed.connect(self._questions_changed)
        self.bank.add_requested.connect(self._add_from_bank)
        self.suggestions.accept_requested.connect(self._accept_suggestion)
        self.suggestions.dismiss_requested.connect(self._dismiss_suggestion)
        self.print_sheet_button.clicked.connect(self.print_page)
        self.save_sheet_button.clicked.connect(self.save_sheet_pdf)
        self.print_brief_button.clicked.connect(self.print_brief)
        self.save_brief_button.clicked.connect(self.save_brief_pdf)
        return box

    def _add_tabs(self) -> None:
        self.tabs.addTab(self.questions, self.tr("My questions"))
        self.tabs.addTab(self.bank, self.tr("Question bank"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        now = self.services.clock.wall_now()
        upcoming = self.services.visits.upcoming(now)
        past = self.services.visits.past(now)
        keep = self._visit.id if self._visit else None
        ids = {v.id for v in upcoming} | {v.id for v in past}
        if keep not in ids:
            keep = upcoming[0].id if upcoming else (past[0].id if past else None)
        self._fill(self.upcoming_list, upcoming, keep)
        self._fill(self.past_list, past, keep)
        if keep is None:
            self.show_visit(None)
        self._show_carry_over(now)

    def _fill(self, widget: VisitList, visits: list[VisitInfo], keep: int | None) -> None:
        widget.blockSignals(True)
        widget.set_visits(visits, self._visit_item, keep)
        if not visits:
            empty = QListWidgetItem(self.tr("None"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(empty)
        widget.blockSignals(False)
        row = widget.show_visit_row(keep) if keep is not None else -1
        if row >= 0:
            already = widget.currentRow() == row
            widget.setCurrentRow(row)  # shows the visit through currentItemChanged
            if already:  # no signal: show it here (once either way)
                self.show_visit(widget.item(row).data(VISIT_ROLE))

    @staticmethod
    def _visit_item(visit: VisitInfo) -> QListWidgetItem:
        count = count_text(visit.question_count, "{n} question", "{n} questions")
        text = f"{format_visit_time(visit.starts_at)}\n{visit.who()} · {count}"
        item = QListWidgetItem(text)
        item.setData(VISIT_ROLE, visit)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
        return item

    def _list_choice(self, widget: QListWidget, item: QListWidgetItem | None) -> None:
        visit = item.data(VISIT_ROLE) if item is not None else None
        if visit is None:
            return
        other = self.past_list if widget is self.upcoming_list else self.upcoming_list
        other.blockSignals(True)
        other.clearSelection()
        other.setCurrentRow(-1)
        other.blockSignals(False)
        self.show_visit(visit)

    def select_visit(self, visit_id: int) -> None:
        for widget in (self.upcoming_list, self.past_list):
            row = widget.show_visit_row(visit_id)
            if row >= 0:
                widget.setCurrentRow(row)
                return

    def show_visit(self, visit: VisitInfo | None) -> None:
        self._visit = visit
        has_visit = visit is not None
        for widget in (
            self.edit_button,
            self.delete_button,
            self.tabs,
            self.print_sheet_button,
            self.save_sheet_button,
            self.print_brief_button,
            self.save_brief_button,
        ):
            widget.setEnabled(has_visit)
        if visit is None:
            self.visit_title.setText(self.tr("No visits yet"))
            self.visit_details.setText(
                self.tr("Add your next appointment with “New visit”, then gather your questions.")
            )
        else:
            self.visit_title.setText(format_visit_time(visit.starts_at))
            details = [visit.who()]
            if visit.place:
                details.append(visit.place)
            text = " · ".join(details)
            if visit.purpose:
                text += "\n" + self.tr("Purpose: {purpose}").format(purpose=visit.purpose)
            self.visit_details.setText(text)
        for shown in (self.visit_title, self.visit_details):
            shown.setAccessibleName(shown.text())
        self.questions.show_visit(visit.id if visit else None)
        self.show_suggestions()
        self._tab_changed(self.tabs.currentIndex())

    def current_visit(self) -> VisitInfo | None:
        return self._visit

    def _is_upcoming(self) -> bool:
        return self._visit is not None and self._visit.day >= self.services.clock.today()

    def show_suggestions(self) -> None:
        found: list[Suggestion] = []
        if self._visit is not None and self._is_upcoming():
            found = self.services.visit_suggestions.suggestions(self._visit.id)
        self.suggestions.show_suggestions(found)
        if self._visit is not None and not self._is_upcoming():
            self.suggestions.set_empty_text(self.tr("Suggestions are made for upcoming visits."))
        else:
            self.suggestions.set_empty_text(self.tr("No new suggestions. You are up to date."))
        self.tabs.setTabText(
            2,
            self.tr("Suggestions ({count})").format(count=len(found))
            if found
            else self.tr("Suggestions"),
        )

    def _questions_changed(self) -> None:
        items = self.questions.model.items()
        self.tabs.setTabText(
            0,
            self.tr("My questions ({count})").format(count=len(items))
            if items
            else self.tr("My questions"),
        )
        self.bank.set_on_list({q.bank_id for q in items if q.bank_id})
        self._update_list_counts()

    def _update_list_counts(self) -> None:
        if self._visit is None:
            return
        try:
            fresh = self.services.visits.get(self._visit.id)
        except CompanionError:
            return
        for widget in (self.upcoming_list, self.past_list):
            for row in range(widget.count()):
                item = widget.item(row)
                visit = item.data(VISIT_ROLE)
                if visit is not None and visit.id == fresh.id:
                    count = count_text(fresh.question_count, "{n} question", "{n} questions")
                    text = f"{format_visit_time(fresh.starts_at)}\n{fresh.who()} · {count}"
                    item.setText(text)
                    item.setData(VISIT_ROLE, fresh)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.bank:
            self.bank.load()
            self.bank.set_on_list({q.bank_id for q in self.questions.model.items() if q.bank_id})

    # -- carrying questions over ---------------------------------------------------------
    def _show_carry_over(self, now: datetime | None = None) -> None:
        self._offer = self.services.visits.carry_over_offer(now)
        if self._offer is None:
            self.carry_frame.hide()
            return
        offer = self._offer
        self.carry_label.setText(
            self.tr(
                "{count} from the visit on {day} with {who} not answered yet. "
                "Move to your next visit on {next_day}?"
            ).format(
                count=count_text(len(offer.questions), "1 question", "{n} questions"),
                day=format_day(offer.from_visit.day),
                who=offer.from_visit.who(),
                next_day=format_day(offer.to_visit.day),
            )
        )
        self.carry_label.setAccessibleName(self.carry_label.text())
        self.carry_frame.show()

    def _carry_over(self) -> None:
        if self._offer is None:
            return
        moved = self.services.visits.carry_over(self._offer.from_visit.id, self._offer.to_visit.id)
        target = self._offer.to_visit.id
        self.message.setText(
            count_text(
                moved,
                "1 question moved to your next visit.",
                "{n} questions moved to your next visit.",
            )
        )
        self.refresh()
        self.select_visit(target)

    def _carry_over_later(self) -> None:
        if self._offer is None:
            return
        self.services.visits.decline_carry_over(self._offer.from_visit.id)
        self.message.setText(self.tr("The questions stay with that visit."))
        self._show_carry_over()

    # -- visits --------------------------------------------------------------------------
    def open_editor(self, visit: VisitInfo | None) -> VisitEditor:
        self.editor = VisitEditor(self.services.visits, visit, self)
        self.editor.saved.connect(self._visit_saved)
        self.editor.open()
        return self.editor

    def _visit_saved(self, visit: VisitInfo) -> None:
        self._visit = visit
        self.message.setText(self.tr("Visit saved."))
        self.refresh()
        self.select_visit(visit.id)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_visit(self) -> None:
        visit = self._visit
        if visit is None:
            return
        text = self.tr("Delete the visit on {when}?").format(
            when=format_visit_time(visit.starts_at)
        )
        if visit.question_count:
            text += " " + count_text(
                visit.question_count,
                "Its question and answer will be deleted too.",
                "Its {n} questions and answers will be deleted too.",
            )
        if not self.confirm(self.tr("Delete visit"), text):
            return
        self.services.visits.delete(visit.id)
        self._visit = None
        self.message.setText(self.tr("Visit deleted."))
        self.refresh()

    # -- bank and suggestions ------------------------------------------------------------
    def _add_from_bank(self, question: BankQuestion) -> None:
        if self.questions.add_question(question.text, question.topic, question.id):
            self.message.setText(self.tr("Added to your list: {text}").format(text=question.text))

    def _accept_suggestion(self, suggestion: Suggestion) -> None:
        if self._visit is None:
            return
        self.services.visit_suggestions.accept(self._visit.id, suggestion)
        self.questions.reload()
        self.show_suggestions()
        self.message.setText(self.tr("Added to your list: {text}").format(text=suggestion.text))

    def _dismiss_suggestion(self, suggestion: Suggestion) -> None:
        command = DismissSuggestionCommand(self, suggestion)
        if self._undo is not None:
            self._undo.push(command)
            self.message.setText(self.tr("Suggestion dismissed. Undo with Ctrl+Z."))
        else:
            command.redo()

    # -- printing and files --------------------------------------------------------------
    def _patient_name(self) -> str:
        return self.services.profile.get().name

    def build_sheet(self) -> QuestionSheet:
        from companion.reports.question_sheet import question_sheet

        assert self._visit is not None
        return question_sheet(self.services.visits, self._visit.id, self._patient_name())

    def build_brief(self) -> ReportDocument:
        from companion.reports.visit_brief import visit_brief_for

        assert self._visit is not None
        return visit_brief_for(self.services, self._visit.id)

    def print_page(self) -> None:
        """File ▸ Print (Ctrl+P): the question sheet of the chosen visit, in print preview."""
        if self._visit is None:
            self.message.setText(self.tr("Choose or add a visit first."))
            return
        self.questions.save_answer()
        from companion.ui.printing import preview_report  # printing loads when first used

        self.preview = preview_report(self, self.build_sheet)

    def print_brief(self) -> None:
        if self._visit is None:
            return
        self.questions.save_answer()
        from companion.ui.printing import preview_report

        self.preview = preview_report(self, self.build_brief)

    def ask_save_path(self, title: str, file_name: str, file_filter: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(folder) / file_name), file_filter
        )
        return Path(path) if path else None

    def _save(
        self, title: str, file_name: str, file_filter: str, write: Callable[[Path], object]
    ) -> None:
        """write(path) runs on a worker thread (a visit brief with its charts takes most of a
        second on a long log): it must use only services and the values it was given."""
        if self.tasks.busy:
            return
        path = self.ask_save_path(title, file_name, file_filter)
        if path is None:
            return

        def saved(_result: object) -> None:
            self.message.setText(self.tr("Saved {path}").format(path=str(path)))

        def failed(error: BaseException) -> None:
            if not isinstance(error, CompanionError | OSError):
                raise error  # a bug: reported like any error on the GUI thread
            self.message.show_error(str(error))

        self.message.setText("")
        self.tasks.start(
            self.tr("Saving {file}…").format(file=path.name),
            lambda _progress: write(path),
            saved,
            failed,
            cancellable=False,
        )

    def _file_stem(self, kind: str) -> str:
        assert self._visit is not None
        return f"{kind}-{self._visit.day.isoformat()}"

    def save_sheet_pdf(self) -> None:
        if self._visit is None:
            return
        self.questions.save_answer()
        from companion.reports.question_sheet import question_sheet

        visits, visit_id, name = self.services.visits, self._visit.id, self._patient_name()
        self._save(
            self.tr("Save question sheet"),
            self._file_stem("questions") + ".pdf",
            self.tr("PDF files (*.pdf)"),
            lambda path: question_sheet(visits, visit_id, name).write_pdf(path),
        )

    def save_brief_pdf(self) -> None:
        if self._visit is None:
            return
        self.questions.save_answer()
        from companion.reports.pdf import write_pdf
        from companion.reports.visit_brief import visit_brief_for

        services, visit_id = self.services, self._visit.id
        self._save(
            self.tr("Save visit brief"),
            self._file_stem("visit-brief") + ".pdf",
            self.tr("PDF files (*.pdf)"),
            lambda path: write_pdf(visit_brief_for(services, visit_id), path),
        )

    def export_calendar(self) -> None:
        from companion.reports.visits_ics import write_visits_ics

        self._save(
            self.tr("Save calendar file"),
            "visits.ics",
            self.tr("Calendar files (*.ics)"),
            partial(write_visits_ics, self.services),
        )
