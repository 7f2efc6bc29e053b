"""Largest text on a 1366×768 screen: the sidebar, buttons and labels grow with the text and
nothing is cut or pushed out of sight sideways (pages scroll up and down, never sideways)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from companion.ui import theme


@pytest.fixture
def largest(demo_window, qtbot):  # type: ignore[no-untyped-def]
    window = demo_window
    window.show_page("settings")
    combo = window.page("settings").text_size_combo
    combo.setCurrentIndex(combo.findData("largest"))
    window.resize(1366, 768 - 60)  # what a 1366×768 screen leaves for a window
    qtbot.wait(20)
    yield window
    theme.apply_theme(QApplication.instance(), 1.0)


def _outside(widget: QWidget, area: QRect, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return rect.left() < area.left() - 1 or rect.right() > area.right() + 1


def test_the_sidebar_shows_every_page_name_whole(largest) -> None:
    sidebar = largest.sidebar
    metrics = sidebar.fontMetrics()
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        assert metrics.horizontalAdvance(item.text()) < sidebar.visualItemRect(item).width()
    assert not sidebar.horizontalScrollBar().isVisible()


def test_no_control_leaves_its_page_sideways_and_no_label_is_cut(largest, qtbot) -> None:
    window = largest
    problems = []
    for page in window.pages:
        window.show_page(page.page_id)
        qtbot.wait(10)
        if os.environ.get("COMPANION_SCREENSHOTS"):
            folder = Path(os.environ["COMPANION_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(folder / f"largest-{page.page_id}.png"))
        scroller = window.stack.currentWidget()
        assert isinstance(scroller, QScrollArea)
        viewport = scroller.viewport()
        area = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
        if scroller.horizontalScrollBar().isVisible():
            problems.append(f"{page.page_id}: scrolls sideways")
        kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QLabel)
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, kinds) or not widget.isVisibleTo(page):
                continue
            if _outside(widget, area, window):
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                problems.append(f"{page.page_id}: {type(widget).__name__} {name!r} off-screen")
            if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
                if widget.textFormat() == Qt.TextFormat.RichText:
                    continue
                needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
                if needed > widget.contentsRect().width() + 1:
                    problems.append(f"{page.page_id}: label {widget.text()!r} cut")
    assert not problems, "\n".join(problems)


def test_the_symptom_log_columns_grow_with_the_text(largest) -> None:
    largest.show_page("symptoms")
    table = largest.page("symptoms").table
    model = table.model()
    metrics = table.fontMetrics()
    text = model.index(0, 0).data()
    assert metrics.horizontalAdvance(text) < table.columnWidth(0)


def test_the_timeline_fits_the_window_and_its_last_row_is_whole(largest, qtbot) -> None:
    largest.show_page("treatments")
    page = largest.page("treatments")
    page.show_tab("timeline")
    qtbot.wait(50)
    scroller = largest.stack.currentWidget()
    assert isinstance(scroller, QScrollArea)
    # The page does not reach below the window (the Scans tab is far taller when stacked).
    assert not scroller.verticalScrollBar().isVisible()
    tree = page.timeline_tab.tree
    tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum())
    qtbot.wait(50)
    items = page.timeline_tab.event_items()
    last = tree.visualItemRect(items[-1])
    assert last.bottom() <= tree.viewport().height()
    assert QRect(tree.mapTo(largest, QPoint(0, 0)), tree.size()).bottom() <= (
        scroller.viewport().mapTo(largest, QPoint(0, 0)).y() + scroller.viewport().height()
    )
    # Every event's words are shown whole, wrapped in their column, never cut with "…".
    metrics = tree.fontMetrics()
    width = tree.columnWidth(1)
    for item in items:
        rect = tree.visualItemRect(item)
        if not rect.isValid():
            continue  # scrolled out of view
        lines = sum(
            math.ceil(metrics.horizontalAdvance(line) / width) for line in item.text(1).split("\n")
        )
        assert rect.height() >= lines * metrics.height(), item.text(1)


def test_charts_and_fixed_height_fields_grow_with_the_text(largest, qtbot) -> None:
    largest.show_page("treatments")
    page = largest.page("treatments")
    page.show_tab("scans")
    qtbot.wait(50)
    for chart in (page.scans_tab.lvef_chart, page.scans_tab.marker_chart):
        assert chart.height() >= theme.em(chart, 12)
        font = chart.chart().axes()[0].labelsFont()
        assert font.pointSizeF() == QApplication.font().pointSizeF()
        legend = chart.chart().legend().geometry()
        assert legend.bottom() <= chart.height()
    largest.show_page("today")
    fixed = [
        edit
        for edit in largest.page("today").findChildren(QPlainTextEdit)
        if edit.isVisibleTo(largest) and edit.minimumHeight() == edit.maximumHeight()
    ]
    assert fixed  # the check-in's note
    for edit in fixed:  # fixed heights are in lines of the text at its current size
        assert edit.height() >= edit.fontMetrics().height() * 4


def _dialog_problems(dialog: QWidget) -> list[str]:
    """A control outside its dialog, a dialog larger than the screen, or a label or button
    whose text is cut, sideways or from below."""
    title = dialog.windowTitle()
    problems = []
    if dialog.width() > 1366 or dialog.height() > 708:
        problems.append(f"{title}: {dialog.width()}×{dialog.height()} is larger than the screen")
    inside = dialog.rect().adjusted(-1, -1, 1, 1)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QLabel, QPlainTextEdit)
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(dialog):
            continue
        scroller = widget.parentWidget()
        while scroller is not None and scroller is not dialog:
            if isinstance(scroller, QScrollArea):
                break  # scrolled into view when needed
            scroller = scroller.parentWidget()
        if isinstance(scroller, QScrollArea):
            continue
        rect = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        if not inside.contains(rect):
            problems.append(f"{title}: {type(widget).__name__} {name!r} outside the dialog")
        metrics = widget.fontMetrics()
        text = getattr(widget, "text", lambda: "")()
        if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and text:
            if widget.contentsRect().height() + 1 < metrics.height():
                problems.append(f"{title}: {name!r} cut from below")
            wraps = isinstance(widget, QLabel) and widget.wordWrap()
            needed = metrics.horizontalAdvance(text.replace("&", ""))
            if not wraps and "\n" not in text and needed > widget.contentsRect().width() + 1:
                problems.append(f"{title}: {name!r} cut sideways")
        if isinstance(widget, (QLineEdit, QComboBox)) and widget.height() < metrics.height():
            problems.append(f"{title}: field {name!r} shorter than its text")
        fixed = widget.minimumHeight() == widget.maximumHeight()
        if isinstance(widget, QPlainTextEdit) and fixed and widget.height() < 3 * metrics.height():
            problems.append(f"{title}: note {name!r} shows fewer than 3 lines")
    return problems


def test_dialogs_fit_and_cut_no_text_at_largest(largest, qtbot) -> None:
    from companion.ui.about import AboutDialog
    from companion.ui.welcome import WelcomeDialog

    window = largest
    problems: list[str] = []

    def check(dialog: QWidget) -> None:
        qtbot.waitUntil(dialog.isVisible)
        qtbot.wait(20)
        if os.environ.get("COMPANION_SCREENSHOTS"):
            folder = Path(os.environ["COMPANION_SCREENSHOTS"])
            folder.mkdir(parents=True, exist_ok=True)
            name = "".join(c for c in dialog.windowTitle() if c.isalnum())
            dialog.grab().save(str(folder / f"largest-dialog-{name}.png"))
        problems.extend(_dialog_problems(dialog))
        dialog.close()

    window.show_page("treatments")
    page = window.page("treatments")
    page.show_tab("lines")
    page.lines_tab.add_button.click()
    check(page.lines_tab.dialog)
    for tab_id, section in (
        ("scans", page.scans_tab.section),
        ("biopsies", page.biopsies_tab.section),
        ("sites", page.sites_tab.section),
    ):
        page.show_tab(tab_id)
        section.add_button.click()
        check(section.dialog)
    page.show_tab("scans")
    chart = page.scans_tab.lvef_chart
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_T)
    check(chart.table_dialog)
    window.show_page("visits")
    check(window.page("visits").open_editor(None))
    window.show_help()
    check(window.help_dialog)
    about = AboutDialog(window.services.library, window)
    about.show()
    check(about)
    welcome = WelcomeDialog(window.services.profile)
    qtbot.addWidget(welcome)
    welcome.show()
    check(welcome)
    assert not problems, "\n".join(problems)
