from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel

from companion.ui.welcome import WelcomeDialog


@pytest.mark.parametrize(
    ("locale", "number"), [("en_GB", "999"), ("en_US", "911"), ("de_DE", "112"), ("en_AU", "000")]
)
def test_emergency_number_defaults_by_locale(qtbot, services, locale: str, number: str) -> None:
    dialog = WelcomeDialog(services.profile, QLocale(locale))
    qtbot.addWidget(dialog)
    assert dialog.emergency_edit.text() == number


def test_welcome_says_what_matters_and_saves_what_the_patient_types(qtbot, services) -> None:
    dialog = WelcomeDialog(services.profile, QLocale("en_GB"))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "stays on this computer" in texts
    assert "does not give medical advice" in texts
    qtbot.keyClicks(dialog.name_edit, "Ana")
    qtbot.keyClicks(dialog.care_team_edit, "020 7946 0000")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    info = services.profile.get()
    assert (info.name, info.care_team_phone, info.emergency_number) == (
        "Ana",
        "020 7946 0000",
        "999",
    )
    assert info.welcome_done and info.temperature_unit == "C"


def test_nothing_is_required_to_start(qtbot, services) -> None:
    dialog = WelcomeDialog(services.profile, QLocale("en_US"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    info = services.profile.get()
    assert info.welcome_done and info.name == "" and info.emergency_number == "911"
    assert info.temperature_unit == "F"


def test_a_bad_phone_number_is_explained_and_nothing_is_saved(qtbot, services) -> None:
    dialog = WelcomeDialog(services.profile, QLocale("en_GB"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.care_team_edit, "call Jane!")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "only have digits" in dialog.message.text()
    assert services.profile.get().welcome_done is False


def test_every_control_has_an_accessible_name(qtbot, services) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    dialog = WelcomeDialog(services.profile, QLocale("en_GB"))
    qtbot.addWidget(dialog)
    for control in dialog.findChildren(QLineEdit) + dialog.findChildren(QAbstractButton):
        assert control.accessibleName(), control
