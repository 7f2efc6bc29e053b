"""Settings ▸ Appearance: the colour scheme (follow the system, light, dark, high contrast).

Text size stays in the main Settings form; this section only adds what it owns.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from companion.ui import theme
from companion.ui.widgets.common import label


class AppearanceSection(QWidget):
    scheme_changed = Signal(str)  # one of theme.SCHEME_CHOICES

    def __init__(self, choice: str = "system") -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr("Appearance"), "subtitle"))
        form = QFormLayout()
        self.scheme_combo = QComboBox()
        self.scheme_combo.setAccessibleName(self.tr("Colors"))
        for key, caption in zip(
            theme.SCHEME_CHOICES,
            (
                self.tr("Follow the system (light or dark)"),
                self.tr("Light"),
                self.tr("Dark"),
                self.tr("High contrast"),
            ),
            strict=True,
        ):
            self.scheme_combo.addItem(caption, key)
        self.scheme_combo.setCurrentIndex(max(0, self.scheme_combo.findData(choice)))
        colours_label = QLabel(self.tr("C&olors"))
        colours_label.setBuddy(self.scheme_combo)
        form.addRow(colours_label, self.scheme_combo)
        layout.addLayout(form)
        theme.size_in_lines(self, max_width=36)
        self.scheme_combo.currentIndexChanged.connect(
            lambda: self.scheme_changed.emit(self.scheme_combo.currentData())
        )
