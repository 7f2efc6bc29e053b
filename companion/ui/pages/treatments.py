"""Treatments: the patient's whole course in one place, one tab per kind of record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from companion.services import Services
from companion.treatments.timeline import TimelineEvent
from companion.ui.widgets.common import Page, button, heading, label
from companion.ui.widgets.fitted_tabs import FittedTabs

if TYPE_CHECKING:
    from companion.ui.treatments.biopsies_tab import BiopsiesTab
    from companion.ui.treatments.lines_tab import LinesTab
    from companion.ui.treatments.medicines_tab import MedicinesTab
    from companion.ui.treatments.scans_tab import ScansTab
    from companion.ui.treatments.sites_tab import SitesTab
    from companion.ui.treatments.timeline_tab import TimelineTab

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
        self.setAccessibleName(self.tr("Treatments"))
        self.tabs = FittedTabs()
        self.tabs.setAccessibleName(self.tr("Treatment history sections"))
        self.tabs.setDocumentMode(True)
        self._titles = {
            "lines": self.tr("&Lines"),
            "medicines": self.tr("&Medicines"),
            "scans": self.tr("&Scans && tests"),
            "biopsies": self.tr("&Biopsies"),
            "sites": self.tr("S&ites of spread"),
            "timeline": self.tr("&Timeline"),
        }
        self._tab_ids = list(self._titles)
        self._built: dict[str, QWidget] = {}
        # Each tab (its module, tables and charts) is built into its holder when first
        # shown, so the tab bar is complete from the start and nothing hidden is built.
        self._holders: dict[str, QWidget] = {}
        for tab_id, title in self._titles.items():
            holder = QWidget()
            holder.setAccessibleName(_plain(title))
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, title)
            self._holders[tab_id] = holder
        # Even the first tab waits for the first refresh(), when the page is in its place in
        # the window: a tab shown before would be polished by the style sheet here and
        # polished all over again as the page moves into the window.
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())

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
        refresh = getattr(self.current_tab(), "refresh", None)
        if refresh is not None:
            refresh()

    def tab(self, tab_id: str) -> QWidget:
        """The tab's widget, built now if it was not shown before."""
        built = self._built.get(tab_id)
        if built is not None:
            return built
        widget = self._build(tab_id)
        widget.setAccessibleName(_plain(self._titles[tab_id]))
        self._built[tab_id] = widget
        holder_layout = self._holders[tab_id].layout()
        assert holder_layout is not None  # made with the holder
        holder_layout.addWidget(widget)
        widget.show()  # at once, also when the holder is on screen already
        return widget

    def current_tab(self) -> QWidget:
        """The widget of the tab shown."""
        return self.tab(self._tab_ids[self.tabs.currentIndex()])

    def _build(self, tab_id: str) -> QWidget:
        record = self._services.treatments
        if tab_id == "lines":
            from companion.ui.treatments.lines_tab import LinesTab

            return LinesTab(record, self._holders[tab_id])  # made in place: polished once
        if tab_id == "medicines":
            from companion.ui.treatments.medicines_tab import MedicinesTab

            medicines = MedicinesTab(record)
            medicines.print_requested.connect(self.print_medicines)
            return medicines
        if tab_id == "scans":
            from companion.ui.treatments.scans_tab import ScansTab

            return ScansTab(record)
        if tab_id == "biopsies":
            from companion.ui.treatments.biopsies_tab import BiopsiesTab

            return BiopsiesTab(record)
        if tab_id == "sites":
            from companion.ui.treatments.sites_tab import SitesTab

            return SitesTab(record)
        from companion.ui.treatments.timeline_tab import TimelineTab

        timeline = TimelineTab(record)
        timeline.open_event.connect(self.show_event)
        return timeline

    @property
    def lines_tab(self) -> LinesTab:
        return self.tab("lines")  # type: ignore[return-value]  # tab() builds the tab of that id

    @property
    def medicines_tab(self) -> MedicinesTab:
        return self.tab("medicines")  # type: ignore[return-value]  # tab() builds the tab of that id

    @property
    def scans_tab(self) -> ScansTab:
        return self.tab("scans")  # type: ignore[return-value]  # tab() builds the tab of that id

    @property
    def biopsies_tab(self) -> BiopsiesTab:
        return self.tab("biopsies")  # type: ignore[return-value]  # tab() builds the tab of that id

    @property
    def sites_tab(self) -> SitesTab:
        return self.tab("sites")  # type: ignore[return-value]  # tab() builds the tab of that id

    @property
    def timeline_tab(self) -> TimelineTab:
        return self.tab("timeline")  # type: ignore[return-value]  # tab() builds the tab of that id

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
        if self._tab_ids[self.tabs.currentIndex()] == "medicines":
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


def _plain(title: str) -> str:
    """A tab title without its mnemonic: "&Scans && tests" → "Scans and tests"."""
    return title.replace("&&", "and").replace("&", "")
