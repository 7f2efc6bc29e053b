"""The Treatments page, used as a patient would: clicking, typing, choosing."""

from __future__ import annotations

from datetime import date, timedelta

from fixed_time import TODAY
from PySide6.QtCore import Qt
from treatment_steps import answer_next_question, choose, click, type_date, type_into

from companion.treatments.current import current_drug_ids


def test_create_edit_and_end_a_line(qtbot, treatments_page) -> None:
    tab = treatments_page.lines_tab
    treatments_page.show_tab("lines")
    assert tab.table.row_texts() == []
    click(qtbot, tab.add_button)
    dialog = tab.dialog
    assert dialog.isVisible()
    type_into(qtbot, dialog.regimen, "T-DXd")
    type_into(qtbot, dialog.drugs.entry, "Enhertu")
    qtbot.keyClick(dialog.drugs.entry, Qt.Key.Key_Return)
    type_into(qtbot, dialog.drugs.entry, "Trial pill XY")
    click(qtbot, dialog.drugs.add_button)
    assert [dialog.drugs.list.item(i).text() for i in range(2)] == [
        "Enhertu (Trastuzumab deruxtecan)",
        "Trial pill XY (typed; not in the library)",
    ]
    start = TODAY - timedelta(days=60)
    type_date(qtbot, dialog.start, start)
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert tab.table.row_texts() == [
        ["Line 1 (metastatic)", "T-DXd", f"since {start.day} {start:%b %Y}", ""]
    ]
    assert current_drug_ids(treatments_page._services.store) == ["trastuzumab-deruxtecan"]

    # Change it: a new regimen name, one drug removed.
    click(qtbot, tab.edit_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.regimen, "Trastuzumab deruxtecan")
    dialog.drugs.list.setCurrentRow(1)
    click(qtbot, dialog.drugs.remove_button)
    click(qtbot, dialog.save_button)
    assert tab.table.row_texts()[0][1] == "Trastuzumab deruxtecan"
    assert tab.drugs.row_texts()[0][0] == "Enhertu (Trastuzumab deruxtecan)"

    # End it, first with a date before the start: refused, nothing changes.
    click(qtbot, tab.end_button)
    dialog = tab.dialog
    type_date(qtbot, dialog.end, start - timedelta(days=5))
    choose(qtbot, dialog.reason, "Side effects")
    type_into(qtbot, dialog.note, "Lung inflammation")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert "before its start" in dialog.message.text()
    assert treatments_page._services.treatments.lines.lines()[0].end_date is None
    type_date(qtbot, dialog.end, TODAY - timedelta(days=1))
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert tab.table.row_texts()[0][3] == "Side effects"
    assert "Lung inflammation" in tab.detail_text.text()
    assert not tab.end_button.isEnabled()
    assert current_drug_ids(treatments_page._services.store) == []

    # Edit ▸ Undo brings the open line back.
    treatments_page.window().undo_action.trigger()
    assert tab.table.row_texts()[0][3] == ""
    assert tab.end_button.isEnabled()


def test_treatment_days_need_a_reason_for_a_delay(qtbot, treatments_page) -> None:
    record = treatments_page._services.treatments
    from companion.treatments.lines import DrugInput, LineInput

    record.lines.add(
        LineInput("metastatic", 1, "THP", TODAY - timedelta(days=30), (DrugInput("Herceptin"),))
    )
    treatments_page.refresh()
    tab = treatments_page.lines_tab
    click(qtbot, tab.given_button)
    dialog = tab.dialog
    assert dialog.cycle.value() == 1
    type_date(qtbot, dialog.day, TODAY - timedelta(days=30))
    click(qtbot, dialog.save_button)
    click(qtbot, tab.delay_button)
    dialog = tab.dialog
    click(qtbot, dialog.save_button)
    assert "reason for the delay" in dialog.message.text()
    type_into(qtbot, dialog.note, "Low white cells")
    click(qtbot, dialog.save_button)
    assert [row[1:] for row in tab.days.row_texts()] == [
        ["Delayed", "", "Low white cells"],
        ["Treatment given", "1", ""],
    ]


def test_add_scans_with_lvef_and_see_the_chart(qtbot, treatments_page) -> None:
    treatments_page.show_tab("scans")
    tab = treatments_page.scans_tab
    assert tab.lvef_chart.point_values() == []
    for days_ago, value in ((200, "62"), (20, "54")):
        click(qtbot, tab.section.add_button)
        dialog = tab.section.dialog
        assert not dialog.lvef.isVisible()  # only for heart scans
        choose(qtbot, dialog.kind, "Echocardiogram")
        assert dialog.lvef.isVisible()
        type_date(qtbot, dialog.day, TODAY - timedelta(days=days_ago))
        type_into(qtbot, dialog.lvef, value)
        type_into(qtbot, dialog.summary, "Heart pumping well")
        click(qtbot, dialog.save_button)
        assert not dialog.isVisible()
    assert tab.lvef_chart.point_values() == [62.0, 54.0]
    baseline = [p.y() for p in tab.lvef_chart.baseline.points()]
    assert baseline == [62.0, 62.0] and tab.lvef_chart.baseline.isVisible()
    assert tab.lvef_summary.text().startswith("Latest: 54% on")
    assert "Your baseline: 62%" in tab.lvef_summary.text()
    assert [r[1:3] for r in tab.section.table.row_texts()] == [
        ["Echocardiogram", "LVEF 54%"],
        ["Echocardiogram", "LVEF 62%"],
    ]

    # A value out of range is refused with a plain message.
    click(qtbot, tab.section.add_button)
    dialog = tab.section.dialog
    choose(qtbot, dialog.kind, "MUGA heart scan")
    type_into(qtbot, dialog.lvef, "150")
    click(qtbot, dialog.save_button)
    assert "between 5 and 95" in dialog.message.text()
    dialog.reject()
    assert tab.lvef_chart.point_values() == [62.0, 54.0]


def test_tumour_markers_chart(qtbot, treatments_page) -> None:
    treatments_page.show_tab("scans")
    tab = treatments_page.scans_tab
    for days_ago, value in ((90, "80"), (10, "35,5")):
        click(qtbot, tab.section.add_button)
        dialog = tab.section.dialog
        choose(qtbot, dialog.kind, "Tumor marker")
        type_date(qtbot, dialog.day, TODAY - timedelta(days=days_ago))
        type_into(qtbot, dialog.marker_value, value)
        click(qtbot, dialog.save_button)
    assert tab.marker_chart.point_values() == [80.0, 35.5]
    assert tab.marker_summary.text().startswith("CA 15-3: latest 35.5 U/mL")


def test_biopsies_with_a_status_change_show_the_note(qtbot, treatments_page) -> None:
    treatments_page.show_tab("biopsies")
    tab = treatments_page.biopsies_tab
    assert tab.change_box.isHidden()
    for when, place, er, ihc in (
        (date(2021, 3, 1), "Breast", "Positive", "3+"),
        (TODAY - timedelta(days=10), "Liver", "Negative", "1+"),
    ):
        click(qtbot, tab.section.add_button)
        dialog = tab.section.dialog
        type_date(qtbot, dialog.fields["Date"], when)
        type_into(qtbot, dialog.fields["Place"], place)
        choose(qtbot, dialog.fields["ER (estrogen)"], er)
        choose(qtbot, dialog.fields["HER2 IHC score"], ihc)
        click(qtbot, dialog.save_button)
    assert tab.change_box.isVisible()
    text = tab.change_text.text()
    assert "Estrogen receptor (ER) changed from positive to negative" in text
    assert "HER2 status changed from HER2-positive to HER2-low" in text
    assert tab.section.table.row_texts()[0][-1] == "HER2-low"
    assert "Latest biopsy" in tab.latest.text()


def test_delete_a_site_then_undo(qtbot, treatments_page) -> None:
    treatments_page.show_tab("sites")
    section = treatments_page.sites_tab.section
    click(qtbot, section.add_button)
    dialog = section.dialog
    choose(qtbot, dialog.fields["Place"], "Liver")
    click(qtbot, dialog.save_button)
    assert [r[0] for r in section.table.row_texts()] == ["Liver"]
    section.table.select_id(section.table.current_id())
    answer_next_question(qtbot, yes=True)
    click(qtbot, section.delete_button)
    assert section.table.row_texts() == []
    assert treatments_page.window().undo_stack.undoText() == "Delete Liver"
    treatments_page.window().undo_action.trigger()  # Edit ▸ Undo
    assert [r[0] for r in section.table.row_texts()] == ["Liver"]


def test_columns_stack_when_the_window_is_narrow(qtbot, treatments_page) -> None:
    window = treatments_page.window()
    treatments_page.show_tab("lines")
    window.resize(1500, 900)
    qtbot.waitUntil(lambda: not treatments_page.lines_tab.columns.stacked)
    window.resize(800, 900)
    qtbot.waitUntil(lambda: treatments_page.lines_tab.columns.stacked)
    # Stacked, nothing needs sideways scrolling.
    scroller = treatments_page.parentWidget().parentWidget()
    assert not scroller.horizontalScrollBar().isVisible()


def test_surgery_added_then_changed_with_the_keyboard_only(qtbot, treatments_page) -> None:
    section = treatments_page.lines_tab.procedures
    click(qtbot, section.add_button)
    dialog = section.dialog
    choose(qtbot, dialog.fields["Kind"], "Radiation")
    type_into(qtbot, dialog.fields["What"], "Radiation to the spine")
    type_date(qtbot, dialog.fields["Date"], TODAY - timedelta(days=20))
    qtbot.keyClick(dialog.fields["What"], Qt.Key.Key_Return)  # Enter saves the form
    assert not dialog.isVisible()
    assert section.table.row_texts()[0][1] == "Radiation to the spine"
    # Enter on the row opens it again; change the note and save with Enter.
    section.table.table.setFocus()
    qtbot.keyClick(section.table.table, Qt.Key.Key_Return)
    dialog = section.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Change surgery or radiation"
    type_into(qtbot, dialog.fields["What"], "Radiation to T10")
    qtbot.keyClick(dialog.fields["What"], Qt.Key.Key_Return)
    assert section.table.row_texts()[0][1] == "Radiation to T10"
    treatments_page.window().undo_action.trigger()
    assert section.table.row_texts()[0][1] == "Radiation to the spine"
