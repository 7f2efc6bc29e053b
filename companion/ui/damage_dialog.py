"""At start, a damaged profile: say so plainly and offer the newest good backup in one click.

The damaged file is kept aside byte for byte (nothing is lost that a specialist could still
recover), then the backup is checked and restored like any other.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from companion import APP_NAME
from companion.errors import CompanionError
from companion.paths import ProfilePaths
from companion.profile.backups import newest_good_backup, restore_unopened
from companion.profile_lock import ProfileLock
from companion.translations import TranslationContext
from companion.ui.widgets.qt_items import local_qdatetime


class DamageText(TranslationContext):
    """The dialog shown when the profile is damaged at start."""


def offer_recovery(paths: ProfilePaths, problem: str, parent: QWidget | None = None) -> bool:
    """Show the damage; True when the user restored a backup (the app can open now)."""
    good = newest_good_backup(paths)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(problem)
    restore = None
    if good is None:
        box.setInformativeText(
            DamageText.tr(
                "There is no backup to bring back yet. The file was left exactly as it is; "
                "please keep it, and ask someone you trust for help."
            )
        )
    else:
        when = QLocale().toString(local_qdatetime(good.made_at), QLocale.FormatType.LongFormat)
        box.setInformativeText(
            DamageText.tr(
                "Your newest good backup is from {when}. Entries made after it will not be "
                "in it. The damaged file is kept aside exactly as it is."
            ).format(when=when)
        )
        restore = box.addButton(
            DamageText.tr("Restore the backup from {when}").format(when=when),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(restore)
    box.addButton(DamageText.tr("Close"), QMessageBox.ButtonRole.RejectRole)
    box.setAccessibleName(DamageText.tr("The profile is damaged"))
    box.exec()
    if restore is None or box.clickedButton() is not restore or good is None:
        return False
    try:
        with ProfileLock(paths.root):
            restore_unopened(paths, good.path)
    except CompanionError as exc:
        QMessageBox.critical(parent, APP_NAME, str(exc))
        return False
    return True
