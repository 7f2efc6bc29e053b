"""A table of one kind of entry with Add, Change and Delete, each undoable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.treatments.rows import RowService
from companion.ui.treatments.forms import EntryDialog, confirm_delete
from companion.ui.treatments.table import RecordTable
from companion.ui.treatments.undo import record_change


class EntrySection(QWidget):
    """Subclasses give the table's columns, rows, dialog and words. `changed` follows every
    refresh (after a change, its undo or redo), for views that summarise the same entries."""

    changed = Signal()

    def __init__(
        self,
        service: RowService,
        title: str,
        headers: Sequence[str],
        empty_text: str,
        add_text: str,
        stretch: Sequence[int] = (-1,),
    ) -> None:
        super().__init__()
        self._service = service
        self.dialog: EntryDialog | None = None
        self.table = RecordTable(title, headers, empty_text, stretch, parent=self)
        self.add_button = self.table.add_button(add_text, self.add, needs_selection=False)
        self.edit_button = self.table.add_button(self.tr("Change…"), self.edit)
        self.delete_button = self.table.add_button(self.tr("Delete"), self.delete)
        self.table.opened.connect(lambda _id: self.edit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    # -- to fill in ----------------------------------------------------------------------
    def rows(self) -> list[tuple[int, list[str]]]:
        raise NotImplementedError

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        raise NotImplementedError

    def describe(self, row_id: int) -> str:
        """Words for the delete question and the undo menu, e.g. 'CT scan, 3 Mar 2025'."""
        raise NotImplementedError

    def colours(self) -> dict[int, str] | None:
        return None

    # -- behaviour -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.table.set_rows(self.rows(), self.colours())
        self.changed.emit()

    def add(self) -> None:
        dialog = self.make_dialog(None)

        def saved() -> None:
            new_id = dialog.result_value.id  # type: ignore[attr-defined]  # each editor dialog sets result_value when saved
            after = self._service.snapshot(new_id)
            record_change(
                self,
                self.tr("Add {what}").format(what=self.describe(new_id)),
                self._service,
                None,
                after,
                self.refresh,
            )
            self.refresh()
            self.table.select_id(new_id)

        self._open(dialog, saved)

    def edit(self) -> None:
        row_id = self.table.current_id()
        if row_id is None:
            return
        before = self._service.snapshot(row_id)
        dialog = self.make_dialog(row_id)

        def saved() -> None:
            after = self._service.snapshot(row_id)
            record_change(
                self,
                self.tr("Change {what}").format(what=self.describe(row_id)),
                self._service,
                before,
                after,
                self.refresh,
            )
            self.refresh()
            self.table.select_id(row_id)

        self._open(dialog, saved)

    def delete(self) -> None:
        row_id = self.table.current_id()
        if row_id is None:
            return
        what = self.describe(row_id)
        if not confirm_delete(self, what):
            return
        before = self._service.delete(row_id)
        record_change(
            self,
            self.tr("Delete {what}").format(what=what),
            self._service,
            before,
            None,
            self.refresh,
        )
        self.refresh()

    def _open(self, dialog: EntryDialog, saved: object) -> None:
        self.dialog = dialog
        dialog.accepted.connect(saved)
        dialog.open()
