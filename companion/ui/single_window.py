"""One window per profile: a second start brings the open window forward.

The window listens on a local socket (a private name per user and profile; local IPC, no
network). A second start that finds the profile locked connects, asks for the window, and
quits; if nobody answers, the profile is open elsewhere and the user is told so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from companion.profile_lock import window_server_name

RAISE_REQUEST = b"raise\n"
WAIT_MS = 1500


class WindowBeacon(QObject):
    """Answers a second start by bringing window to the front."""

    def __init__(self, root: Path, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = window_server_name(root)
        QLocalServer.removeServer(name)  # a name left by a killed window (we hold the lock)
        self._server.listen(name)
        self._server.newConnection.connect(self._answer)

    def listening(self) -> bool:
        return self._server.isListening()

    def _answer(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self._window.showNormal()
            self._window.raise_()
            self._window.activateWindow()
            socket.write(b"ok\n")
            socket.flush()
        socket.disconnectFromServer()


def bring_forward(root: Path) -> bool:
    """Ask the window that has root open to come forward; True when it answered."""
    socket = QLocalSocket()
    socket.connectToServer(window_server_name(root))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(RAISE_REQUEST)
    socket.flush()
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered
