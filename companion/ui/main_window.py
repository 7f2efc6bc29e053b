"""The main window: a sidebar of pages, menus with standard shortcuts, remembered layout.

Each page is built the first time it is shown (or asked for), so start-up pays only for
the page on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from companion.services import Services
from companion.ui import theme
from companion.ui.widgets.common import Page
from companion.ui.widgets.sidebar import Sidebar


@dataclass
class _PageSlot:
    page_id: str
    build: Callable[[MainWindow], Page]
    scroller: QScrollArea
    page: Page | None = None


class MainWindow(QMainWindow):
    closed = Signal()  # the user closed the window: the profile is free for others

    def __init__(self, services: Services, settings: QSettings) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        # Asked when the window is closed: True hides it instead (the app stays in the
        # tray for medicine reminders); set by the medicines part.
        self.hide_on_close: Callable[[], bool] | None = None
        self.undo_stack = QUndoStack(self)
        title = self.tr("HER2 Companion")  # the name may be written in another script
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._slots: list[_PageSlot] = []
        self._hold: QProgressDialog | None = None

        self.sidebar = Sidebar()  # as wide as its longest page name in the current font
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sidebar.currentRowChanged.connect(self._show_row)

    # -- pages -------------------------------------------------------------------------
    def add_page(self, title: str, page_id: str, build: Callable[[MainWindow], Page]) -> None:
        """A sidebar entry; build(window) makes the page the first time it is needed (it
        gets the window rather than capturing it, so no closure keeps the window alive)."""
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        item.setData(Qt.ItemDataRole.UserRole, page_id)
        self.sidebar.addItem(item)
        self.sidebar.fit_width()
        # A page scrolls when the window is smaller than the page needs (small laptop
        # screens, largest text), instead of forcing a huge minimum window size.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.stack.addWidget(scroller)
        self._slots.append(_PageSlot(page_id, build, scroller))

    @property
    def page_ids(self) -> list[str]:
        return [slot.page_id for slot in self._slots]

    @property
    def pages(self) -> list[Page]:
        """Every page, building those not shown yet."""
        return [self.page(page_id) for page_id in self.page_ids]

    def is_built(self, page_id: str) -> bool:
        return self._slots[self.page_ids.index(page_id)].page is not None

    def page(self, page_id: str) -> Page:
        slot = self._slots[self.page_ids.index(page_id)]
        if slot.page is None:
            slot.page = slot.build(self)
            slot.scroller.setWidget(slot.page)
        return slot.page

    def show_page(self, page_id: str) -> None:
        self.sidebar.setCurrentRow(self.page_ids.index(page_id))

    def current_page(self) -> Page:
        return self.page(self._slots[self.stack.currentIndex()].page_id)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self._slots[row].page_id)
        self.stack.setCurrentIndex(row)
        page.refresh()
        self.settings.setValue("window/page", page.page_id)

    # -- menus -------------------------------------------------------------------------
    def build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.print_action = self._action(
            self.tr("&Print…"), QKeySequence.StandardKey.Print, self._print_current
        )
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        )

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        self.undo_action, self.redo_action = undo, redo

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for index in range(len(self._slots)):
            # "&" in a page name is a letter, not a mnemonic ("Visits & questions")
            action = go_menu.addAction(self.sidebar.item(index).text().replace("&", "&&"))
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setData(index)
        # One bound-method connection: a lambda capturing self would keep the window alive.
        go_menu.triggered.connect(self._go_to)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_action = self._action(
            self.tr("&Help for this page"), QKeySequence.StandardKey.HelpContents, self.show_help
        )
        help_menu.addAction(self.help_action)
        help_menu.addAction(
            self._action(self.tr("&About HER2 Companion"), QKeySequence(), self._about)
        )

    def _go_to(self, action: QAction) -> None:
        self.sidebar.setCurrentRow(int(action.data()))

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[..., object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _print_current(self) -> None:
        printer = getattr(self.current_page(), "print_page", None)
        if printer is None:
            QMessageBox.information(
                self, self.tr("Print"), self.tr("There is nothing to print on this page.")
            )
            return
        printer()

    def show_help(self) -> None:
        """F1: a short guide to the page shown now."""
        from companion.ui.help import HelpDialog

        self.help_dialog = HelpDialog(self.current_page().page_id, self)
        self.help_dialog.open()

    def _about(self) -> None:
        from companion.ui.about import AboutDialog

        AboutDialog(self.services.library, self).exec()

    # -- remembered layout -------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            # First run: roomy for tables and charts, but never larger than the screen.
            width, height = theme.em(self, 80), theme.em(self, 52)
            screen = self.screen()
            if screen is not None:
                room = screen.availableGeometry()
                width = min(width, round(room.width() * 0.9))
                height = min(height, round(room.height() * 0.9))
            self.resize(width, height)
        wanted = self.settings.value("window/page", "today")
        ids = self.page_ids
        self.sidebar.setCurrentRow(ids.index(wanted) if wanted in ids else 0)

    def hold(self, on: bool, what: str = "") -> None:
        """While the profile file is being replaced (a restore, an import), nothing may
        write to it: a modal progress box takes every click and key (shortcuts included)
        until hold(False). The window keeps painting meanwhile."""
        if on and self._hold is None:
            box = QProgressDialog(what, "", 0, 0, self)
            box.setCancelButton(None)  # a swap cannot stop half-way
            box.setWindowTitle(self.tr("Please wait"))
            box.setAccessibleName(what)
            box.setWindowModality(Qt.WindowModality.ApplicationModal)
            box.setMinimumDuration(0)
            box.show()
            self._hold = box
        elif not on and self._hold is not None:
            self._hold.close()
            self._hold.deleteLater()
            self._hold = None
            self.undo_stack.clear()  # its steps belong to the profile that was replaced

    @property
    def held(self) -> bool:
        return self._hold is not None

    def show_damage_found(self) -> None:
        """The background check found damage: say so plainly, offer the way to a backup."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Your profile may be damaged"))
        box.setAccessibleName(self.tr("Your profile may be damaged"))
        box.setText(
            self.tr(
                "A check of your profile found signs of damage in the file on this computer. "
                "Nothing was changed. Your backups are listed in Settings ▸ Backups; the "
                "newest one made before today is the safest to bring back."
            )
        )
        open_backups = box.addButton(self.tr("Show my backups"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_backups)
        box.buttonClicked.connect(
            lambda clicked: self.show_page("settings") if clicked is open_backups else None
        )
        self.damage_box = box
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Leave any field being edited so its editingFinished saves the value.
        focus = QApplication.focusWidget()
        if focus is not None:
            focus.clearFocus()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        if self.hide_on_close is not None and self.hide_on_close():
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
