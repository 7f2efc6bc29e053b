"""Settings ▸ Backups: the automatic and other backups, "Back up now", restore any of them.

Backing up, restoring and moving to another computer take seconds on a long log, so they
run on a worker thread with a progress bar; the window stays responsive. While a restore
or an import replaces the profile, the window is held (nothing can be written to a file
that is being swapped), and afterwards the undo history of the old profile is forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.errors import CompanionError
from companion.profile import backups as shelf
from companion.profile.backups import BackupEntry, BackupService
from companion.ui import theme
from companion.ui.backup_keeping import (
    DAILY_KEPT_SETTING,
    WEEKLY_KEPT_SETTING,
    keeping,
)
from companion.ui.widgets.background import TaskPanel
from companion.ui.widgets.common import button, label, status_line
from companion.ui.widgets.qt_items import local_qdatetime


class BackupsSection(QWidget):
    """A list of backups, newest first; restoring one replaces the profile after asking."""

    restored = Signal()  # the profile was replaced: pages must read it again
    replacing = Signal(bool, str)  # a restore or import is swapping the file (True) or done

    def __init__(self, backups: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self.setAccessibleName(self.tr("Backups"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Backups"), "subtitle"))
        self.explanation = label(
            self.tr(
                "A checked copy is made every day you use the app, and before every update, "
                "import and restore. The last 14 days and 8 weeks are kept."
            ),
            "muted",
        )
        layout.addWidget(self.explanation)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups, newest first"))
        theme.size_in_lines(self.list, min_height=8, max_width=36)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.backup_button = button(self.tr("&Back up now"), self.tr("Back up my data now"))
        self.restore_button = button(
            self.tr("&Restore this backup…"), self.tr("Restore the chosen backup")
        )
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        # Moving to another computer: the same archive as `companion export/import archive`.
        moving = QHBoxLayout()
        self.export_archive_button = button(
            self.tr("Save for &another computer…"),
            self.tr("Save the whole profile in one file for another computer"),
        )
        self.import_archive_button = button(
            self.tr("Bring in from another computer…"),
            self.tr("Replace this profile with one saved on another computer"),
        )
        moving.addWidget(self.export_archive_button)
        moving.addWidget(self.import_archive_button)
        moving.addStretch(1)
        layout.addLayout(moving)
        self.message = status_line()
        layout.addWidget(self.message)
        self.tasks = TaskPanel()  # the work runs on a worker thread
        self.tasks.setMaximumWidth(theme.em(self, 36))  # as wide as the list above it
        layout.addWidget(self.tasks)
        self.buttons = (
            self.backup_button,
            self.restore_button,
            self.export_archive_button,
            self.import_archive_button,
        )
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.export_archive_button.clicked.connect(self.export_archive)
        self.import_archive_button.clicked.connect(self.import_archive)
        self.confirm = self._ask  # tests answer for the user
        self.choose_save_path = self._choose_save_path  # and choose files for them
        self.choose_open_path = self._choose_open_path
        self.confirm_import = self._ask_import

    def show_keeping(self, settings: QSettings) -> None:
        """How many daily and weekly automatic backups are kept (Settings; read by the app
        each time it makes the day's backup)."""
        self._settings = settings
        daily, weekly = keeping(settings)
        form = QFormLayout()
        self.daily_kept = QSpinBox()
        self.daily_kept.setRange(1, 365)
        self.daily_kept.setValue(daily)
        self.daily_kept.setSuffix(self.tr(" days"))
        self.daily_kept.setAccessibleName(self.tr("Keep a daily backup for the last"))
        self.weekly_kept = QSpinBox()
        self.weekly_kept.setRange(0, 520)
        self.weekly_kept.setValue(weekly)
        self.weekly_kept.setSuffix(self.tr(" weeks"))
        self.weekly_kept.setAccessibleName(self.tr("and one a week for the last"))
        for field in (self.daily_kept, self.weekly_kept):
            field.setMaximumWidth(theme.em(self, 9))
            field.valueChanged.connect(self._save_keeping)
            inner = field.findChild(QLineEdit)
            if inner is not None:  # the text part inside a spin box is read out too
                inner.setAccessibleName(field.accessibleName())
        form.addRow(self.tr("Keep a daily backup for the last"), self.daily_kept)
        form.addRow(self.tr("and one a week for the last"), self.weekly_kept)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertLayout(2, form)  # under the explanation, above the list
        self._explain_keeping()

    def _save_keeping(self) -> None:
        self._settings.setValue(DAILY_KEPT_SETTING, self.daily_kept.value())
        self._settings.setValue(WEEKLY_KEPT_SETTING, self.weekly_kept.value())
        self._explain_keeping()

    def _explain_keeping(self) -> None:
        daily, weekly = keeping(self._settings)
        self.explanation.setText(
            self.tr(
                "A checked copy is made every day you use the app, and before every update, "
                "import and restore. The last {days} days and {weeks} weeks are kept; copies "
                "you make by hand are never removed."
            ).format(days=daily, weeks=weekly)
        )

    def refresh(self) -> None:
        self.list.clear()
        for entry in self._backups.list():
            item = QListWidgetItem(self._describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._describe(entry))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _describe(self, entry: BackupEntry) -> str:
        kinds = {
            shelf.DAILY: self.tr("Daily"),
            shelf.BY_HAND: self.tr("Made by hand"),
            shelf.BEFORE_UPGRADE: self.tr("Before an update"),
            shelf.BEFORE_IMPORT: self.tr("Before an import"),
            shelf.REPLACED: self.tr("Before a restore"),
            shelf.BEFORE_PROTECTION: self.tr("Before a password change"),
        }
        when = QLocale().toString(local_qdatetime(entry.made_at), QLocale.FormatType.ShortFormat)
        size = QLocale().formattedDataSize(entry.size)
        text = self.tr("{when} · {kind} · {size}").format(
            when=when, kind=kinds.get(entry.kind, entry.kind), size=size
        )
        if not entry.readable:
            text += " · " + self.tr("damaged profile kept as it was")
        return text

    def chosen(self) -> BackupEntry | None:
        item = self.list.currentItem()
        if item is None:
            return None
        entry: BackupEntry = item.data(Qt.ItemDataRole.UserRole)
        return entry

    def _update_buttons(self) -> None:
        busy = self.tasks.busy
        for each in self.buttons:
            each.setEnabled(not busy)
        entry = self.chosen()
        self.restore_button.setEnabled(not busy and entry is not None and entry.readable)

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def _run(
        self,
        what: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        replaces_profile: bool = False,
    ) -> None:
        """work on a worker thread; done(result) or the plain error on the GUI thread."""

        def finished(then: Callable[[], None]) -> None:
            if replaces_profile:
                self.replacing.emit(False, "")
            self._update_buttons()
            then()

        def failed(error: BaseException) -> None:
            if not isinstance(error, CompanionError):
                finished(lambda: None)
                raise error  # a bug: reported like any error on the GUI thread
            finished(lambda: self.message.show_error(str(error)))

        self.message.setText("")
        if replaces_profile:
            self.replacing.emit(True, what)
        self.tasks.start(
            what,
            lambda _progress: work(),
            lambda result: finished(lambda: done(result)),
            failed,
            cancellable=False,
        )
        self._update_buttons()

    def back_up(self) -> None:
        def done(made: Path) -> None:
            self.refresh()
            self.message.setText(self.tr("Backup saved: {file}").format(file=made.name))

        self._run(self.tr("Backing up…"), self._backups.back_up_now, done)

    def _ask(self, entry: BackupEntry) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore this backup?"),
            self.tr(
                "Your profile will be replaced by the backup from {when}. Entries made since "
                "then will not be in it. The profile as it is now is kept as a backup first."
            ).format(when=self._describe(entry)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_chosen(self) -> None:
        entry = self.chosen()
        if self.busy or entry is None or not self.confirm(entry):
            return

        said = self.tr("Restored. The profile as it was is kept as {file}.")
        path = entry.path
        self._run(
            self.tr("Restoring the backup…"),
            lambda: self._backups.restore(path),
            lambda result: self._replaced(result, said),
            replaces_profile=True,
        )

    def _replaced(self, result: shelf.RestoreResult, said: str) -> None:
        self.refresh()
        kept = result.kept_aside.name if result.kept_aside else ""
        self.message.setText(said.format(file=kept))
        self.restored.emit()

    # -- moving to another computer -----------------------------------------------------
    def _choose_save_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the profile for another computer"),
            str(Path.home() / "her2-companion-profile.zip"),
            self.tr("Profile archive (*.zip)"),
        )
        return Path(name) if name else None

    def _choose_open_path(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Bring in a profile from another computer"),
            str(Path.home()),
            self.tr("Profile archive (*.zip)"),
        )
        return Path(name) if name else None

    def export_archive(self) -> None:
        if self.busy:
            return
        target = self.choose_save_path()
        if target is None:
            return

        def done(_summary: object) -> None:
            self.message.setText(
                self.tr(
                    "Saved to {file}. On the other computer, open HER2 Companion and choose "
                    "“Bring in from another computer…” in Settings."
                ).format(file=str(target))
            )

        self._run(
            self.tr("Saving the profile for another computer…"),
            lambda: self._backups.export_archive(target),
            done,
        )

    def import_archive(self) -> None:
        if self.busy:
            return
        source = self.choose_open_path()
        if source is None:
            return
        if not self.confirm_import(source):
            return

        said = self.tr("Brought in. The profile as it was is kept as {file}.")
        self._run(
            self.tr("Bringing in the profile…"),
            lambda: self._backups.import_archive(source),
            lambda result: self._replaced(result, said),
            replaces_profile=True,
        )

    def _ask_import(self, source: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace this profile?"),
            self.tr(
                "This profile will be replaced by the one in {file}. The profile as it is now "
                "is kept as a backup first."
            ).format(file=source.name),
        )
        return answer == QMessageBox.StandardButton.Yes
