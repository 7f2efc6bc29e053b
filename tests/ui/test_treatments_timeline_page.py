"""The timeline and printing on the demo patient's Treatments page."""

from __future__ import annotations

from fixed_time import TODAY
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from treatment_steps import click

from companion.treatments.timeline import TimelineEvent


def test_timeline_lists_events_in_order_and_follows_the_keyboard(
    qtbot, demo_treatments_page
) -> None:
    demo_treatments_page.show_tab("timeline")
    tab = demo_treatments_page.timeline_tab
    events = tab.visible_events()
    days = [e.day for e in events]
    assert days == sorted(days)
    assert {"line", "line_end", "procedure", "test", "biopsy", "site", "visit", "symptoms"} <= {
        e.kind for e in events
    }
    # It opens on the latest event up to today.
    current = tab.tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert current.day == max(d for d in days if d <= TODAY)

    tree = tab.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert tree.currentItem().text(0) == "2020"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    first = tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert first == events[0] and first.kind == "biopsy"
    qtbot.keyClick(tree, Qt.Key.Key_PageDown)
    assert tree.currentItem().text(0) == "2021"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole).kind == "line_end"
    qtbot.keyClick(tree, Qt.Key.Key_PageUp)
    assert tree.currentItem().text(0) == "2020"

    # Enter on the first biopsy opens it on the Biopsies tab.
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert demo_treatments_page.current_tab() is demo_treatments_page.biopsies_tab
    table = demo_treatments_page.biopsies_tab.section.table
    assert table.current_id() == first.ref_id
    assert table.row_texts()[table.table.currentRow()][1] == "Left breast"


def test_timeline_filters_and_year_buttons(qtbot, demo_treatments_page) -> None:
    demo_treatments_page.show_tab("timeline")
    tab = demo_treatments_page.timeline_tab
    assert any(e.kind == "symptoms" for e in tab.visible_events())
    click(qtbot, tab.filters["symptoms"])
    assert not tab.filters["symptoms"].isChecked()
    assert all(e.kind != "symptoms" for e in tab.visible_events())
    click(qtbot, tab.year_buttons[2021])
    assert tab.tree.currentItem().text(0) == "2021"
    assert tab.tree.hasFocus() or tab.tree.currentItem().isExpanded()
    assert all(isinstance(e, TimelineEvent) for e in tab.visible_events())


def test_file_print_previews_the_summary_or_the_medicines_list(qtbot, demo_treatments_page) -> None:
    window = demo_treatments_page.window()
    window.print_action.trigger()  # File ▸ Print
    preview = demo_treatments_page.preview
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    preview.close()
    demo_treatments_page.show_tab("medicines")
    click(qtbot, demo_treatments_page.medicines_tab.print_button)
    assert demo_treatments_page.preview is not preview and demo_treatments_page.preview.isVisible()
    demo_treatments_page.preview.close()


def test_medicines_add_and_stop(qtbot, demo_treatments_page) -> None:
    from treatment_steps import type_into

    demo_treatments_page.show_tab("medicines")
    tab = demo_treatments_page.medicines_tab
    assert [r[0] for r in tab.cancer.row_texts()] == ["Tucatinib", "Trastuzumab", "Capecitabine"]
    others = tab.others
    click(qtbot, others.add_button)
    dialog = others.dialog
    type_into(qtbot, dialog.fields["Name"], "Dexamethasone mouthwash")
    type_into(qtbot, dialog.fields["For"], "Mouth sores")
    click(qtbot, dialog.save_button)
    names = [r[0] for r in others.table.row_texts()]
    assert "Dexamethasone mouthwash" in names
    assert others.table.current_id() is not None
    click(qtbot, others.stop_button)
    click(qtbot, others.dialog.save_button)
    row = next(r for r in others.table.row_texts() if r[0] == "Dexamethasone mouthwash")
    assert row[4] != ""  # the stop date shows
    listed = demo_treatments_page._services.treatments.medicines.current_list(TODAY)
    assert "Dexamethasone mouthwash" in [m.name for m in listed]  # stopped today: still today
