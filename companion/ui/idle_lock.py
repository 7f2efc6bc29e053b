"""Lock after idle minutes (a protected profile only): the window's content is hidden and
the password is asked again before anything can be seen or typed.

Idle time is measured with a Qt timer restarted by every key press, click or wheel turn in
the app: no clock reading is involved. The key stays in memory while locked (the profile
stays open, so nothing typed before the lock is lost).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

if TYPE_CHECKING:
    from companion.ui.password_dialogs import UnlockDialog

LOCK_CHOICES = (0, 5, 15, 30, 60)  # minutes; 0: never
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    def __init__(
        self,
        window: QMainWindow,
        check_password: Callable[[str], None],
        minutes: int = 0,
        milliseconds_per_minute: int = 60_000,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._check = check_password
        self._per_minute = milliseconds_per_minute
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.locked = False
        self.dialog: UnlockDialog | None = None
        self._watching = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.start(minutes * self._per_minute)
        else:
            self.timer.stop()
        self._watch(minutes > 0)

    def _watch(self, on: bool) -> None:
        """Watch the app's input only while a lock is set: the filter sees every event of
        every widget (thousands as a page is built), each a call into Python."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and not self.locked and self.minutes > 0:
            self.timer.start()  # restarts with the same interval
        return False

    def lock(self) -> None:
        if self.locked or self.minutes <= 0:
            return
        self.locked = True
        central = self._window.centralWidget()
        if central is not None:
            central.setVisible(False)  # nothing of the record stays on screen
        from companion.ui.password_dialogs import UnlockDialog  # when the window first locks

        self.dialog = UnlockDialog(self._check, self._window)
        self.dialog.setWindowTitle(self.tr("HER2 Companion is locked"))
        answered = self.dialog.exec()
        self.dialog.deleteLater()
        self.dialog = None
        self.locked = False
        if answered != QDialog.DialogCode.Accepted:
            self._window.close()  # Quit: the profile is closed as on any quit
            return
        if central is not None:
            central.setVisible(True)
        self.set_minutes(self.minutes)
