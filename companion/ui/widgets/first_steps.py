"""First steps on Today for a new profile: what to do first, one step at a time.

1. your care team's phone number, 2. your current treatment from the library, 3. the next
visit. Each step opens the place where it is done, and each can be skipped; a step is done
once the profile has what it asks for. The card goes away when every step is done or skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.services import Services
from companion.ui.widgets.common import button, label

SKIPPED = "first_steps/skipped"


@dataclass(frozen=True)
class Step:
    key: str
    text: str
    action: str  # the button's words
    done: Callable[[], bool]


class FirstStepsCard(QFrame):
    def __init__(self, services: Services, settings: QSettings | None = None) -> None:
        super().__init__()
        self._services = services
        self._settings = settings
        self.setProperty("role", "note")
        self.setAccessibleName(self.tr("First steps"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("First steps"), "subtitle"))
        layout.addWidget(
            label(self.tr("Three things make the app useful from the start. Skip any of them."))
        )
        self.steps = [
            Step(
                "care_team",
                self.tr("1. Add your care team's phone number, so it is shown with every warning."),
                self.tr("Add the number…"),
                lambda: bool(services.profile.get().care_team_phone),
            ),
            Step(
                "treatment",
                self.tr("2. Add your current treatment, chosen from the library."),
                self.tr("Add my treatment…"),
                services.treatments.lines.any_line,
            ),
            Step(
                "next_visit",
                self.tr("3. Add your next visit, to gather questions for it."),
                self.tr("Add my next visit…"),
                lambda: services.visits.next_visit() is not None,
            ),
        ]
        self.rows: dict[str, tuple[QWidget, QLabel, QPushButton, QPushButton]] = {}
        for step in self.steps:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = label(step.text)
            go = button(step.action)
            skip = button(self.tr("Skip"), self.tr("Skip: {step}").format(step=step.text))
            go.clicked.connect(lambda _c=False, k=step.key: self.start(k))
            skip.clicked.connect(lambda _c=False, k=step.key: self.skip(k))
            line.addWidget(text, 1)
            line.addWidget(go)
            line.addWidget(skip)
            layout.addWidget(row)
            self.rows[step.key] = (row, text, go, skip)
        self.refresh()

    def _skipped(self) -> set[str]:
        if self._settings is None:
            return set()
        value = self._settings.value(SKIPPED, [])
        return {str(v) for v in (value if isinstance(value, list) else [value]) if v}

    def open_steps(self) -> list[str]:
        skipped = self._skipped()
        return [s.key for s in self.steps if s.key not in skipped and not s.done()]

    def refresh(self) -> None:
        open_steps = self.open_steps()
        for key, (row, *_rest) in self.rows.items():
            row.setVisible(key in open_steps)
        self.setVisible(bool(open_steps))

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def skip(self, key: str) -> None:
        if self._settings is not None:
            self._settings.setValue(SKIPPED, sorted(self._skipped() | {key}))
        self.refresh()

    def start(self, key: str) -> None:
        """Open the place where the step is done."""
        window = self.window()
        show_page = getattr(window, "show_page", None)
        page_of = getattr(window, "page", None)
        if show_page is None or page_of is None:
            return
        if key == "care_team":
            show_page("settings")
            page_of("settings").care_team_edit.setFocus()
        elif key == "treatment":
            show_page("treatments")
            treatments = page_of("treatments")
            treatments.show_tab("lines")
            treatments.lines_tab.add_button.click()
        elif key == "next_visit":
            show_page("visits")
            page_of("visits").open_editor(None)
