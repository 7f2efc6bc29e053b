"""Refresh a widget when it can be seen: at once if it is on screen, else once it is shown.

A change made on one page (deleting a row of the Symptoms log, undoing it) used to re-read
every page that follows the log, hidden or not: the Today page's check-in alone took
100-170 ms at 100,000 answers for a form nobody was looking at. A hidden widget now only
notes that it is out of date and catches up when it is next shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    """Runs refresh() now when the widget is visible (or its window is not shown at all, as
    in a test or before start-up), otherwise when the widget is next shown.

    The widget calls fresh() whenever it has read everything again by other means (e.g. its
    page's own refresh on being shown), so a catch-up still pending does nothing.

    coalesce: a visible widget refreshes once the event that changed the log is over, once
    for a burst of changes, rather than inside that event (the save of an answer then does
    not also wait for the weekly card to read its week again)."""

    def __init__(
        self, widget: QWidget, refresh: Callable[[], None], coalesce: bool = False
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._stale = False
        self._coalesce = coalesce
        self._queued = False
        widget.installEventFilter(self)

    def request(self) -> None:
        widget = self._widget
        if widget.isVisible() or not widget.window().isVisible():
            if self._coalesce and widget.window().isVisible():
                self._stale = True
                if not self._queued:
                    self._queued = True
                    QTimer.singleShot(0, self, self._run_queued)
                return
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def _run_queued(self) -> None:
        self._queued = False
        if self._stale and self._widget.isVisible():
            self._stale = False
            self._refresh()

    def stale(self) -> bool:
        return self._stale

    def fresh(self) -> None:
        self._stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            # After the events of showing: a page that re-reads itself when shown has then
            # already called fresh(), and nothing is read twice.
            QTimer.singleShot(0, self, self._catch_up)
        return False

    def _catch_up(self) -> None:
        if self._stale and self._widget.isVisible():
            self._stale = False
            self._refresh()
