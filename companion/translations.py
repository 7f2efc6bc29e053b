"""Translation contexts for code outside widgets, and loading the user's language.

lupdate (scripts/update_translations.py) sees only literal strings in self.tr("…"),
Name.tr("…") (filed under the context Name), QCoreApplication.translate("Context", "…")
and QT_TRANSLATE_NOOP("Context", "…"). A module-level wrapper such as _t("…") is invisible
to it, so code outside QObject classes translates through a TranslationContext subclass.

The catalogue is resources/translations/her2_companion_<language>.ts, compiled to .qm by
scripts/update_translations.py. A language without a .qm stays English; Qt's own
translations (qtbase: standard dialog buttons, context menus) come from the Qt installation.
"""

from __future__ import annotations

from datetime import date, datetime
from types import ModuleType
from typing import TYPE_CHECKING

from companion.resource_files import resources_root

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

# Qt loads on the first translation, not on import: the library and the command line's
# quick verbs use these contexts' names and QT_TRANSLATE_NOOP without starting Qt. It is
# imported once and kept (an import inside each call would run Qt's import hook each time).
_qt: ModuleType | None = None


def _qtcore() -> ModuleType:
    global _qt
    if _qt is None:
        import PySide6.QtCore

        _qt = PySide6.QtCore
    return _qt


CATALOGUE_NAME = "her2_companion"


class TranslationContext:
    """Subclass it under the context's name; Name.tr("…") translates in that context."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return str(_qtcore().QCoreApplication.translate(cls.__name__, text, disambiguation, n))


def translate(context: str, text: str) -> str:
    """Translate a text chosen at run time, marked for lupdate elsewhere (QT_TRANSLATE_NOOP)."""
    return str(_qtcore().QCoreApplication.translate(context, text))


def locale_date(day: date, pattern: str = "d MMM yyyy") -> str:
    """A date in the user's language with a Qt pattern; the default ('3 Mar 2025') has no
    day/month order to misread."""
    qt = _qtcore()
    return str(qt.QLocale().toString(qt.QDate(day.year, day.month, day.day), pattern))


def locale_time(moment: datetime) -> str:
    """The time of day in the user's short format (09:00, 9:00 AM)."""
    qt = _qtcore()
    return str(
        qt.QLocale().toString(
            qt.QTime(moment.hour, moment.minute, moment.second), qt.QLocale.FormatType.ShortFormat
        )
    )


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark text for lupdate under context, to be translated where it is shown; returns it.

    Qt's own has the same name (the one lupdate knows) but is typed to return object.
    """
    return text


class Treatments(TranslationContext):
    """The treatment history: names for codes, checks, the timeline, printed summaries."""


class Symptoms(TranslationContext):
    """Check-in questions and answer words, symptom history and its messages."""


class Visits(TranslationContext):
    """Visits, their questions and the suggested questions."""


class Medicines(TranslationContext):
    """Medicines at home: schedules, doses taken or skipped, reminders and adherence."""


class Library(TranslationContext):
    """The library's pages: entries, symptoms and their warning signs, the question bank."""


def translations_folder() -> str:
    return str(resources_root() / "translations")


def install_translations(
    app: QCoreApplication, locale: QLocale | None = None, folder: str | None = None
) -> list[QTranslator]:
    """Install the translators for locale (default: the system's) that exist; returns them.

    folder holds the app's .qm files (default: the bundled resources/translations).

    Qt's translation goes in first so that the app's own, installed last, is searched first.
    The translators are children of app, so they live as long as it does.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale() if locale is None else locale
    wanted = (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (CATALOGUE_NAME, folder or translations_folder()),
    )
    installed: list[QTranslator] = []
    for name, where in wanted:
        translator = QTranslator()
        if translator.load(locale, name, "_", where) and app.installTranslator(translator):
            translator.setParent(app)
            installed.append(translator)
    return installed
