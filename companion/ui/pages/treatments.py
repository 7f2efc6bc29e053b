"""Treatments: the patient's whole course in one place, one tab per kind of record."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from companion.services import Services
from companion.treatments.timeline import TimelineEvent
from companion.ui.treatments.biopsies_tab import BiopsiesTab
from companion.ui.treatments.lines_tab import LinesTab
from companion.ui.treatments.medicines_tab import MedicinesTab
from companion.ui.treatments.scans_tab import ScansTab
from companion.ui.treatments.sites_tab import SitesTab
from companion.ui.treatments.timeline_tab import TimelineTab
from companion.ui.widgets.common import Page, button, heading, label
from companion.ui.widgets.fitted_tabs import FittedTabs

# Which tab shows each kind of timeline event.
EVENT_TABS = {
    "line": "lines",
    "line_end": "lines",
    "administration": "lines",
    "procedure": "lines",
    "test": "scans",
    "biopsy": "biopsies",
    "site": "sites",
}


class TreatmentsPage(Page):
    page_id = "treatments"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        record = services.treatments
        self.setAccessibleName(self.tr("Treatments"))
        self.lines_tab = LinesTab(record)
        self.medicines_tab = MedicinesTab(record)
        self.scans_tab = ScansTab(record)
        self.biopsies_tab = BiopsiesTab(record)
        self.sites_tab = SitesTab(record)
        self.timeline_tab = TimelineTab(record)
        self.tabs = FittedTabs()
        self.tabs.setAccessibleName(self.tr("Treatment history sections"))
        self.tabs.setDocumentMode(True)
        self._tab_ids: list[str] = []
        for tab_id, widget, title in (
            ("lines", self.lines_tab, self.tr("&Lines")),
            ("medicines", self.medicines_tab, self.tr("&Medicines")),
            ("scans", self.scans_tab, self.tr("&Scans && tests")),
            ("biopsies", self.biopsies_tab, self.tr("&Biopsies")),
            ("sites", self.sites_tab, self.tr("S&ites of spread")),
            ("timeline", self.timeline_tab, self.tr("&Timeline")),
        ):
            widget.setAccessibleName(title.replace("&&", "and").replace("&", ""))
            self.tabs.addTab(widget, title)
            self._tab_ids.append(tab_id)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.medicines_tab.print_requested.connect(self.print_medicines)
        self.timeline_tab.open_event.connect(self.show_event)

        self.print_button = button(self.tr("Print summary…"))
        self.print_button.clicked.connect(self.print_summary)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading(self.tr("Treatments")))
        titles.addWidget(
            label(
                self.tr("Your treatment history, medicines, scans and biopsies in one place."),
                "muted",
            )
        )
        top.addLayout(titles, 1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_current()

    def _refresh_current(self) -> None:
        widget = self.tabs.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if refresh is not None:
            refresh()

    def tab(self, tab_id: str) -> QWidget:
        found = self.tabs.widget(self._tab_ids.index(tab_id))
        assert found is not None  # every id names a tab
        return found

    def show_tab(self, tab_id: str) -> None:
        self.tabs.setCurrentIndex(self._tab_ids.index(tab_id))

    def show_event(self, event: TimelineEvent) -> None:
        """Open a timeline event on its own tab, with its entry selected."""
        tab_id = EVENT_TABS.get(event.kind)
        if tab_id is None or event.ref_id is None:
            return
        self.show_tab(tab_id)
        if event.kind == "procedure":
            self.lines_tab.procedures.table.select_id(event.ref_id)
            self.lines_tab.procedures.table.table.setFocus()
            return
        table = {
            "lines": self.lines_tab.table,
            "scans": self.scans_tab.section.table,
            "biopsies": self.biopsies_tab.section.table,
            "sites": self.sites_tab.section.table,
        }[tab_id]
        table.select_id(event.ref_id)
        table.table.setFocus()

    # -- printing ------------------------------------------------------------------------
    def print_page(self) -> None:
        """File ▸ Print: the medicines list from the Medicines tab, else the summary."""
        if self.tabs.currentWidget() is self.medicines_tab:
            self.print_medicines()
        else:
            self.print_summary()

    def print_summary(self) -> None:
        from companion.reports.treatment_summary import build_treatment_summary
        from companion.ui.printing import preview_report  # printing loads when first used

        self.preview = preview_report(self, lambda: build_treatment_summary(self._services))

    def print_medicines(self) -> None:
        from companion.reports.treatment_summary import build_medicines_list
        from companion.ui.printing import preview_report

        self.preview = preview_report(self, lambda: build_medicines_list(self._services))
