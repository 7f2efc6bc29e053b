"""A page whose feature has not arrived yet: a heading and a plain sentence about it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from companion.ui.widgets.common import Page, heading, label


class PlaceholderPage(Page):
    def __init__(self, page_id: str, title: str, description: str) -> None:
        super().__init__()
        self.page_id = page_id
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title))
        layout.addWidget(label(description, "muted"))
        layout.addStretch(1)
