"""Colours: every text/background pair meets WCAG AA in every scheme, the app follows the
system's light/dark setting, the patient can choose Light, Dark or High contrast, and every
page is drawn in the chosen colours (screenshots written to $COMPANION_SCREENSHOTS)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QHeaderView, QTabBar

from companion.ui import theme


@pytest.fixture(autouse=True)
def light_again():  # type: ignore[no-untyped-def]
    yield
    app = QApplication.instance()
    if app is not None:
        theme.apply_theme(app, 1.0, "light")


@pytest.mark.parametrize("scheme", list(theme.SCHEMES.values()), ids=list(theme.SCHEMES))
def test_every_text_colour_pair_meets_wcag_aa(scheme: theme.Scheme) -> None:
    low = [
        (what, fg, bg, round(theme.contrast(fg, bg), 2))
        for what, fg, bg in theme.text_pairs(scheme)
        if theme.contrast(fg, bg) < 4.5
    ]
    assert not low, low
    low = [
        (what, fg, bg, round(theme.contrast(fg, bg), 2))
        for what, fg, bg in theme.graphic_pairs(scheme)
        if theme.contrast(fg, bg) < 3.0
    ]
    assert not low, low
    # the pairs cover what the style sheet and palette draw
    assert len(theme.text_pairs(scheme)) >= 25


def test_contrast_formula_matches_wcag_examples() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_the_palette_is_complete_so_nothing_is_dark_on_dark(qapp) -> None:  # type: ignore[no-untyped-def]
    theme.apply_theme(qapp, 1.0, "dark")
    palette = qapp.palette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button, QPalette.ColorRole.Window):
        background = palette.color(QPalette.ColorGroup.Active, role).name()
        assert background in {theme.DARK.base, theme.DARK.button, theme.DARK.paper}
        assert theme.contrast(palette.color(QPalette.ColorRole.Text).name(), background) >= 4.5
    # disabled controls look disabled
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    assert disabled.name() == theme.DARK.disabled_ink
    assert qapp.property("fusion_style")


def test_following_the_system_light_and_dark(window, qtbot) -> None:
    assert theme.active() is theme.LIGHT  # offscreen: no scheme known, so light
    hints = QApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert theme.active() is theme.DARK
    assert QApplication.palette().color(QPalette.ColorRole.Window) == QColor(theme.DARK.paper)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.active() is theme.LIGHT


def test_choosing_high_contrast_in_settings_is_kept(window, qtbot) -> None:
    window.show_page("settings")
    combo = window.page("settings").appearance.scheme_combo
    combo.setFocus()
    while combo.currentData() != "high_contrast":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert theme.active() is theme.HIGH_CONTRAST
    assert window.settings.value("appearance/colours") == "high_contrast"
    # the system's change no longer overrides the patient's choice
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.active() is theme.HIGH_CONTRAST


@pytest.mark.parametrize("scheme", ["light", "dark", "high_contrast"])
def test_every_page_is_drawn_in_the_scheme(demo_window, qtbot, scheme: str) -> None:
    app = QApplication.instance()
    theme.apply_theme(app, 1.0, scheme)
    colours = theme.SCHEMES[scheme]
    folder = os.environ.get("COMPANION_SCREENSHOTS")
    demo_window.resize(1200, 800)
    for page in demo_window.pages:
        demo_window.show_page(page.page_id)
        qtbot.wait(10)
        image = demo_window.grab().toImage()
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            image.save(str(Path(folder) / f"{scheme}-{page.page_id}.png"))
        # the page's background is the scheme's paper
        stack = demo_window.stack
        spot = stack.mapTo(demo_window, QPoint(2, stack.height() - 3))  # the page's margin
        corner = image.pixelColor(spot.x(), spot.y()).name()
        assert corner in {colours.paper, colours.base, colours.panel}, (page.page_id, corner)
        for widget in page.findChildren(QHeaderView) + page.findChildren(QTabBar):
            if widget.isVisibleTo(page):
                assert widget.palette().color(QPalette.ColorRole.Button) == QColor(colours.button)
        for combo in page.findChildren(QComboBox):
            if combo.isVisibleTo(page):
                text = combo.palette().color(QPalette.ColorRole.ButtonText).name()
                back = combo.palette().color(QPalette.ColorRole.Button).name()
                assert theme.contrast(text, back) >= 4.5
