"""The one place for colours and sizes.

Three colour schemes (light, dark, high contrast) hold every colour the app draws with; the
patient picks one in Settings or follows the system's light/dark setting. Sizes are relative
to the system font, so the large-text setting (a scale factor) grows every page together.
tests/ui/test_theme.py checks the WCAG contrast of every text/background pair below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # Qt Charts loads only with the first chart
    from PySide6.QtCharts import QChart


@dataclass(frozen=True)
class Scheme:
    name: str
    ink: str  # body text
    muted_ink: str  # secondary text (still ≥ 4.5:1)
    paper: str  # window background
    panel: str  # sidebar, alternate rows
    base: str  # fields, tables, cards
    button: str
    border: str  # button and field frames (≥ 3:1 against base)
    disabled_ink: str
    accent: str  # selection, primary buttons
    accent_ink: str
    focus: str  # focus rings (≥ 3:1)
    link: str
    urgency: dict[str, tuple[str, str]]  # today/now/emergency: background, border
    grades: tuple[str, ...]  # cell backgrounds for answers 0–4
    chart_series: tuple[str, ...]
    treatment_shades: tuple[str, ...]  # alternate therapy lines behind charts
    red_flag_mark: str
    question_focus: str  # background of the check-in question that has the focus
    grid: str  # chart grid lines and frames (decorative)
    taking_now: tuple[str, str]  # background, border: "you take this now" marks
    note_box: tuple[str, str]  # background, border of calm notes
    dose_status: dict[str, str]  # the adherence calendar; each colour has a word beside it


LIGHT = Scheme(
    name="light",
    ink="#1f2933",
    muted_ink="#52606d",
    paper="#fbfaf7",
    panel="#f0eee9",
    base="#ffffff",
    button="#ffffff",
    border="#7b8794",
    disabled_ink="#8c959f",
    accent="#2f6f73",
    accent_ink="#ffffff",
    focus="#1b4d8f",
    link="#1b5e8f",
    urgency={
        "today": ("#fff6da", "#9a6418"),
        "now": ("#ffe8d6", "#b04d1c"),
        "emergency": ("#fde2e1", "#c53030"),
    },
    grades=("#e6f2ef", "#cfe7dd", "#f6e7b4", "#f4c095", "#e8908a"),
    chart_series=("#2f6f73", "#8a4f7d", "#98640f", "#3c6e9f", "#557a1a", "#a0522d"),
    treatment_shades=("#dbe9e6", "#ece3ef", "#f3ecd9", "#dde6f1"),
    red_flag_mark="#c53030",
    question_focus="#eaf1fb",
    grid="#d9d6cf",
    taking_now=("#e3f1ec", "#2f6f73"),
    note_box=("#eef5f4", "#5b8a85"),
    dose_status={"taken": "#cfe7dd", "late": "#dde6f1", "skipped": "#f6e7b4", "missed": "#f4c4c0"},
)

DARK = Scheme(
    name="dark",
    ink="#e8eaed",
    muted_ink="#b3bcc6",
    paper="#1b1f24",
    panel="#242a31",
    base="#14181c",
    button="#2b323a",
    border="#8896a5",
    disabled_ink="#7d8792",
    accent="#5fb3b3",
    accent_ink="#0b1b1c",
    focus="#8ab4f8",
    link="#8ab4f8",
    urgency={
        "today": ("#3a3120", "#e0a84a"),
        "now": ("#3d2a1e", "#f08a4b"),
        "emergency": ("#3f1f22", "#f26d6d"),
    },
    grades=("#1f3330", "#24402f", "#4a4020", "#5a3a22", "#6a2b2b"),
    chart_series=("#5fb3b3", "#d29bcb", "#e0a84a", "#8fb4e0", "#a5d46f", "#e29a78"),
    treatment_shades=("#21332f", "#2f2836", "#36301f", "#222d3a"),
    red_flag_mark="#f26d6d",
    question_focus="#1e2a3a",
    grid="#3b434c",
    taking_now=("#1f3330", "#5fb3b3"),
    note_box=("#1f2b2a", "#5f8f8b"),
    dose_status={"taken": "#24402f", "late": "#222d3a", "skipped": "#4a4020", "missed": "#5a2b2b"},
)

HIGH_CONTRAST = Scheme(
    name="high_contrast",
    ink="#ffffff",
    muted_ink="#ffffff",
    paper="#000000",
    panel="#000000",
    base="#000000",
    button="#000000",
    border="#ffffff",
    disabled_ink="#a0a0a0",
    accent="#ffff00",
    accent_ink="#000000",
    focus="#00ffff",
    link="#ffff00",
    urgency={
        "today": ("#000000", "#ffff00"),
        "now": ("#000000", "#ffa040"),
        "emergency": ("#000000", "#ff6060"),
    },
    grades=("#000000", "#003000", "#383800", "#4d2600", "#600000"),
    chart_series=("#ffff00", "#00ffff", "#ff80ff", "#80ff80", "#ffffff", "#ffa040"),
    treatment_shades=("#1a1a1a", "#262626", "#1a1a1a", "#262626"),
    red_flag_mark="#ff6060",
    question_focus="#002040",
    grid="#808080",
    taking_now=("#000000", "#ffff00"),
    note_box=("#000000", "#ffffff"),
    dose_status={"taken": "#003000", "late": "#002040", "skipped": "#383800", "missed": "#600000"},
)

SCHEMES = {scheme.name: scheme for scheme in (LIGHT, DARK, HIGH_CONTRAST)}
SCHEME_CHOICES = ("system", "light", "dark", "high_contrast")  # "system": light or dark
TEXT_SCALES = {"normal": 1.0, "large": 1.25, "largest": 1.5}

_active = LIGHT
_base_point_size: float | None = None

# The colours of the active scheme, read at drawing time by models, charts and pages.
INK = LIGHT.ink
MUTED_INK = LIGHT.muted_ink
PAPER = LIGHT.paper
PANEL = LIGHT.panel
BASE = LIGHT.base
ACCENT = LIGHT.accent
ACCENT_INK = LIGHT.accent_ink
FOCUS = LIGHT.focus
LINK = LIGHT.link
URGENCY_COLOURS = LIGHT.urgency
GRADE_COLOURS = list(LIGHT.grades)
CHART_SERIES = list(LIGHT.chart_series)
TREATMENT_SHADES = list(LIGHT.treatment_shades)
TREATMENT_SHADE = LIGHT.treatment_shades[0]
RED_FLAG_MARK = LIGHT.red_flag_mark
QUESTION_FOCUS = LIGHT.question_focus
GRID = LIGHT.grid
TAKING_NOW = LIGHT.taking_now
NOTE_BOX = LIGHT.note_box
DOSE_STATUS_COLOURS = LIGHT.dose_status


def active() -> Scheme:
    return _active


def resolve(choice: str, system: Qt.ColorScheme | None = None) -> Scheme:
    """The scheme for a Settings choice; "system" follows the system's light/dark setting
    (system: the scheme the system just announced, else it is asked)."""
    if choice in SCHEMES:
        return SCHEMES[choice]
    if system is None:
        hints = QGuiApplication.styleHints()
        system = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return DARK if system == Qt.ColorScheme.Dark else LIGHT


def _use(scheme: Scheme) -> None:
    global _active, INK, MUTED_INK, PAPER, PANEL, BASE, ACCENT, ACCENT_INK, FOCUS, LINK
    global URGENCY_COLOURS, GRADE_COLOURS, CHART_SERIES, TREATMENT_SHADES, TREATMENT_SHADE
    global RED_FLAG_MARK, QUESTION_FOCUS, GRID, TAKING_NOW, NOTE_BOX, DOSE_STATUS_COLOURS
    _active = scheme
    INK, MUTED_INK, PAPER, PANEL = scheme.ink, scheme.muted_ink, scheme.paper, scheme.panel
    BASE, ACCENT, ACCENT_INK = scheme.base, scheme.accent, scheme.accent_ink
    FOCUS, LINK, URGENCY_COLOURS = scheme.focus, scheme.link, scheme.urgency
    GRADE_COLOURS = list(scheme.grades)
    CHART_SERIES = list(scheme.chart_series)
    TREATMENT_SHADES = list(scheme.treatment_shades)
    TREATMENT_SHADE = scheme.treatment_shades[0]
    RED_FLAG_MARK, QUESTION_FOCUS, GRID = scheme.red_flag_mark, scheme.question_focus, scheme.grid
    TAKING_NOW, NOTE_BOX = scheme.taking_now, scheme.note_box
    DOSE_STATUS_COLOURS = scheme.dose_status


def apply_theme(
    app: QApplication,
    text_scale: float = 1.0,
    scheme: str | None = None,
    system: Qt.ColorScheme | None = None,
) -> None:
    """Set style, palette, font size and style sheet. Call again when a setting changes;
    scheme None keeps the current one."""
    global _base_point_size
    if _base_point_size is None:
        # Never below 10 pt: many tired eyes read this app.
        _base_point_size = max(10.0, QGuiApplication.font().pointSizeF())
    if scheme is not None:
        _use(resolve(scheme, system))
    # Fusion draws every widget from the palette on every platform: no dark-on-dark
    # header or tab where a native style keeps its own colours.
    if not app.property("fusion_style"):  # once: a style change re-polishes every widget
        app.setStyle("Fusion")
        app.setProperty("fusion_style", True)
    font = QFont(app.font())
    font.setPointSizeF(_base_point_size * text_scale)
    app.setFont(font)
    app.setPalette(palette(_active))
    app.setStyleSheet(style_sheet(_base_point_size * text_scale, _active))


def palette(scheme: Scheme) -> QPalette:
    """Every role in every group, so nothing falls back to the system's own colours."""
    result = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: scheme.paper,
        roles.WindowText: scheme.ink,
        roles.Base: scheme.base,
        roles.AlternateBase: scheme.panel,
        roles.Text: scheme.ink,
        roles.Button: scheme.button,
        roles.ButtonText: scheme.ink,
        roles.BrightText: scheme.ink,
        roles.Highlight: scheme.accent,
        roles.HighlightedText: scheme.accent_ink,
        roles.PlaceholderText: scheme.muted_ink,
        roles.ToolTipBase: scheme.base,
        roles.ToolTipText: scheme.ink,
        roles.Link: scheme.link,
        roles.LinkVisited: scheme.link,
        roles.Light: scheme.panel,
        roles.Midlight: scheme.panel,
        roles.Mid: scheme.border,
        roles.Dark: scheme.border,
        roles.Shadow: scheme.border,
        roles.Accent: scheme.accent,
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in colours.items():
            result.setColor(group, role, QColor(colour))
    disabled = dict(colours)
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.HighlightedText):
        disabled[role] = scheme.disabled_ink
    disabled[roles.Button] = scheme.paper
    for role, colour in disabled.items():
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return result


def style_sheet(point_size: float, scheme: Scheme = LIGHT) -> str:
    # em units follow the application font, so large-text mode scales paddings too; Qt does
    # not accept em for font-size, so heading sizes are computed from the current size.
    s = scheme
    return f"""
    QListWidget#sidebar {{ background: {s.panel}; border: none; padding: 0.4em; }}
    QListWidget#sidebar::item {{ padding: 0.7em 0.9em; border-radius: 0.4em; color: {s.ink}; }}
    QListWidget#sidebar::item:selected {{ background: {s.accent}; color: {s.accent_ink}; }}
    QPushButton {{ padding: 0.45em 1.1em; min-height: 1.6em; border-radius: 0.35em;
                   border: 1px solid {s.border}; background: {s.button}; color: {s.ink}; }}
    QPushButton:disabled {{ color: {s.disabled_ink}; background: {s.paper};
                            border: 1px dashed {s.disabled_ink}; }}
    QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QDateTimeEdit, QTimeEdit {{
        padding: 0.3em 0.45em; min-height: 1.5em; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView {{
        border: 1px solid {s.border}; }}
    QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
        border: 2px solid {s.red_flag_mark}; border-radius: 0.25em; }}
    QPushButton:focus {{ border: 2px solid {s.focus}; }}
    QPushButton[primary="true"] {{ background: {s.accent}; color: {s.accent_ink};
                                   border-color: {s.accent}; }}
    QPushButton[primary="true"]:focus {{ border: 2px solid {s.focus}; }}
    QPushButton:checked {{ background: {s.panel}; color: {s.ink};
                           border: 2px solid {s.ink}; }}
    QPushButton[role="answer"]:checked {{ background: {s.accent}; color: {s.accent_ink};
                                          border-color: {s.accent}; }}
    QFrame[role="question"] {{ border: 2px solid transparent; border-radius: 0.4em; }}
    QFrame[role="question"]:focus {{ border: 2px solid {s.focus};
                                     background: {s.question_focus}; }}
    QPushButton[role="answer"] {{ min-height: 1.9em; padding: 0.3em 0.5em; }}
    QLabel[role="title"] {{ font-size: {point_size * 1.6:.1f}pt; font-weight: 600; }}
    QLabel[role="subtitle"] {{ font-size: {point_size * 1.2:.1f}pt; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {s.muted_ink}; }}
    QLabel[error="true"] {{ color: {s.ink}; font-weight: 600; }}
    QLabel[role="field-error"] {{ color: {s.ink}; font-weight: 600; }}
    QTreeWidget#libraryTree::item {{ padding: 0.18em 0.1em; }}
    QCheckBox::indicator, QAbstractItemView::indicator {{ width: 1em; height: 1em;
        border: 2px solid {s.border}; border-radius: 0.15em; background: {s.base}; }}
    QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {{
        background: {s.accent}; border-color: {s.accent}; }}
    QFrame[role="card"] {{ background: {s.base}; border: 1px solid {s.border};
                           border-radius: 0.5em; }}
    QFrame[role="note"] {{ background: {s.note_box[0]}; border: 1px solid {s.note_box[1]};
                           border-radius: 0.5em; }}
    QToolTip {{ color: {s.ink}; background: {s.base}; border: 1px solid {s.border}; }}
    """ + "".join(
        f'QFrame[urgency="{name}"] {{ background: {bg}; border: 2px solid {border};'
        f" border-radius: 0.5em; }}\n"
        for name, (bg, border) in s.urgency.items()
    )


def em(widget: QWidget | None = None, count: float = 1.0) -> int:
    """A length in pixels relative to the current font's height."""
    font = widget.font() if widget is not None else QApplication.font()
    return round(QFontMetrics(font).height() * count)


class _SizeInLines(QObject):
    """Sets a widget's size limits in lines of its text, again whenever its font changes (a
    limit fixed in pixels at start-up cut the text once Settings made it larger)."""

    def __init__(self, widget: QWidget, lines: dict[str, float]) -> None:
        super().__init__(widget)
        self._lines = lines
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        setters = {
            "min_height": widget.setMinimumHeight,
            "max_height": widget.setMaximumHeight,
            "fixed_height": widget.setFixedHeight,
            "min_width": widget.setMinimumWidth,
            "max_width": widget.setMaximumWidth,
        }
        for name, lines in self._lines.items():
            setters[name](em(widget, lines))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def size_in_lines(widget: QWidget, **lines: float) -> None:
    """min_height, max_height, fixed_height, min_width, max_width: in lines of the widget's
    text (its font's height), kept as the text size changes."""
    _SizeInLines(widget, lines)


# -- contrast (WCAG 2.x) ---------------------------------------------------------------
def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (light + 0.05) / (dark + 0.05)


def text_pairs(scheme: Scheme) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text the app draws in this scheme."""
    s = scheme
    pairs = [("body text", s.ink, bg) for bg in (s.paper, s.panel, s.base, s.button)]
    pairs += [("muted text", s.muted_ink, bg) for bg in (s.paper, s.panel, s.base)]
    pairs += [
        ("placeholder", s.muted_ink, s.base),
        ("selected / primary", s.accent_ink, s.accent),
        ("link", s.link, s.base),
        ("link on paper", s.link, s.paper),
        ("question with focus", s.ink, s.question_focus),
        ("note", s.ink, s.note_box[0]),
        ("taking now", s.ink, s.taking_now[0]),
    ]
    pairs += [(f"{name} warning", s.ink, bg) for name, (bg, _b) in s.urgency.items()]
    pairs += [(f"answer {i} cell", s.ink, bg) for i, bg in enumerate(s.grades)]
    pairs += [(f"treatment shade {i}", s.ink, bg) for i, bg in enumerate(s.treatment_shades)]
    pairs += [(f"dose {name}", s.ink, bg) for name, bg in s.dose_status.items()]
    return pairs


def graphic_pairs(scheme: Scheme) -> list[tuple[str, str, str]]:
    """(what, colour, background) for focus rings, frames and chart marks (≥ 3:1)."""
    s = scheme
    pairs = [("focus ring", s.focus, bg) for bg in (s.paper, s.base, s.question_focus)]
    pairs += [("field and button frame", s.border, s.base), ("frame on paper", s.border, s.paper)]
    pairs += [("red-flag mark", s.red_flag_mark, s.base)]
    pairs += [(f"{name} border", border, bg) for name, (bg, border) in s.urgency.items()]
    pairs += [(f"chart series {i}", c, s.base) for i, c in enumerate(s.chart_series)]
    pairs += [("taking-now border", s.taking_now[1], s.taking_now[0])]
    pairs += [("note border", s.note_box[1], s.note_box[0])]
    return pairs


def style_chart(chart: QChart) -> None:
    """Chart background, title, legend and axes in the active scheme (Qt Charts has its own
    light theme otherwise: black labels on a dark page)."""
    s = _active
    ink = QColor(s.ink)
    chart.setBackgroundBrush(QBrush(QColor(s.base)))
    chart.setTitleBrush(QBrush(ink))
    chart.legend().setLabelColor(ink)
    # Qt Charts keeps its own small fonts: labels follow the text size chosen in Settings.
    font = QApplication.font()
    chart.legend().setFont(font)
    chart.setTitleFont(font)
    for axis in chart.axes():
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
        axis.setLabelsColor(ink)
        axis.setTitleBrush(QBrush(ink))
        axis.setLinePenColor(QColor(s.border))
        axis.setGridLineColor(QColor(s.grid))
