"""Long work (exports, imports, reports) on a worker thread, with a progress bar and Cancel.

The work runs on Qt's global thread pool and must not touch widgets: it gets a Progress
to report how far it is (which also stops it, by raising Cancelled, once the patient
pressed Cancel). Services open their own short database session per call, so the work
reads and writes through its own sessions. The result comes back to the GUI thread
through a queued signal, and the window stays responsive meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget
from shiboken6 import isValid

from companion import collector
from companion.ui.widgets.common import button


class Cancelled(Exception):
    """The patient pressed Cancel; the work stops and changes nothing more."""


class Progress:
    """Handed to the work: progress(done, total) reports and checks for Cancel."""

    def __init__(self, report: Callable[[int, int], None], stop: threading.Event) -> None:
        self._report = report
        self._stop = stop

    def __call__(self, done: int, total: int) -> None:
        self.check()
        self._report(done, total)

    def check(self) -> None:
        if self._stop.is_set():
            raise Cancelled


class _Relay(QObject):
    """Lives in the GUI thread; the worker's emits reach it as queued calls."""

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay, stop: threading.Event):
        super().__init__()
        self._work = work
        self._relay = relay
        self._stop = stop

    def run(self) -> None:
        try:
            with collector.paused():  # bulk work: see companion/collector.py
                result = self._work(Progress(self._relay.progress.emit, self._stop))
        except BaseException as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskPanel(QWidget):
    """What is being done, a progress bar and Cancel; hidden when idle. One task at a time."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button: QPushButton = button(self.tr("&Cancel"), self.tr("Stop this work"))
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self._stop = threading.Event()
        self._relay: _Relay | None = None
        self.hide()

    @property
    def busy(self) -> bool:
        return self._relay is not None

    def start(
        self,
        what: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        cancellable: bool = True,
    ) -> None:
        """cancellable=False for work that cannot stop half-way (a backup, a restore): no
        Cancel button is offered rather than one that would not keep its word."""
        if self.busy:
            raise RuntimeError("a task is already running")
        self._stop = threading.Event()
        relay = self._relay = _Relay(self)
        relay.progress.connect(self._show_progress)
        relay.done.connect(lambda result: self._end(on_done, result))
        relay.failed.connect(lambda exc: self._end(on_error, exc))
        self.label.setText(what)
        self.bar.setAccessibleDescription(what)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button.setEnabled(cancellable)
        self.cancel_button.setVisible(cancellable)
        self.show()
        QThreadPool.globalInstance().start(_Job(work, relay, self._stop))

    def cancel(self) -> None:
        self._stop.set()
        self.cancel_button.setEnabled(False)

    def _show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _end(self, then: Callable[[Any], None], value: Any) -> None:
        if self._relay is not None:
            self._relay.deleteLater()  # not now: its signal is being delivered
        self._relay = None
        self.hide()
        try:
            then(value)
        finally:
            self.finished.emit()


class BackgroundRead(QObject):
    """Reads for a view on a worker thread, so a summary of years of entries never stops
    the window; only the latest request's result is shown (an older one that comes back
    after it is dropped). The read must not touch widgets; show() runs on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._latest = 0
        self._running = 0

    @property
    def pending(self) -> bool:
        return self._running > 0

    def start(self, read: Callable[[], Any], show: Callable[[Any], None]) -> None:
        self._latest += 1
        request = self._latest
        self._running += 1
        # No parent: the view (and this object) may be gone before the read comes back, e.g.
        # a window closed or a model dropped while it counts; the relay then still delivers,
        # to nobody, instead of to a deleted object.
        relay = _Relay()
        relay.done.connect(lambda result: self._end(relay, request, show, result))
        relay.failed.connect(lambda exc: self._fail(relay, exc))
        QThreadPool.globalInstance().start(_Job(lambda _p: read(), relay, threading.Event()))

    def _end(self, relay: _Relay, request: int, show: Callable[[Any], None], result: Any) -> None:
        relay.deleteLater()
        self._running -= 1
        if request == self._latest and isValid(self):
            show(result)

    def _fail(self, relay: _Relay, error: BaseException) -> None:
        relay.deleteLater()
        self._running -= 1
        raise error  # a bug in the read: reported like any error on the GUI thread
