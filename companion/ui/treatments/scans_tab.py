"""The Scans & tests tab: every scan and test, the LVEF chart with the baseline, and
tumour markers over time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from companion.treatments.labels import (
    LVEF_KINDS,
    MARKER_NAMES,
    TEST_KINDS,
    day_text,
    test_kind_label,
)
from companion.treatments.record import TreatmentRecord
from companion.treatments.scans import MarkerSeries, ScanInfo, ScanInput
from companion.ui.treatments.charts import TimeChart
from companion.ui.treatments.forms import (
    EntryDialog,
    choice_combo,
    date_edit,
    from_qdate,
    line_edit,
    note_edit,
    number_text,
    parse_number,
)
from companion.ui.treatments.responsive import SideBySide
from companion.ui.treatments.section import EntrySection
from companion.ui.widgets.common import label


def value_text(test: ScanInfo) -> str:
    if test.lvef_percent is not None:
        return f"LVEF {test.lvef_percent:g}%"
    if test.marker_value is not None:
        return f"{test.marker_name} {test.marker_value:g} {test.marker_unit or ''}".strip()
    return ""


class ScanSection(EntrySection):
    def __init__(self, record: TreatmentRecord) -> None:
        self._record = record
        self._items: dict[int, ScanInfo] = {}
        super().__init__(
            record.scans,
            self.tr("Scans and tests"),
            [self.tr("Date"), self.tr("Test"), self.tr("Value"), self.tr("Result")],
            self.tr("No scans or tests yet."),
            self.tr("&Add a scan or test…"),
            stretch=(3,),
        )

    def rows(self) -> list[tuple[int, list[str]]]:
        items = self._record.scans.tests()
        self._items = {t.id: t for t in items}
        return [
            (t.id, [day_text(t.day), test_kind_label(t.kind), value_text(t), t.summary])
            for t in items
        ]

    def describe(self, row_id: int) -> str:
        item = self._items.get(row_id)
        return f"{test_kind_label(item.kind)}, {day_text(item.day)}" if item else ""

    def make_dialog(self, row_id: int | None) -> EntryDialog:
        return ScanDialog(self, self._record, self._items.get(row_id) if row_id else None)


class ScanDialog(EntryDialog):
    def __init__(self, parent: QWidget, record: TreatmentRecord, item: ScanInfo | None) -> None:
        super().__init__(
            QCoreApplication.translate("ScanDialog", "Change scan or test")
            if item
            else QCoreApplication.translate("ScanDialog", "Add a scan or test"),
            parent,
            self._save_scan,
        )
        self._record = record
        self._item = item
        self.kind = choice_combo(
            TEST_KINDS, test_kind_label, item.kind if item else "ct", self.tr("Kind of test")
        )
        self.day = date_edit(item.day if item else record.clock.today(), self.tr("Date"))
        self.summary = note_edit(
            item.summary if item else "",
            self.tr("Result in words"),
            self.tr("e.g. Liver spots smaller. Bones stable."),
        )
        self.lvef = line_edit(
            number_text(item.lvef_percent) if item else "",
            self.tr("LVEF percent"),
            self.tr("e.g. 58"),
        )
        self.marker_name = QComboBox()
        self.marker_name.setEditable(True)
        self.marker_name.addItems(list(MARKER_NAMES))
        self.marker_name.setAccessibleName(self.tr("Marker name"))
        if item and item.marker_name:
            self.marker_name.setCurrentText(item.marker_name)
        self.marker_value = line_edit(
            number_text(item.marker_value) if item else "",
            self.tr("Marker value"),
            self.tr("e.g. 31"),
        )
        self.marker_unit = line_edit(
            (item.marker_unit or "") if item else "U/mL", self.tr("Unit"), "U/mL"
        )
        self.add_row(self.tr("&Kind"), self.kind)
        self.add_row(self.tr("&Date"), self.day)
        self.add_row(self.tr("&LVEF (%)"), self.lvef)
        self.add_row(self.tr("&Marker"), self.marker_name)
        self.add_row(self.tr("&Value"), self.marker_value)
        self.add_row(self.tr("&Unit"), self.marker_unit)
        self.add_row(self.tr("&Result"), self.summary)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_value_rows())
        self._show_value_rows()

    def _show_value_rows(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.lvef, kind in LVEF_KINDS)
        for widget in (self.marker_name, self.marker_value, self.marker_unit):
            self.form.setRowVisible(widget, kind in ("tumour_marker", "blood_test"))

    def _save_scan(self) -> ScanInfo:
        kind = self.kind.currentData()
        has_lvef = kind in LVEF_KINDS
        has_marker = kind in ("tumour_marker", "blood_test")
        marker_value = parse_number(self.marker_value.text(), self.tr("marker value"))
        data = ScanInput(
            kind=kind,
            day=from_qdate(self.day.date()),
            summary=self.summary.toPlainText(),
            lvef_percent=parse_number(self.lvef.text(), "LVEF") if has_lvef else None,
            marker_name=self.marker_name.currentText() if has_marker and marker_value else None,
            marker_value=marker_value if has_marker else None,
            marker_unit=self.marker_unit.text() if has_marker else None,
        )
        if self._item is None:
            return self._record.scans.add(data)
        return self._record.scans.update(self._item.id, data)


class ScansTab(QWidget):
    def __init__(self, record: TreatmentRecord) -> None:
        super().__init__()
        self._record = record
        self._markers: list[MarkerSeries] = []
        self.section = ScanSection(record)
        self.section.changed.connect(self.refresh_charts)

        self.lvef_chart = TimeChart(self.tr("Heart pumping strength (LVEF) chart"), "%")
        self.lvef_summary = label("", "muted")
        self.marker_choice = QComboBox()
        self.marker_choice.setAccessibleName(self.tr("Tumor marker to show"))
        self.marker_choice.currentIndexChanged.connect(lambda _i: self._show_marker())
        self.marker_chart = TimeChart(self.tr("Tumor marker chart"))
        self.marker_summary = label("", "muted")

        charts_column = QWidget()
        charts = QVBoxLayout(charts_column)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addWidget(label(self.tr("Heart pumping strength (LVEF %)"), "subtitle"))
        charts.addWidget(self.lvef_chart, 1)
        charts.addWidget(self.lvef_summary)
        marker_row = QHBoxLayout()
        marker_row.addWidget(label(self.tr("Tumor markers"), "subtitle"), 1)
        marker_row.addWidget(self.marker_choice)
        charts.addLayout(marker_row)
        charts.addWidget(self.marker_chart, 1)
        charts.addWidget(self.marker_summary)
        self.columns = SideBySide(self.section, charts_column, min_em=(30, 24))
        QVBoxLayout(self).addWidget(self.columns)

    def refresh(self) -> None:
        self.section.refresh()  # and the charts, through section.changed

    def refresh_charts(self) -> None:
        series = self._record.scans.lvef()
        baseline_name = ""
        if series.baseline:
            baseline_name = self.tr("Your baseline: {value:g}% ({day})").format(
                value=series.baseline[1], day=day_text(series.baseline[0])
            )
        self.lvef_chart.show_points(
            self.tr("LVEF %"), series.points, series.baseline, baseline_name
        )
        if series.points:
            day, value = series.points[-1]
            self.lvef_summary.setText(
                self.tr("Latest: {value:g}% on {day}. {baseline}.").format(
                    value=value, day=day_text(day), baseline=baseline_name
                )
            )
        else:
            self.lvef_summary.setText(
                self.tr("No LVEF readings yet. Add an echocardiogram or MUGA scan with its value.")
            )
        self.lvef_summary.setAccessibleName(self.lvef_summary.text())
        chosen = self.marker_choice.currentText()
        self._markers = self._record.scans.markers()
        self.marker_choice.blockSignals(True)
        self.marker_choice.clear()
        self.marker_choice.addItems([m.name for m in self._markers])
        if chosen:
            self.marker_choice.setCurrentText(chosen)
        self.marker_choice.blockSignals(False)
        self.marker_choice.setVisible(len(self._markers) > 1)
        self._show_marker()

    def _show_marker(self) -> None:
        index = self.marker_choice.currentIndex()
        if not self._markers or index < 0:
            self.marker_chart.show_points(self.tr("Tumor marker"), [])
            self.marker_summary.setText(self.tr("No tumor marker results yet."))
            return
        marker = self._markers[index]
        self.marker_chart.unit = f" {marker.unit}" if marker.unit else ""
        name = f"{marker.name} ({marker.unit})" if marker.unit else marker.name
        self.marker_chart.show_points(name, marker.points, y_floor=0)
        day, value = marker.points[-1]
        self.marker_summary.setText(
            self.tr("{name}: latest {value:g} {unit} on {day}.").format(
                name=marker.name, value=value, unit=marker.unit, day=day_text(day)
            )
        )
        self.marker_summary.setAccessibleName(self.marker_summary.text())
