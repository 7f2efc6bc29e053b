"""F1 opens a short guide to the page in front of the patient."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from companion.ui.help import guides


def test_f1_shows_the_guide_of_each_page(window, qtbot) -> None:
    assert set(guides()) == {page.page_id for page in window.pages}
    for page in window.pages:
        window.show_page(page.page_id)
        window.activateWindow()
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
        dialog = window.help_dialog
        assert dialog.isVisible()
        title, steps = guides()[page.page_id]
        assert title in dialog.windowTitle()
        assert steps[0][:30] in dialog.text.toPlainText()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
