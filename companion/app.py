"""QApplication set-up, build_main_window() for tests and tools, and the GUI entry point."""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from companion import APP_NAME, __version__, crash, qt_import_check  # noqa: F401  # qt_import_check: for its effect, see there
from companion.clock import Clock
from companion.errors import CompanionError, DamagedProfileError, ProfileInUseError
from companion.paths import ProfilePaths, make_private
from companion.profile import protection
from companion.profile_lock import ProfileLock
from companion.resource_files import resources_root
from companion.services import Services
from companion.store.creation import tidy_leftovers
from companion.translations import TranslationContext, install_translations
from companion.ui import theme
from companion.ui.idle_lock import LOCK_CHOICES, IdleLock
from companion.ui.main_window import MainWindow
from companion.ui.medicines.setup import MedicinesInWindow
from companion.ui.symptoms.file_actions import SymptomFileActions
from companion.ui.widgets.background import BackgroundRead
from companion.ui.widgets.common import Page

if TYPE_CHECKING:
    from companion.store import Store
    from companion.store.cipher import ProfileKey

BACKUP_DELAY_MS = 3000  # after the window is up: the start stays quick
FIRST_PAINT_WAIT_MS = 2000  # a window that is not painted by then gets its after-start work
FULL_CHECK_DELAY_MS = 20_000  # the full integrity check, once the start's work is done
BACKUP_CHECK_MS = 60 * 60 * 1000  # a new day while the app stays open
WM_CLASS = "her2-companion"
DESKTOP_ID = "io.github.her2companion.HER2Companion"


class App(TranslationContext):
    """The names of the pages and the messages at start-up."""


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    # The name is the X11 WM_CLASS and the desktop file the Wayland app id: both must match
    # packaging/linux/*.desktop (StartupWMClass) so the dock groups the window with its icon.
    QCoreApplication.setApplicationName(WM_CLASS)
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName("HER2 Companion")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    install_translations(app)  # before any widget exists; English when none is found
    icon = resources_root() / "icons" / "her2-companion.svg"
    app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName(DESKTOP_ID)
    app.setApplicationDisplayName(APP_NAME)
    return app


def build_main_window(
    data_dir: Path, clock: Clock | None = None, key: ProfileKey | None = None
) -> MainWindow:
    """Open the profile in data_dir and build the main window, without an event loop.
    clock: where the app takes the time (default_clock() if None); key: the password of a
    protected profile (companion.profile.protection.unlock)."""
    app = ensure_application()
    paths = ProfilePaths(Path(data_dir), key=key)
    paths.ensure()
    lock = ProfileLock(paths.root)
    lock.acquire()  # one window per profile: a second one raises ProfileInUseError
    try:
        tidy_leftovers(paths)  # what a killed start, restore or export left behind
        # SQLite checks the whole file on a worker thread while the window is set up.
        services = Services.open(paths, clock, check_in_background=True)
    except BaseException:
        lock.release()
        raise
    settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
    text_scale, colour_scheme = apply_saved_theme(app, settings)

    window = MainWindow(services, settings)
    undo_stack = window.undo_stack
    medicines = MedicinesInWindow(
        window, services, settings, Path(paths.root), services.clock.wall_now
    )

    # Pages are built (and their modules imported: charts, printing) when first shown.
    def today(_window: MainWindow) -> Page:
        from companion.ui.pages.today import TodayPage

        page = TodayPage(services, undo_stack, settings)
        medicines.add_to_today(page)
        return page

    def symptoms(window: MainWindow) -> Page:
        from companion.ui.pages.symptoms import SymptomsPage

        page = SymptomsPage(services, undo_stack)
        today_page = window.page("today")
        page.edit_day_requested.connect(today_page.open_day)  # type: ignore[attr-defined]  # pages are built lazily as Page; this one is a TodayPage
        page.export_action = file_actions.export_action
        page.import_action = file_actions.import_action
        return page

    def treatments(_window: MainWindow) -> Page:
        from companion.ui.pages.treatments import TreatmentsPage

        return TreatmentsPage(services)

    def visits(_window: MainWindow) -> Page:
        from companion.ui.pages.visits import VisitsPage

        return VisitsPage(services, undo_stack)

    def library(_window: MainWindow) -> Page:
        from companion.ui.pages.library import LibraryPage

        return LibraryPage(services)

    def settings_page(window: MainWindow) -> Page:
        from companion.ui.pages.settings import SettingsPage
        from companion.ui.symptoms.weekly_day import WeeklyDaySection

        page = SettingsPage(services, text_scale, colour_scheme)
        page.text_scale_changed.connect(change_text_size)
        protection_section = page.protection_section
        protection_section.set_lock_minutes(lock_minutes())
        protection_section.lock_minutes_changed.connect(change_lock_minutes)
        protection_section.protection_changed.connect(lambda _on: change_lock_minutes(None))
        medicines.add_to_settings(page)
        page.appearance.scheme_changed.connect(change_colours)
        weekly_day = WeeklyDaySection(settings, services.symptoms.plan, services.clock.today())
        weekly_day.changed.connect(lambda: window.page("today").weekly.refresh())  # type: ignore[attr-defined]  # pages are built lazily as Page; this one is a TodayPage
        page.add_section(weekly_day)
        page.backups_section.show_keeping(settings)
        page.backups_section.replacing.connect(window.hold)
        return page

    def lock_minutes() -> int:
        try:
            minutes = int(str(settings.value("protection/lock_after_minutes", 0)))
        except ValueError:
            minutes = 0
        return minutes if minutes in LOCK_CHOICES else 0

    def change_lock_minutes(minutes: int | None) -> None:
        if minutes is not None:
            settings.setValue("protection/lock_after_minutes", minutes)
        idle_lock.set_minutes(lock_minutes() if services.protection.protected else 0)

    def change_text_size(key: str) -> None:
        settings.setValue("appearance/text_size", key)
        theme.apply_theme(app, theme.TEXT_SCALES[key])

    def change_colours(choice: str, system: Qt.ColorScheme | None = None) -> None:
        settings.setValue("appearance/colours", choice)
        size = str(settings.value("appearance/text_size", "normal"))
        theme.apply_theme(app, theme.TEXT_SCALES.get(size, 1.0), choice, system)
        window.current_page().refresh()  # charts and tables pick up the new colours

    def follow_system(system: Qt.ColorScheme) -> None:
        if settings.value("appearance/colours", "system") == "system":
            change_colours("system", system)

    hints = app.styleHints()
    hints.colorSchemeChanged.connect(follow_system)
    window.destroyed.connect(lambda: hints.colorSchemeChanged.disconnect(follow_system))

    window.add_page(App.tr("Today"), "today", today)
    window.add_page(App.tr("Symptoms"), "symptoms", symptoms)
    window.add_page(App.tr("Treatments"), "treatments", treatments)
    window.add_page(App.tr("Visits & questions"), "visits", visits)
    window.add_page(App.tr("Library"), "library", library)
    window.add_page(App.tr("Settings"), "settings", settings_page)
    window.build_menus()
    file_actions = SymptomFileActions(window, window.file_menu)
    # Nothing above reads the profile: SQLite's check of the file ran meanwhile. Nothing
    # is read or shown before the file is known sound.
    try:
        import companion.ui.pages.today  # noqa: F401  # the first page's code, meanwhile

        services.store.wait_for_check()
    except BaseException:
        window.deleteLater()
        services.close()
        lock.release()
        raise
    window.restore_layout()
    window.destroyed.connect(services.close)
    window.destroyed.connect(lock.release)
    window.closed.connect(lock.release)
    window.profile_lock = lock  # type: ignore[attr-defined]  # held as long as the window
    idle_lock = IdleLock(window, services.protection.check_password)
    change_lock_minutes(None)
    window.idle_lock = idle_lock  # type: ignore[attr-defined]  # a Python attribute: tests reach the idle lock
    return window


def apply_saved_theme(app: QApplication, settings: QSettings) -> tuple[str, str]:
    """The user's text size and colours from settings, applied; (text size, colours)."""
    text_scale = str(settings.value("appearance/text_size", "normal"))
    if text_scale not in theme.TEXT_SCALES:
        text_scale = "normal"
    colour_scheme = str(settings.value("appearance/colours", "system"))
    if colour_scheme not in theme.SCHEME_CHOICES:
        colour_scheme = "system"
    theme.apply_theme(app, theme.TEXT_SCALES[text_scale], colour_scheme)
    return text_scale, colour_scheme


def ask_password(paths: ProfilePaths) -> ProfilePaths | None:
    """The start-up password dialog, in the user's text size and colours; the unlocked
    paths, or None when the user quit."""
    from companion.ui.password_dialogs import UnlockDialog

    app = QApplication.instance()
    if isinstance(app, QApplication):  # a missing settings file gives the defaults
        apply_saved_theme(app, QSettings(str(paths.settings), QSettings.Format.IniFormat))

    unlocked: list[ProfilePaths] = []

    def unlock(password: str) -> None:
        unlocked.append(protection.unlock(paths, password))

    dialog = UnlockDialog(unlock)
    if dialog.exec() != UnlockDialog.DialogCode.Accepted or not unlocked:
        return None
    return unlocked[-1]


def read_only_notice() -> str:
    return App.tr(
        "This profile is read-only: its folder or disk does not allow changes. You can read "
        "everything, but new entries cannot be saved until it is writable again."
    )


def offer_crash_logs(window: MainWindow, logs: Path) -> None:
    found = crash.unseen_crash_logs(logs)
    if not found:
        return
    box = QMessageBox(window)
    box.setWindowTitle(App.tr("HER2 Companion closed unexpectedly"))
    box.setText(
        App.tr(
            "HER2 Companion closed unexpectedly last time. Everything that was shown as "
            "saved is kept; something typed but not yet saved may be missing. A crash report "
            "with no health information was written. Do you want to see it?"
        )
    )
    show = box.addButton(App.tr("Show report"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(App.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is show:
        text = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in found)
        QMessageBox.information(window, App.tr("Crash report"), text)
    crash.mark_seen(logs)


FIRST_PAINT_ENV = "COMPANION_EXIT_AFTER_FIRST_PAINT"


class FirstPaintReporter(QObject):
    """For benchmarks/run.py: on the shown page's first paint, print the monotonic clock
    (system-wide, so the benchmark compares it with its own) and the peak memory so far
    ("first-paint <seconds> <max RSS>"), then quit. Not the app's clock: no date is read."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            import resource  # Unix only, like the benchmarks

            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print("first-paint", time.monotonic(), rss, flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def settle_after_start(window: MainWindow) -> None:
    """Once the window is up: what start-up made (modules, the window) lives as long as the
    app, so it leaves the garbage collector's view. The collector's full passes run on the
    GUI thread and walked all of it each time (100 ms and more with a large log open); now
    they walk only what was made since. Then the ORM loads in the background."""
    gc.freeze()
    store = window.services.store

    def after_first_paint() -> None:
        gc.freeze()  # what the paint made too
        gc.enable()  # paused by the command line for the start (cli.run_app)
        load_the_orm_in_the_background(store)

    AfterFirstPaint(window, after_first_paint)


class AfterFirstPaint(QObject):
    """Call later() once the window's page has been painted the first time (or after
    FIRST_PAINT_WAIT_MS if it never is: a window started hidden), so that work meant for
    after the start does not compete with drawing it."""

    def __init__(self, window: MainWindow, later: Callable[[], object]) -> None:
        super().__init__(window)
        self._later: Callable[[], object] | None = later
        self._watched = window.current_page()
        self._watched.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint is done
        return False

    def _run(self) -> None:
        later, self._later = self._later, None
        if later is not None:
            self._watched.removeEventFilter(self)
            later()


def load_the_orm_in_the_background(store: Store) -> threading.Thread:
    """The first paint read Today with plain SQL; SQLAlchemy, the models and the engine that
    every save uses load now on a worker thread, so the first answer saved does not wait
    for them (and the GUI thread, which only shares the interpreter with it, keeps
    painting). A save that comes sooner imports them itself: Python's import lock makes it
    wait for this import rather than do it twice. Their objects, made for the app's whole
    life, then leave the garbage collector's view too."""

    def load() -> None:
        try:
            from sqlalchemy.orm import configure_mappers

            import companion.store.models  # noqa: F401  # every mapped class, then mapped once

            configure_mappers()
            store.engine  # noqa: B018  # made (not connected) on first use
        except Exception:  # the first save will say what is wrong, in plain words
            logging.getLogger("companion").exception("loading the ORM failed")
            return
        gc.freeze()

    worker = threading.Thread(target=load, name="load-orm")
    worker.start()
    return worker


def check_fully_in_the_background(window: MainWindow) -> None:
    """Once per start, after the window is up: the full integrity check on a worker thread
    (the start itself only runs the quick one). Damage found is said at once, with the way
    to the backups; nothing is changed."""
    poll = QTimer(window)
    poll.setInterval(500)

    def start() -> None:
        from concurrent.futures import ThreadPoolExecutor  # not before the first paint

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="full-check")
        future = pool.submit(window.services.backups.full_check)
        pool.shutdown(wait=False)

        def done() -> None:
            if not future.done():
                return
            poll.stop()
            try:
                problems = future.result()
            except CompanionError:
                return  # a file that cannot be read is said by the next save or backup
            if problems:
                logging.getLogger("companion").warning("full check found damage")
                window.show_damage_found()

        poll.timeout.connect(done)
        poll.start()

    QTimer.singleShot(FULL_CHECK_DELAY_MS, start)


def keep_daily_backups(window: MainWindow) -> BackgroundRead:
    """The day's verified backup soon after start, and again each new day the app stays open.
    It is made on a worker thread (a ten-year profile takes a few hundred milliseconds, the
    window must not stop); one that cannot be made (full disk, damage) is said in the status
    bar. Returns the worker's handle (whether a backup is being made)."""
    from companion.ui.backup_keeping import keeping

    backups = BackgroundRead(window)

    def make(daily: int, weekly: int) -> CompanionError | None:
        try:
            window.services.backups.daily_if_due(daily, weekly)
        except CompanionError as exc:
            return exc
        return None

    def said(problem: CompanionError | None) -> None:
        if problem is not None:
            logging.getLogger("companion").warning("daily backup not made")
            window.statusBar().showMessage(
                App.tr("Today's automatic backup could not be made: {reason}").format(
                    reason=str(problem)
                )
            )

    def back_up() -> None:
        if backups.pending:
            return  # the last one is still being made
        daily, weekly = keeping(window.settings)  # settings are read on the GUI thread
        backups.start(lambda: make(daily, weekly), said)

    timer = QTimer(window)
    timer.setInterval(BACKUP_CHECK_MS)
    timer.timeout.connect(back_up)
    timer.start()
    QTimer.singleShot(BACKUP_DELAY_MS, back_up)
    return backups


def run_gui(data_dir: Path, quit_when_shown: bool = False) -> int:
    app = ensure_application()
    with _CloseOnTerminate(app) as terminate:
        try:
            paths = ProfilePaths(data_dir)
            paths.ensure()
            if os.access(paths.logs, os.W_OK):  # a read-only profile is opened without logs
                log_file = paths.logs / "companion.log"
                logging.basicConfig(
                    filename=log_file,
                    level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                )
                make_private(log_file)
                crash.install(paths.logs)
            if protection.is_protected(paths):
                from companion.ui.single_window import bring_forward

                if bring_forward(paths.root):
                    return 0  # already open (and unlocked) in a window: nothing to ask
                unlocked = ask_password(paths)
                if unlocked is None:
                    return 1  # Quit: nothing was opened or changed
                paths = unlocked
            try:
                window = build_main_window(data_dir, key=paths.key)
            except DamagedProfileError as exc:
                from companion.ui.damage_dialog import offer_recovery  # loads the backups

                if not offer_recovery(paths, str(exc)):
                    return 1  # the user read the dialog; the damaged file is untouched
                window = build_main_window(data_dir, key=paths.key)
        except ProfileInUseError as exc:
            from companion.ui.single_window import bring_forward

            if bring_forward(paths.root):
                return 0  # the open window came to the front: nothing else to do
            QMessageBox.information(None, APP_NAME, str(exc))
            raise
        except CompanionError as exc:
            # Started from a desktop icon there is no terminal: say it in a window too.
            QMessageBox.critical(None, APP_NAME, str(exc))
            raise
        if os.environ.get(FIRST_PAINT_ENV):
            reporter = FirstPaintReporter(window)
            window.current_page().installEventFilter(reporter)
        window.show()
        settle_after_start(window)
        AfterFirstPaint(window, lambda: listen_for_a_second_start(window, paths.root))
        keep_daily_backups(window)
        check_fully_in_the_background(window)

        def after_start() -> None:
            offer_crash_logs(window, paths.logs)
            if window.services.store.read_only:
                QMessageBox.information(window, APP_NAME, read_only_notice())
                return
            if not window.services.profile.get().welcome_done:
                from companion.ui.welcome import WelcomeDialog

                WelcomeDialog(window.services.profile).exec()
                window.current_page().refresh()

        terminate.window = window
        QTimer.singleShot(0, after_start)
        if quit_when_shown:
            QTimer.singleShot(0, lambda: _report_shown_and_quit(window))
        return app.exec()


class _CloseOnTerminate:
    """SIGTERM (a logout, `kill`) closes the window as the user would, saving the field being
    edited, then leaves the event loop, also when it comes while the window is being built.

    Python runs signal handlers only between its own bytecodes, so a timer wakes it while Qt
    waits; and the handler never raises, since an exception inside a Qt callback ends the
    process at once (no `finally`, no clean-up of a --demo folder)."""

    def __init__(self, app: QApplication) -> None:
        self.window: MainWindow | None = None
        self._wake = QTimer(app)
        self._wake.timeout.connect(lambda: None)
        self._previous: object = None

    def __enter__(self) -> _CloseOnTerminate:
        if hasattr(signal, "SIGTERM"):
            self._previous = signal.signal(signal.SIGTERM, self._terminate)
            self._wake.start(250)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._wake.stop()
        self._wake.deleteLater()
        if hasattr(signal, "SIGTERM"):
            previous = self._previous if self._previous is not None else signal.SIG_DFL
            signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]  # the saved handler may be any of signal's handler kinds

    def _terminate(self, _signum: int, _frame: object) -> None:
        if self.window is not None:
            self.window.close()
        QTimer.singleShot(0, QApplication.quit)  # runs once the loop runs, if not yet


def listen_for_a_second_start(window: MainWindow, root: Path) -> None:
    """A second start with this profile brings this window forward (set up once the window
    is painted: the start does not wait for Qt's network module)."""
    from companion.ui.single_window import WindowBeacon

    WindowBeacon(root, window)


def _report_shown_and_quit(window: MainWindow) -> None:
    """For smoke tests: say which window is up, then leave the event loop normally."""
    print(f"Window shown: {window.windowTitle()} ({window.width()}x{window.height()})", flush=True)
    QApplication.quit()
