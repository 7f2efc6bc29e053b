"""RefreshWhenShown: a hidden widget catches up once when shown, a visible one at once."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from companion.ui.widgets.when_shown import RefreshWhenShown


def two_pages(qtbot) -> tuple[QStackedWidget, QWidget, QWidget]:  # type: ignore[no-untyped-def]
    """A shown stack of two pages, the first on top."""
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    first, second = QWidget(), QWidget()
    stack.addWidget(first)
    stack.addWidget(second)
    stack.show()
    qtbot.waitExposed(stack)
    return stack, first, second


def test_a_hidden_page_refreshes_once_when_shown_and_a_visible_one_at_once(qtbot) -> None:
    stack, shown, hidden = two_pages(qtbot)
    calls: list[str] = []
    on_shown = RefreshWhenShown(shown, lambda: calls.append("shown"))
    on_hidden = RefreshWhenShown(hidden, lambda: calls.append("hidden"))
    on_shown.request()
    on_hidden.request()
    on_hidden.request()
    assert calls == ["shown"] and on_hidden.stale()
    stack.setCurrentWidget(hidden)
    qtbot.waitUntil(lambda: not on_hidden.stale())
    assert calls == ["shown", "hidden"]


def test_a_page_that_read_itself_on_showing_is_not_read_again(qtbot) -> None:
    stack, _first, second = two_pages(qtbot)
    calls: list[str] = []
    catch_up = RefreshWhenShown(second, lambda: calls.append("read"))
    catch_up.request()
    stack.setCurrentWidget(second)
    catch_up.fresh()  # the page's own refresh on being shown
    qtbot.wait(20)
    assert calls == []


def test_a_widget_in_a_window_not_shown_refreshes_at_once(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    RefreshWhenShown(widget, lambda: calls.append("read")).request()
    assert calls == ["read"]


def test_a_burst_of_changes_refreshes_a_shown_page_once_after_them(qtbot) -> None:
    _stack, shown, _second = two_pages(qtbot)
    calls: list[str] = []
    catch_up = RefreshWhenShown(shown, lambda: calls.append("read"), coalesce=True)
    for _ in range(3):
        catch_up.request()
    assert calls == []  # not inside the event that made the changes
    qtbot.waitUntil(lambda: calls == ["read"])
    qtbot.wait(20)
    assert calls == ["read"]
