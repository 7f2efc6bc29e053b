"""How many automatic backups are kept: the patient's choice in Settings, read by the app
each time it makes the day's backup."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from companion.profile.backups import DAILY_KEPT, WEEKLY_KEPT

DAILY_KEPT_SETTING = "backups/daily_kept"
WEEKLY_KEPT_SETTING = "backups/weekly_kept"


def keeping(settings: QSettings) -> tuple[int, int]:
    """(days of daily backups, weeks of weekly ones); the defaults when unset or unreadable."""

    def number(key: str, default: int, least: int) -> int:
        try:
            return max(least, int(str(settings.value(key, default))))
        except ValueError:
            return default

    return number(DAILY_KEPT_SETTING, DAILY_KEPT, 1), number(WEEKLY_KEPT_SETTING, WEEKLY_KEPT, 0)
