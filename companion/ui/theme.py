"""The one place for colours and sizes. Sizes are relative to the system font, so the
large-text setting (a scale factor) grows every page together."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Calm, high-contrast colours (WCAG AA against their backgrounds).
INK = "#1f2933"
MUTED_INK = "#52606d"
PAPER = "#fbfaf7"
PANEL = "#f0eee9"
ACCENT = "#2f6f73"  # teal: selection, primary buttons
ACCENT_INK = "#ffffff"
FOCUS = "#1b4d8f"
URGENCY_COLOURS = {  # background, border
    "today": ("#fff6da", "#b7791f"),
    "now": ("#ffe8d6", "#c05621"),
    "emergency": ("#fde2e1", "#c53030"),
}
GRADE_COLOURS = ["#e6f2ef", "#cfe7dd", "#f6e7b4", "#f4c095", "#e8908a"]
CHART_SERIES = ["#2f6f73", "#8a4f7d", "#b7791f", "#3c6e9f", "#6b8e23", "#a0522d"]
TREATMENT_SHADE = "#dbe9e6"
RED_FLAG_MARK = "#c53030"
TREATMENT_SHADES = ["#dbe9e6", "#ece3ef", "#f3ecd9", "#dde6f1"]  # alternate therapy lines
QUESTION_FOCUS = "#eaf1fb"  # background of the check-in question that has the focus
GRID = "#d9d6cf"  # chart grid lines and frames
LINK = "#1b5e8f"  # links in text pages (library entries)
TAKING_NOW = ("#e3f1ec", "#2f6f73")  # background, border: "you take this now" marks
NOTE_BOX = ("#eef5f4", "#b8d3d0")  # background, border of calm notes
DOSE_STATUS_COLOURS = {  # the adherence calendar; each colour also has a word beside it
    "taken": "#cfe7dd",
    "late": "#dde6f1",
    "skipped": "#f6e7b4",
    "missed": "#f4c4c0",
}

TEXT_SCALES = {"normal": 1.0, "large": 1.25, "largest": 1.5}
_base_point_size: float | None = None


def apply_theme(app: QApplication, text_scale: float = 1.0) -> None:
    """Set palette, font size and style sheet. Call again when the text scale changes."""
    global _base_point_size
    if _base_point_size is None:
        # Never below 10 pt: many tired eyes read this app.
        _base_point_size = max(10.0, QGuiApplication.font().pointSizeF())
    font = QFont(app.font())
    font.setPointSizeF(_base_point_size * text_scale)
    app.setFont(font)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(PANEL))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(ACCENT_INK))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED_INK))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(_base_point_size * text_scale))


def style_sheet(point_size: float) -> str:
    # em units follow the application font, so large-text mode scales paddings too; Qt does
    # not accept em for font-size, so heading sizes are computed from the current size.
    return f"""
    QListWidget#sidebar {{ background: {PANEL}; border: none; padding: 0.4em; }}
    QListWidget#sidebar::item {{ padding: 0.7em 0.9em; border-radius: 0.4em; }}
    QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: {ACCENT_INK}; }}
    QPushButton {{ padding: 0.45em 1.1em; min-height: 1.6em; border-radius: 0.35em;
                   border: 1px solid #9aa5b1; background: #ffffff; }}
    QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit, QTimeEdit {{
        padding: 0.3em 0.45em; min-height: 1.5em; }}
    QPushButton:focus {{ border: 2px solid {FOCUS}; }}
    QPushButton[primary="true"] {{ background: {ACCENT}; color: {ACCENT_INK};
                                   border-color: {ACCENT}; }}
    QPushButton:checked {{ background: {ACCENT}; color: {ACCENT_INK}; border-color: {ACCENT}; }}
    QFrame[role="question"] {{ border: 2px solid transparent; border-radius: 0.4em; }}
    QFrame[role="question"]:focus {{ border: 2px solid {FOCUS}; background: {QUESTION_FOCUS}; }}
    QFrame[role="dose"] {{ border: 2px solid transparent; border-radius: 0.4em; }}
    QFrame[role="dose"]:focus {{ border: 2px solid {FOCUS}; background: {QUESTION_FOCUS}; }}
    QPushButton[role="answer"] {{ min-height: 1.9em; padding: 0.3em 0.5em; }}
    QLabel[role="title"] {{ font-size: {point_size * 1.6:.1f}pt; font-weight: 600; }}
    QLabel[role="subtitle"] {{ font-size: {point_size * 1.2:.1f}pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {MUTED_INK}; }}
    QTreeWidget#libraryTree::item {{ padding: 0.18em 0.1em; }}
    QCheckBox::indicator, QAbstractItemView::indicator {{ width: 1em; height: 1em; }}
    QFrame[role="card"] {{ background: #ffffff; border: 1px solid #d9d6cf; border-radius: 0.5em; }}
    QFrame[role="note"] {{ background: #eef5f4; border: 1px solid #b8d3d0; border-radius: 0.5em; }}
    """ + "".join(
        f'QFrame[urgency="{name}"] {{ background: {bg}; border: 2px solid {border};'
        f" border-radius: 0.5em; }}\n"
        for name, (bg, border) in URGENCY_COLOURS.items()
    )


def em(widget: QWidget | None = None, count: float = 1.0) -> int:
    """A length in pixels relative to the current font's height."""
    font = widget.font() if widget is not None else QApplication.font()
    return round(QFontMetrics(font).height() * count)
