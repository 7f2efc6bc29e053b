from __future__ import annotations

from PySide6.QtCore import Qt

PAGES = ["today", "symptoms", "treatments", "visits", "library", "settings"]


def test_sidebar_lists_every_page_in_order(window) -> None:
    ids = [
        window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.sidebar.count())
    ]
    assert ids == PAGES


def test_clicking_each_page_shows_it(window, qtbot) -> None:
    for row, page_id in enumerate(PAGES):
        rect = window.sidebar.visualItemRect(window.sidebar.item(row))
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().page_id == page_id
        assert window.current_page().isVisible()
