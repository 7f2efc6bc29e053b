"""A new profile: first steps on Today, one at a time and skippable; pages without data
say so and offer nothing that does nothing."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from companion.ui.welcome import WelcomeDialog

LEFT = Qt.MouseButton.LeftButton


def test_first_steps_lead_to_each_place_and_can_be_skipped(window, qtbot) -> None:
    window.show_page("today")
    card = window.page("today").first_steps
    assert card.isVisible()
    assert card.open_steps() == ["care_team", "treatment", "next_visit"]
    # 1. the care team number: the step opens Settings with the field focused
    qtbot.mouseClick(card.rows["care_team"][2], LEFT)
    settings = window.page("settings")
    assert window.current_page() is settings
    assert QApplication.focusWidget() is settings.care_team_edit
    qtbot.keyClicks(settings.care_team_edit, "555 0100")
    qtbot.keyClick(settings.care_team_edit, Qt.Key.Key_Return)
    window.show_page("today")
    assert card.open_steps() == ["treatment", "next_visit"]
    # 2. skipped
    qtbot.mouseClick(card.rows["treatment"][3], LEFT)
    assert card.open_steps() == ["next_visit"]
    # 3. the next visit: the step opens the visit editor
    qtbot.mouseClick(card.rows["next_visit"][2], LEFT)
    assert window.current_page() is window.page("visits")
    editor = window.page("visits").editor
    assert editor is not None and editor.isVisible()
    editor.reject()
    qtbot.mouseClick(card.rows["next_visit"][3], LEFT)
    assert card.isHidden()
    # skipping is remembered
    assert sorted(window.settings.value("first_steps/skipped")) == ["next_visit", "treatment"]


def test_visits_without_a_visit_disable_what_needs_one_and_say_what_to_do(window) -> None:
    window.show_page("visits")
    page = window.page("visits")
    assert page.visit_title.text() == "No visits yet"
    assert "New visit" in page.visit_details.text()
    for widget in (page.print_sheet_button, page.print_brief_button, page.tabs, page.edit_button):
        assert not widget.isEnabled()
    assert page.new_button.isEnabled()
    palette = page.print_sheet_button.palette()
    assert palette.color(palette.ColorGroup.Disabled, palette.ColorRole.ButtonText) != (
        palette.color(palette.ColorGroup.Active, palette.ColorRole.ButtonText)
    )


def test_symptom_filters_without_answers_show_no_made_up_dates(window) -> None:
    window.show_page("symptoms")
    page = window.page("symptoms")
    for edit in (page.from_date, page.to_date):
        assert "2000" not in edit.text()
        assert not edit.isEnabled()


def test_the_emergency_number_follows_the_country_and_is_editable(qtbot, services) -> None:
    for locale, number in (
        ("en_US", "911"),
        ("en_CA", "911"),
        ("de_DE", "112"),
        ("en_GB", "999"),
        ("en_AU", "000"),
        ("fr_FR", "112"),
    ):
        dialog = WelcomeDialog(services.profile, QLocale(locale))
        qtbot.addWidget(dialog)
        assert dialog.emergency_edit.text() == number, locale
        assert not dialog.emergency_edit.isReadOnly()


def test_a_locale_without_a_country_uses_the_time_zones() -> None:
    from PySide6.QtCore import QTimeZone

    from companion.ui.welcome import locale_country

    assert locale_country(QLocale.c(), QTimeZone(b"America/Chicago")) == "US"
    assert locale_country(QLocale.c(), QTimeZone(b"Australia/Sydney")) == "AU"
    assert locale_country(QLocale("en_GB"), QTimeZone(b"America/Chicago")) == "GB"
