"""Help ▸ About tells the version, the licence, the credits, the sources and the disclaimer."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication

from companion import __version__
from companion.ui.about import AboutDialog


def test_about_opens_from_the_help_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    about = next(a for a in help_menu.actions() if "About" in a.text())
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog.windowTitle())
        seen.append(dialog.version_label.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    about.trigger()
    assert seen == ["About HER2 Companion", f"Version {__version__}"]


def test_about_names_licence_credits_sources_and_disclaimer(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(window.services.library, window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(type(dialog.version_label)))
    assert "GPL-3.0-or-later" in text and "no warranty" in text
    assert f"Qt {qVersion()}" in text and f"PySide6 {PySide6.__version__}" in text
    assert "FDA prescribing information" in text
    entries = window.services.library.info["entries"]
    assert f"{entries} entries" in text
    assert "does not give medical advice" in text
    assert dialog.about_qt_button.accessibleName() == "About Qt"
