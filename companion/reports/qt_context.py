"""Reports need a QGuiApplication for fonts and painting, also from the command line."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from companion.translations import install_translations


def ensure_gui_application() -> QCoreApplication:
    """Reuse the running application, or start a screenless one for command-line exports."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(["companion"])
    install_translations(app)  # reports from the command line in the user's language
    return app
