from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from companion.app import build_main_window
from companion.ui import theme


def test_window_size_and_page_are_remembered(qtbot, data_dir: Path) -> None:
    first = build_main_window(data_dir)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.show_page("visits")
    first.close()

    second = build_main_window(data_dir)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page().page_id == "visits"
    assert (second.width(), second.height()) == (720, 520)
    second.close()


def test_first_window_is_roomy_but_fits_the_screen(qtbot, data_dir: Path) -> None:
    window = build_main_window(data_dir)
    qtbot.addWidget(window)
    window.show()
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() * 0.9 + 1
    assert window.height() <= room.height() * 0.9 + 1
    assert window.width() >= min(theme.em(window, 80), room.width() * 0.9) - 1
    window.close()


def test_keyboard_shortcuts_switch_pages(window, qtbot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().page_id == "treatments"
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().page_id == "settings"


def test_settings_are_saved_as_typed_and_shown_on_today(window, qtbot) -> None:
    window.show_page("settings")
    page = window.page("settings")
    page.care_team_edit.clear()
    qtbot.keyClicks(page.care_team_edit, "555 0100")
    qtbot.keyClick(page.care_team_edit, Qt.Key.Key_Return)
    assert window.services.profile.get().care_team_phone == "555 0100"
    window.show_page("today")
    assert "555 0100" in window.page("today").care_team_label.text()


def test_large_text_mode_scales_the_font(window, qtbot) -> None:
    app = QApplication.instance()
    normal = app.font().pointSizeF()
    page = window.page("settings")
    window.show_page("settings")
    try:
        page.text_size_combo.setCurrentIndex(page.text_size_combo.findData("largest"))
        assert app.font().pointSizeF() == normal * 1.5
        assert window.settings.value("appearance/text_size") == "largest"
    finally:
        theme.apply_theme(app, 1.0)


def test_every_control_on_every_page_has_an_accessible_name(demo_window) -> None:
    for page in demo_window.pages:
        demo_window.show_page(page.page_id)
        for control in (
            page.findChildren(QLineEdit)
            + page.findChildren(QAbstractButton)
            + page.findChildren(QComboBox)
        ):
            if control.isVisibleTo(page):
                assert control.accessibleName(), f"{page.page_id}: {control!r}"


def test_back_up_now_writes_a_backup(window, qtbot) -> None:
    window.show_page("settings")
    section = window.page("settings").backups_section
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Backup saved" in section.message.text(), timeout=20_000)
    backups = list(window.services.store.paths.backups.glob("backup-*.sqlite"))
    assert len(backups) == 1
    assert backups[0].name in section.message.text()
    assert section.list.count() == 1


def test_an_unusable_data_folder_is_explained_in_a_window(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    import pytest
    from PySide6.QtWidgets import QMessageBox

    import companion.app
    from companion.errors import ProfileError

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    blocker = tmp_path / "profile"
    blocker.write_text("not a folder")
    with pytest.raises(ProfileError):
        companion.app.run_gui(blocker)
    assert shown and "not a folder" in shown[0]


def test_pages_are_built_when_first_shown(window, qtbot) -> None:
    assert window.current_page().page_id == "today"
    assert [window.is_built(p) for p in window.page_ids] == [True] + [False] * 5
    window.show_page("treatments")
    assert window.is_built("treatments") and window.current_page().page_id == "treatments"
    assert window.current_page().isVisible()
    assert not window.is_built("symptoms")


def test_file_menu_imports_symptoms_before_the_page_was_opened(
    window, qtbot, tmp_path: Path, monkeypatch, clock
) -> None:
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "in.csv"
    source.write_text(
        f"date,kind,item,attribute,value\n{clock.today()},symptom,nausea,severity,2\n"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    assert not window.is_built("symptoms")
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts.index("&Import symptoms…") < texts.index("&Quit")
    next(a for a in window.file_menu.actions() if a.text() == "&Import symptoms…").trigger()
    qtbot.waitUntil(lambda: not window.page("symptoms").busy, timeout=60_000)
    assert window.services.symptoms.history.count() == 1
    assert "Imported 1 rows" in window.page("symptoms").status.text()
