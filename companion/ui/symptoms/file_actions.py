"""File ▸ Export symptoms… and Import symptoms…: in the menu from the start, though the
Symptoms page (and its charts and printing) is built only when first needed."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


class _SymptomsPage(Protocol):
    def export(self) -> None: ...
    def import_file(self) -> None: ...


class _Window(Protocol):
    def page(self, page_id: str) -> object: ...


class SymptomFileActions(QObject):
    """The two actions, owned by the window; each builds the Symptoms page if needed."""

    def __init__(self, window: QObject, menu: QMenu) -> None:
        super().__init__(window)
        # Translated in the Symptoms page's context, where these strings have always been.
        self.export_action = QAction(
            QCoreApplication.translate("SymptomsPage", "&Export symptoms…"), window
        )
        self.import_action = QAction(
            QCoreApplication.translate("SymptomsPage", "&Import symptoms…"), window
        )
        self.export_action.triggered.connect(self._export)
        self.import_action.triggered.connect(self._import)
        actions = menu.actions()
        before = actions[-2] if len(actions) >= 2 else None  # above the separator and Quit
        for action in (self.export_action, self.import_action):
            if before is not None:
                menu.insertAction(before, action)
            else:
                menu.addAction(action)

    def _page(self) -> _SymptomsPage:
        window: _Window = self.parent()  # type: ignore[assignment]  # the parent is always the main window
        return window.page("symptoms")  # type: ignore[return-value]  # the symptoms page is a SymptomsPage

    def _export(self) -> None:
        self._page().export()

    def _import(self) -> None:
        self._page().import_file()
