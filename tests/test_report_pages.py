"""Paged reports: a heading never ends a page without what it heads."""

from __future__ import annotations

from PySide6.QtCore import QSizeF

from companion.reports.pdf import ReportDocument, _text_document, paginate

PAGE = QSizeF(480, 640)
ROOM_BELOW = 30.0  # at least two lines of what a heading heads stay on its page


def _orphaned_headings(filler_paragraphs: int, keep_with_next: bool) -> int:
    html = "".join(f"<p>Filler line {n} of the report.</p>" for n in range(filler_paragraphs))
    html += "<h2>Biopsies</h2><table border='1'>" + "<tr><td>row</td></tr>" * 6 + "</table>"
    html += "<h2>Sites</h2><p>Liver, bone.</p>"
    report = ReportDocument(title="t", patient_name="", period="", html=html)
    document = _text_document(report, PAGE.width())
    if keep_with_next:
        paginate(document, PAGE)
    else:
        document.setPageSize(PAGE)
    layout = document.documentLayout()
    orphans = 0
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            rect = layout.blockBoundingRect(block)
            offset = rect.top() % PAGE.height()
            if offset >= 1 and PAGE.height() - offset - rect.height() < ROOM_BELOW:
                orphans += 1
        block = block.next()
    return orphans


def test_a_heading_moves_to_the_next_page_rather_than_end_one(qapp) -> None:  # type: ignore[no-untyped-def]
    fillers = range(0, 60)  # walks both headings across the end of the first page
    assert sum(_orphaned_headings(n, keep_with_next=False) for n in fillers) > 0
    assert [n for n in fillers if _orphaned_headings(n, keep_with_next=True)] == []
