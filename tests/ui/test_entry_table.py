"""The treatment record's tables settle: wrapped rows, the table's own scroll bar and the
column widths never chase each other (that loop once crashed the Scans tab)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from companion.ui.treatments.table import RecordTable, share_width


class ResizeCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
        return False


def test_the_scans_tab_settles_after_it_is_shown(demo_window, qtbot) -> None:
    demo_window.show_page("treatments")
    page = demo_window.page("treatments")
    page.show_tab("scans")
    table = page.scans_tab.section.table.table
    qtbot.waitUntil(lambda: not table._fit.isActive())
    qtbot.wait(100)
    counter = ResizeCounter()
    table.viewport().installEventFilter(counter)
    qtbot.wait(500)
    table.viewport().removeEventFilter(counter)
    assert counter.count == 0  # was hundreds a second, the scroll bar flipping on and off
    assert not table._fit.isActive()
    # Every row shows its wrapped text whole.
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row)


def test_the_columns_keep_their_width_whether_or_not_the_table_scrolls(qtbot) -> None:
    record = RecordTable("Scans", ["Date", "Result"], "None yet.", stretch=(1,))
    qtbot.addWidget(record)
    record.resize(record.fontMetrics().averageCharWidth() * 60, record.fontMetrics().height() * 12)
    record.show()
    qtbot.waitExposed(record)
    table = record.table
    words = "Liver spots smaller, bones stable, no new areas of spread seen on this scan."
    record.set_rows([(1, ["1 Dec 2026", words])])
    qtbot.wait(50)
    assert not table.verticalScrollBar().isVisible()
    alone = table.columnWidth(1), table.rowHeight(0)
    record.set_rows([(n, ["1 Dec 2026", words]) for n in range(40)])
    qtbot.waitUntil(table.verticalScrollBar().isVisible)
    qtbot.wait(50)
    assert (table.columnWidth(1), table.rowHeight(0)) == alone
    # The wide column takes the room up to the scroll bar, no more.
    right = table.columnViewportPosition(1) + table.columnWidth(1)
    assert table.viewport().width() - table.verticalScrollBar().width() <= right
    assert right <= table.viewport().width()


def test_short_columns_wrap_before_a_wide_one_cuts_a_word() -> None:
    # Room for everything: short columns on one line, the wide one takes the rest.
    assert share_width([100, 300, 80], [60, 90, 50], wide=[1], room=600) == [100, 420, 80]
    # Too little: each keeps its longest word, the rest goes where the text is longest.
    widths = share_width([150, 300, 180], [90, 100, 60], wide=[1], room=400)
    assert sum(widths) <= 400
    assert all(w >= m for w, m in zip(widths, [90, 100, 60], strict=True))


def test_no_word_in_the_lines_table_is_cut(demo_window, qtbot) -> None:
    demo_window.resize(1200, 800)
    demo_window.show_page("treatments")
    page = demo_window.page("treatments")
    page.show_tab("lines")
    table = page.lines_tab.table.table
    qtbot.waitUntil(lambda: not table._fit.isActive())
    metrics = table.fontMetrics()
    cut = []
    for column in range(table.columnCount()):
        width = table.columnWidth(column)
        texts = [table.horizontalHeaderItem(column).text()]  # a header never wraps
        words = [w for r in range(table.rowCount()) for w in table.item(r, column).text().split()]
        for text in texts + words:
            if metrics.horizontalAdvance(text) > width:
                cut.append((text, width))
    assert not cut  # was "Trastuzuma", "trastuzum", "'hy it ende" at the default window size
