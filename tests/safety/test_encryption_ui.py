"""Password protection as a user meets it: Settings ▸ Protect with a password, the password
asked at start (typed, wrong first), turning it off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from companion.app import ask_password, build_main_window
from companion.errors import PasswordNeededError
from companion.paths import ProfilePaths
from companion.store.cipher import looks_encrypted
from tests.safety.test_encryption import NAME, PASSWORD, protected_profile, readable_in


def when_dialog_opens(qtbot, act: Callable[[QDialog], None]) -> None:  # type: ignore[no-untyped-def]
    """Run act on the modal dialog as soon as it is shown (exec() blocks the test)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def type_and_enter(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_protecting_from_settings_as_a_user_would(qtbot, open_window, demo_dir: Path) -> None:
    window = open_window(demo_dir)
    window.services.profile.update(name=NAME)
    window.show_page("settings")
    section = window.page("settings").protection_section
    assert section.protect_button.isVisible() and not section.change_button.isVisible()
    seen: dict[str, str] = {}

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        assert not dialog.ok_button.isEnabled()  # the warning must be acknowledged first
        assert "cannot be recovered" in dialog.understood.text().replace("&", "")
        qtbot.keyClicks(dialog.password, "short")
        qtbot.keyClicks(dialog.repeated, "short")
        qtbot.mouseClick(dialog.understood, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.message.text()
        assert dialog.isVisible()  # still open, ready to type again
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.repeated, PASSWORD)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(section.protect_button, Qt.MouseButton.LeftButton)
    assert seen["refused"] == "Please choose a password of at least 8 characters."
    assert section.message.text() == (
        "Your profile and its backups are now protected with your password."
    )
    assert section.change_button.isVisible() and section.remove_button.isVisible()
    database = demo_dir / "profile.sqlite"
    assert looks_encrypted(database)
    window.services.profile.update(care_team_phone="+1 555 0199")  # the app keeps saving
    window.services.store.engine.dispose()
    assert not readable_in(database.read_bytes(), NAME)
    assert not readable_in((demo_dir / "settings.ini").read_bytes(), PASSWORD)
    window.close()
    with pytest.raises(PasswordNeededError):
        build_main_window(demo_dir)


def test_the_password_is_asked_at_start_and_a_wrong_one_is_said_plainly(
    qtbot, data_dir: Path
) -> None:
    protected_profile(data_dir)
    before = (data_dir / "profile.sqlite").read_bytes()
    seen: dict[str, str] = {}

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        assert dialog.password.accessibleName() == "Password"
        type_and_enter(qtbot, dialog.password, "my cat's name")
        seen["wrong"] = dialog.message.text()
        assert dialog.isVisible()
        type_and_enter(qtbot, dialog.password, PASSWORD)  # the wrong one was selected

    when_dialog_opens(qtbot, answer)
    unlocked = ask_password(ProfilePaths(data_dir))
    assert seen["wrong"] == "That password does not open this profile. Nothing was changed."
    assert unlocked is not None and unlocked.key is not None
    assert (data_dir / "profile.sqlite").read_bytes() == before  # the wrong try wrote nothing
    window = build_main_window(data_dir, key=unlocked.key)
    qtbot.addWidget(window)
    assert window.services.profile.get().name == NAME


def test_quitting_the_password_dialog_opens_nothing(qtbot, data_dir: Path) -> None:
    protected_profile(data_dir)
    when_dialog_opens(
        qtbot, lambda dialog: qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    )
    assert ask_password(ProfilePaths(data_dir)) is None


def test_turning_protection_off_needs_the_password(qtbot, data_dir: Path) -> None:
    paths = protected_profile(data_dir)
    window = build_main_window(data_dir, key=paths.key)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    section = window.page("settings").protection_section
    seen: dict[str, str] = {}

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        type_and_enter(qtbot, dialog.password, "wrong password")
        seen["wrong"] = dialog.message.text()
        type_and_enter(qtbot, dialog.password, PASSWORD)

    when_dialog_opens(qtbot, answer)
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert seen["wrong"] == "That is not the current password. Nothing was changed."
    assert section.message.text() == "Password protection is off."
    assert section.protect_button.isVisible()
    assert not looks_encrypted(data_dir / "profile.sqlite")
    window.close()


def test_the_window_locks_when_idle_and_opens_again_with_the_password(
    qtbot, data_dir: Path
) -> None:
    from companion.ui.idle_lock import IdleLock

    paths = protected_profile(data_dir)
    window = build_main_window(data_dir, key=paths.key)
    qtbot.addWidget(window)
    window.show()
    window.show_page("settings")
    section = window.page("settings").protection_section
    assert section.lock_row.isVisible()
    section.lock_combo.setCurrentIndex(section.lock_combo.findData(5))
    assert window.settings.value("protection/lock_after_minutes") in (5, "5")
    assert window.idle_lock.minutes == 5
    # The same lock with minutes of 20 ms, so the test need not wait five minutes.
    window.idle_lock.set_minutes(0)
    fast = IdleLock(
        window, window.services.protection.check_password, 1, milliseconds_per_minute=20
    )
    seen: dict[str, object] = {}

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["hidden"] = not window.centralWidget().isVisible()
        type_and_enter(qtbot, dialog.password, "not it")
        seen["wrong"] = dialog.message.text()
        type_and_enter(qtbot, dialog.password, PASSWORD)

    when_dialog_opens(qtbot, answer)
    qtbot.waitUntil(lambda: "wrong" in seen and not fast.locked, timeout=10_000)
    assert seen["hidden"] is True  # nothing of the record was on screen while locked
    assert seen["wrong"] == "That password does not open this profile. Nothing was changed."
    assert window.centralWidget().isVisible()
    fast.set_minutes(0)
    window.close()
