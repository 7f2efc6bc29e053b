"""The Visits & questions page as a user works it: mouse and keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fixed_time import NOW
from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox

from companion.library.model import BankQuestion
from companion.services import Services
from companion.ui.pages.visits import VisitsPage
from companion.ui.widgets.next_visit import NextVisitCard
from companion.visits.bank import QuestionBank

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier

BANK = [
    BankQuestion("diag-her2", "diagnosis", "What does my HER2 result mean for me?", ("S05",)),
    BankQuestion("trial-find", "trials", "Is there a clinical trial that fits me?", ("NCI-Q",)),
    BankQuestion("work-time", "work_money", "Can I keep working during treatment?", ("NCI-Q",)),
]


def _open_page(qtbot, services):  # type: ignore[no-untyped-def]
    """The page on its own (faster than the whole window), with its own undo stack."""
    undo = QUndoStack()
    page = VisitsPage(services, undo)
    page.undo_stack = undo
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


@pytest.fixture
def page(qtbot, services):  # type: ignore[no-untyped-def]
    return _open_page(qtbot, services)


@pytest.fixture
def demo_page(qtbot, demo_dir):  # type: ignore[no-untyped-def]
    opened = Services.open(demo_dir)
    built = _open_page(qtbot, opened)
    yield built
    built.close()
    opened.close()


def _with_visit(page, questions=()):  # type: ignore[no-untyped-def]
    visits = page.services.visits
    visit = visits.add(NOW + timedelta(days=3), "nurse")
    for text in questions:
        visits.add_question(visit.id, text)
    page.refresh()
    page.select_visit(visit.id)
    return visit


def _stored(page, visit_id):  # type: ignore[no-untyped-def]
    return page.services.visits.questions(visit_id)


def test_add_a_visit_with_the_editor(page, qtbot) -> None:
    assert page.visit_title.text() == "No visits yet"
    qtbot.mouseClick(page.new_button, LEFT)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    day = QDate.currentDate().addDays(7)
    editor.when_edit.setDateTime(QDateTime(day, QTime(14, 30)))
    editor.whom_combo.setFocus()
    editor.whom_combo.setCurrentIndex(editor.whom_combo.findData("oncologist"))
    qtbot.keyClicks(editor.clinician_edit, "Dr. Okafor")
    qtbot.keyClicks(editor.place_edit, "Clinic B")
    qtbot.keyClicks(editor.purpose_edit, "Scan results")
    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.isVisible()

    [visit] = page.services.visits.all()
    assert (visit.with_whom, visit.clinician, visit.place, visit.purpose) == (
        "oncologist",
        "Dr. Okafor",
        "Clinic B",
        "Scan results",
    )
    assert (visit.starts_at.hour, visit.starts_at.minute) == (14, 30)
    assert "Oncologist (Dr. Okafor)" in page.upcoming_list.item(0).text()
    assert page.visit_details.text().startswith("Oncologist (Dr. Okafor) · Clinic B")


def test_a_bad_date_is_refused_and_changes_nothing(page, qtbot) -> None:
    qtbot.mouseClick(page.new_button, LEFT)
    page.editor.when_edit.setDateTime(QDateTime(QDate(1850, 1, 1), QTime(9, 0)))
    qtbot.mouseClick(page.editor.save_button, LEFT)
    assert page.editor.isVisible()
    assert "between" in page.editor.message.text()
    assert page.services.visits.all() == []
    qtbot.mouseClick(page.editor.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)


def test_change_and_delete_a_visit(page, qtbot, monkeypatch) -> None:
    visit = _with_visit(page, ["Question one?"])
    qtbot.mouseClick(page.edit_button, LEFT)
    page.editor.place_edit.clear()
    qtbot.keyClicks(page.editor.place_edit, "Infusion suite")
    qtbot.mouseClick(page.editor.save_button, LEFT)
    assert page.services.visits.get(visit.id).place == "Infusion suite"

    asked: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda _title, text: asked.append(text) or True)
    qtbot.mouseClick(page.delete_button, LEFT)
    assert "question and answer will be deleted" in asked[0]
    assert page.services.visits.all() == []
    assert page.visit_title.text() == "No visits yet"


def test_own_question_is_added_by_typing(page, qtbot) -> None:
    visit = _with_visit(page)
    qtbot.keyClicks(page.questions.own_edit, "Can I travel in March?")
    qtbot.keyClick(page.questions.own_edit, Qt.Key.Key_Return)
    assert [q.text for q in _stored(page, visit.id)] == ["Can I travel in March?"]
    assert page.questions.own_edit.text() == ""
    qtbot.keyClicks(page.questions.own_edit, "   ")
    qtbot.mouseClick(page.questions.add_button, LEFT)
    assert page.questions.message.text() == "Please write the question first."
    assert len(_stored(page, visit.id)) == 1
    assert page.tabs.tabText(0) == "My questions (1)"


def test_pick_questions_from_the_bank(page, qtbot) -> None:
    visit = _with_visit(page)
    page.bank._bank = QuestionBank(lambda: BANK)
    page.tabs.setCurrentWidget(page.bank)
    assert page.bank.tree.topLevelItemCount() == 3
    qtbot.keyClicks(page.bank.filter_edit, "trial")
    assert page.bank.current_question().id == "trial-find"
    qtbot.mouseClick(page.bank.add_button, LEFT)
    stored = _stored(page, visit.id)
    assert [(q.text, q.bank_id, q.topic) for q in stored] == [
        ("Is there a clinical trial that fits me?", "trial-find", "trials")
    ]
    assert not page.bank.add_button.isEnabled()  # already on the list
    assert page.bank.tree.currentItem().text(0).startswith("✓")

    page.bank.filter_edit.clear()
    qtbot.keyClicks(page.bank.filter_edit, "working")
    page.bank.tree.setFocus()
    qtbot.keyClick(page.bank.tree, Qt.Key.Key_Return)
    assert [q.bank_id for q in _stored(page, visit.id)] == ["trial-find", "work-time"]


def test_reorder_by_keyboard(page, qtbot) -> None:
    visit = _with_visit(page, ["First?", "Second?", "Third?"])
    view = page.questions.view
    view.setFocus()
    page.questions.select(_stored(page, visit.id)[0].id)
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(view, Qt.Key.Key_Down, ALT)
    assert [q.text for q in _stored(page, visit.id)] == ["Second?", "Third?", "First?"]
    assert view.currentIndex().row() == 2  # the moved question stays selected
    qtbot.keyClick(view, Qt.Key.Key_Up, ALT)
    assert [q.text for q in _stored(page, visit.id)] == ["Second?", "First?", "Third?"]
    qtbot.mouseClick(page.questions.up_button, LEFT)
    assert [q.text for q in _stored(page, visit.id)] == ["First?", "Second?", "Third?"]
    assert page.questions.model.data(page.questions.model.index(0)).startswith("1.  First?")


def test_reorder_by_drag_and_drop_through_the_model(page, qtbot, qtmodeltester) -> None:
    visit = _with_visit(page, ["First?", "Second?", "Third?"])
    model = page.questions.model
    qtmodeltester.check(model)
    data = model.mimeData([model.index(0)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # to the end
    assert [q.text for q in _stored(page, visit.id)] == ["Second?", "Third?", "First?"]
    data = model.mimeData([model.index(2)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0))  # onto row 0
    assert [q.text for q in _stored(page, visit.id)] == ["First?", "Second?", "Third?"]
    assert [model.item(r).text for r in range(3)] == ["First?", "Second?", "Third?"]
    qtmodeltester.check(model)


def test_mark_asked_and_answer_as_typed(page, qtbot) -> None:
    visit = _with_visit(page, ["Is the nausea treatable?", "Can I travel?"])
    panel = page.questions
    panel.select(_stored(page, visit.id)[0].id)
    qtbot.mouseClick(panel.asked_box, LEFT)
    assert _stored(page, visit.id)[0].asked
    assert panel.model.data(panel.model.index(0), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    qtbot.keyClicks(panel.answer_edit, "Tablet before meals")
    qtbot.waitUntil(lambda: _stored(page, visit.id)[0].answer == "Tablet before meals")
    assert "Answer: Tablet before meals" in panel.model.data(panel.model.index(0))
    # Typing then moving straight to another question keeps what was typed.
    qtbot.keyClicks(panel.answer_edit, ", for 3 days")
    panel.select(_stored(page, visit.id)[1].id)
    assert _stored(page, visit.id)[0].answer == "Tablet before meals, for 3 days"
    assert panel.answer_edit.toPlainText() == ""


def test_remove_with_delete_key_and_undo(page, qtbot) -> None:
    visit = _with_visit(page, ["A?", "B?", "C?"])
    view = page.questions.view
    page.questions.select(_stored(page, visit.id)[1].id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [q.text for q in _stored(page, visit.id)] == ["A?", "C?"]
    page.undo_stack.undo()
    assert [q.text for q in _stored(page, visit.id)] == ["A?", "B?", "C?"]


def test_edit_a_question(page, qtbot) -> None:
    visit = _with_visit(page, ["Old wording?"])
    view = page.questions.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    dialog = page.questions.edit_dialog
    assert dialog.isVisible() and dialog.textValue() == "Old wording?"
    dialog.setTextValue("")
    line = dialog.findChild(type(page.questions.own_edit))
    qtbot.keyClicks(line, "New wording?")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [q.text for q in _stored(page, visit.id)] == ["New wording?"]


def test_carry_unanswered_questions_over(demo_page, qtbot) -> None:
    page = demo_page
    assert page.carry_frame.isVisible()
    assert "1 question" in page.carry_label.text()
    offer = page.services.visits.carry_over_offer()
    qtbot.mouseClick(page.carry_button, LEFT)
    assert not page.carry_frame.isVisible()
    moved = [q.text for q in _stored(demo_page, offer.to_visit.id)]
    assert moved[-1] == "Can I have the flu vaccine while on this treatment?"
    assert page.current_visit().id == offer.to_visit.id
    assert all(not q.unanswered for q in _stored(demo_page, offer.from_visit.id))


def test_not_now_keeps_questions_and_is_remembered(demo_page, qtbot) -> None:
    page = demo_page
    offer = page.services.visits.carry_over_offer()
    qtbot.mouseClick(page.carry_later_button, LEFT)
    assert not page.carry_frame.isVisible()
    page.refresh()
    assert not page.carry_frame.isVisible()
    assert len(_stored(demo_page, offer.from_visit.id)) == 4


def test_suggestions_accept_dismiss_and_undo(demo_page, qtbot) -> None:
    page = demo_page
    page.tabs.setCurrentWidget(page.suggestions)
    cards = page.suggestions.cards
    assert cards, "the demo has severe symptoms since the last visit"
    first, second = cards[0].suggestion, cards[1].suggestion
    visit_id = page.current_visit().id
    qtbot.mouseClick(cards[0].accept_button, LEFT)
    assert _stored(demo_page, visit_id)[-1].text == first.text
    assert first.key not in {c.suggestion.key for c in page.suggestions.cards}
    qtbot.mouseClick(page.suggestions.cards[0].dismiss_button, LEFT)
    assert second.key not in {c.suggestion.key for c in page.suggestions.cards}
    demo_page.undo_stack.undo()
    assert second.key in {c.suggestion.key for c in page.suggestions.cards}


def test_ctrl_p_opens_the_question_sheet_preview(demo_window, qtbot) -> None:
    demo_window.show_page("visits")
    page = demo_window.page("visits")
    qtbot.keyClick(demo_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = page.preview
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    qtbot.mouseClick(page.print_brief_button, LEFT)
    assert page.preview is not dialog and page.preview.isVisible()
    page.preview.close()


@pytest.mark.parametrize("which", ["sheet", "brief"])
def test_save_as_pdf_from_the_page(demo_page, qtbot, tmp_path, monkeypatch, which) -> None:
    from pypdf import PdfReader

    page = demo_page
    target = tmp_path / f"{which}.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: target)
    qtbot.mouseClick(page.save_sheet_button if which == "sheet" else page.save_brief_button, LEFT)
    qtbot.waitUntil(lambda: str(target) in page.message.text(), timeout=30_000)  # a worker
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Maria Example" in text
    assert "What did the latest CT scan show?" in text
    assert str(target) in page.message.text()


def test_the_brief_is_written_off_the_gui_thread(demo_page, qtbot, tmp_path, monkeypatch) -> None:
    import threading

    import companion.reports.pdf as pdf

    page = demo_page
    target = tmp_path / "brief.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: target)
    threads: list[str] = []
    real = pdf.write_pdf

    def write_pdf(report, path):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(report, path)

    monkeypatch.setattr(pdf, "write_pdf", write_pdf)
    qtbot.mouseClick(page.save_brief_button, LEFT)
    assert page.tasks.isVisible() and "brief" in page.tasks.label.text()
    qtbot.waitUntil(lambda: str(target) in page.message.text(), timeout=30_000)
    assert threads and threads[0] != threading.main_thread().name
    assert target.read_bytes().startswith(b"%PDF") and page.tasks.isHidden()


def test_a_save_that_fails_says_why_and_changes_nothing(
    demo_page, qtbot, tmp_path, monkeypatch
) -> None:
    page = demo_page
    target = tmp_path / "no such folder" / "brief.pdf"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: target)
    qtbot.mouseClick(page.save_brief_button, LEFT)
    qtbot.waitUntil(lambda: page.message.property("error") is True, timeout=30_000)
    assert "brief.pdf" in page.message.text() and not target.exists()


def test_calendar_export_from_the_page(demo_page, qtbot, tmp_path, monkeypatch) -> None:
    from icalendar import Calendar

    page = demo_page
    target = tmp_path / "visits.ics"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: target)
    qtbot.mouseClick(page.ics_button, LEFT)
    qtbot.waitUntil(lambda: str(target) in page.message.text(), timeout=30_000)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert len(events) == len(demo_page.services.visits.upcoming())


def test_next_visit_card_on_today(demo_window, services, qtbot) -> None:
    demo_window.show_page("today")
    card = demo_window.page("today").next_visit
    assert "in 5 days" in card.when_label.text()
    assert "Oncologist (Dr. Okafor)" in card.details_label.text()
    assert "3 questions ready" in card.details_label.text()
    qtbot.mouseClick(card.open_button, LEFT)
    assert demo_window.current_page().page_id == "visits"

    empty = NextVisitCard(services.visits)
    qtbot.addWidget(empty)
    empty.show()
    assert empty.when_label.text() == "No visit planned."
    assert empty.open_button.text() == "Add a visit"


def test_a_refresh_shows_the_chosen_visit_once(page, monkeypatch) -> None:
    """Filling the lists reads the shown visit's questions once, not once per signal."""
    soon = _with_visit(page, ["Will the rash fade?"])
    shown: list[int | None] = []
    panel_show = page.questions.show_visit

    def counted(visit_id: int | None) -> None:
        shown.append(visit_id)
        panel_show(visit_id)

    monkeypatch.setattr(page.questions, "show_visit", counted)
    page.refresh()
    assert shown == [soon.id]
    assert page.current_visit().id == soon.id
    assert page.upcoming_list.currentItem().data(Qt.ItemDataRole.UserRole + 1).id == soon.id
    assert [page.questions.model.item(0).text] == ["Will the rash fade?"]


def _past_rows(page) -> list[int]:  # type: ignore[no-untyped-def]
    widget = page.past_list
    return [widget.item(r).data(Qt.ItemDataRole.UserRole + 1).id for r in range(widget.count())]


def test_years_of_past_visits_come_in_as_the_list_is_scrolled(page, qtbot) -> None:
    visits = page.services.visits
    for month in range(1, 101):
        visits.add(NOW - timedelta(days=30 * month), "oncologist")
    page.refresh()
    newest_first = [v.id for v in visits.past(NOW)]
    batch = page.past_list.ROWS_AT_ONCE
    assert _past_rows(page) == newest_first[:batch]  # the newest, in the same order

    bar = page.past_list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the end comes into view: the next ones are added
    assert _past_rows(page) == newest_first[: 2 * batch]

    page.past_list.setFocus()
    page.past_list.setCurrentRow(page.past_list.count() - 1)
    qtbot.keyClick(page.past_list, Qt.Key.Key_Down)  # the keyboard goes on past the end
    assert _past_rows(page) == newest_first
    assert page.current_visit().id == newest_first[2 * batch]


def test_an_old_visit_chosen_stays_chosen_after_a_refresh(page) -> None:
    visits = page.services.visits
    for month in range(1, 61):
        visits.add(NOW - timedelta(days=30 * month), "oncologist")
    page.refresh()
    oldest = visits.past(NOW)[-1]
    page.select_visit(oldest.id)  # further down than the rows shown at first
    assert page.current_visit().id == oldest.id
    page.refresh()
    assert page.current_visit().id == oldest.id
    assert page.past_list.currentItem().data(Qt.ItemDataRole.UserRole + 1).id == oldest.id


def test_bank_and_suggestions_are_made_when_their_tab_is_opened(page) -> None:
    from PySide6.QtWidgets import QLabel, QTreeWidget

    visits = page.services.visits
    old = visits.add(NOW - timedelta(days=20), "oncologist")
    page.refresh()
    page.select_visit(old.id)
    # Shown visits told both tabs what to show, but neither made its widgets yet.
    assert page.bank.findChildren(QTreeWidget) == []
    assert page.suggestions.findChildren(QLabel) == []

    page.tabs.setCurrentWidget(page.suggestions)
    assert page.suggestions.empty_label.isVisible()
    assert page.suggestions.empty_label.text() == "Suggestions are made for upcoming visits."
    assert page.suggestions.cards == []

    page.bank._bank = QuestionBank(lambda: BANK)
    page.tabs.setCurrentWidget(page.bank)
    assert page.bank.tree.isVisible() and page.bank.tree.topLevelItemCount() == 3
