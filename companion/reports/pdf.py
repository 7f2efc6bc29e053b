"""Paged documents through Qt's print system: one header and footer on every page.

A report is HTML (Qt's rich-text subset) plus named images. The same painter code serves
the PDF file and the print preview, so what is previewed is what is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QLineF,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from companion import atomic_file
from companion.reports.qt_context import ensure_gui_application

LETTER_COUNTRIES = {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR"}
BODY_POINT_SIZE = 12.0  # print type: larger than usual, for tired eyes
PAGE_MARGIN_MM = 16.0


def page_label(number: int, total: int) -> str:
    return QCoreApplication.translate("Report", "Page {number} of {total}").format(
        number=number, total=total
    )


def default_page_size(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """Letter where it is the local paper, A4 everywhere else."""
    name = (locale or QLocale()).name()
    country = name.split("_")[1] if "_" in name else ""
    return QPageSize.PageSizeId.Letter if country in LETTER_COUNTRIES else QPageSize.PageSizeId.A4


@dataclass
class ReportDocument:
    title: str
    patient_name: str
    period: str  # e.g. the date range or the visit date, shown on every page
    html: str
    images: dict[str, QImage] = field(default_factory=dict)
    page_size: QPageSize.PageSizeId | None = None
    # Black and greys only (text, rules and images): the PDF is written in grey levels,
    # which look the same and spare Qt a JPEG encoding of every image (a third of the time).
    grayscale: bool = False

    def header_text(self) -> str:
        parts = [self.title, self.patient_name, self.period]
        return "  ·  ".join(p for p in parts if p)

    def paint(self, painter: QPainter, page_rect: QRectF, new_page: Callable[[], object]) -> int:
        return paint_report(painter, page_rect, self, new_page)


class PaintedReport(Protocol):
    """A report that lays out its own pages (e.g. to keep blocks whole across page breaks).

    write_pdf() and print_report() accept it as well as a ReportDocument.
    """

    title: str
    page_size: QPageSize.PageSizeId | None

    def paint(self, painter: QPainter, page_rect: QRectF, new_page: Callable[[], object]) -> int:
        """Paint every page into page_rect (device units); return the page count."""
        ...


_POINT_DEVICE: list[QImage] = []


def point_device() -> QImage:
    """A 72-dpi device for text layout: one layout unit is one point on paper.

    Without it QTextDocument uses the screen's dpi (96, or 144 on a scaled desktop), and
    the painter's points-to-device scale would print every font that much too large.
    """
    if not _POINT_DEVICE:
        image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(72 / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        _POINT_DEVICE.append(image)
    return _POINT_DEVICE[0]


def _text_document(report: ReportDocument, width: float, height: float = 1e9) -> QTextDocument:
    """The report's text laid out in pages of width × height points."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(point_device())
    document.setDocumentMargin(0)
    font = QFont()
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    for name, image in report.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # Laid out in points; the painter scales to the device, so sizes are true print sizes.
    # The page size before the text: the text is laid out once, in its pages.
    document.setPageSize(QSizeF(width, height))
    document.setHtml(report.html)
    return document


def image_tag(name: str, width_pt: float, height_pt: float | None = None) -> str:
    """An <img> printed width_pt (× height_pt) points large.

    Qt's rich text reads an image's width and height as pixels at 96 dpi and scales them to
    the paint device (72 dpi here): width='480' printed 360 points wide, and every chart's
    8-point labels came out at 6."""
    size = f" width='{width_pt * 96 / 72:.0f}'"
    if height_pt is not None:
        size += f" height='{height_pt * 96 / 72:.0f}'"
    return f"<img src='{name}'{size}>"


def paginate(document: QTextDocument, page: QSizeF) -> None:
    """Lay the document out in pages of this size, keeping each heading with what follows.

    Qt's rich text has no keep-with-next, so a heading that would sit in the last lines of a
    page (an orphan) gets a page break before it; later headings are checked after the move.
    """
    if document.pageSize() != page:
        document.setPageSize(page)  # each change lays the whole document out again
    layout = document.documentLayout()
    follow = QFontMetricsF(document.defaultFont(), point_device()).lineSpacing() * 3
    block = document.begin()
    while block.isValid():
        heading = block.blockFormat()
        if heading.headingLevel() > 0 and block.layout().lineCount() > 0:
            rect = layout.blockBoundingRect(block)
            offset = rect.top() % page.height()
            # The next two blocks come along too (a line and its chart), up to half a page.
            after, following = block.next(), 0.0
            for _ in range(2):
                if after.isValid():
                    following += layout.blockBoundingRect(after).height()
                    after = after.next()
            needed = rect.height() + max(follow, min(following, page.height() / 2))
            if offset > 1 and page.height() - offset < needed:
                moved = QTextBlockFormat(heading)
                moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(moved)
        block = block.next()


def device_scale(painter: QPainter) -> float:
    """Device pixels per point: lay out in points, paint at true print size."""
    return painter.device().logicalDpiX() / 72.0


def body_rect(painter: QPainter, page_rect: QRectF) -> QRectF:
    """The part of the page between the header and the footer (device units)."""
    scale = device_scale(painter)
    header_height = BODY_POINT_SIZE * 2.2 * scale
    footer_height = BODY_POINT_SIZE * 2.0 * scale
    return QRectF(
        page_rect.left(),
        page_rect.top() + header_height,
        page_rect.width(),
        page_rect.height() - header_height - footer_height,
    )


def paint_frame(
    painter: QPainter, page_rect: QRectF, header_text: str, number: int, total: int
) -> None:
    """The header line (title · patient · period) and 'Page n of N' of one page."""
    scale = device_scale(painter)
    header_height = BODY_POINT_SIZE * 2.2 * scale
    footer_height = BODY_POINT_SIZE * 2.0 * scale
    small = QFont()
    small.setPointSizeF(BODY_POINT_SIZE * 0.8)
    painter.save()
    painter.setFont(small)
    painter.drawText(
        QRectF(page_rect.left(), page_rect.top(), page_rect.width(), header_height * 0.7),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        header_text,
    )
    rule_y = page_rect.top() + header_height * 0.75
    painter.drawLine(QLineF(page_rect.left(), rule_y, page_rect.right(), rule_y))
    painter.drawText(
        QRectF(
            page_rect.left(),
            page_rect.bottom() - footer_height * 0.8,
            page_rect.width(),
            footer_height * 0.8,
        ),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        page_label(number, total),
    )
    painter.restore()


def paint_report(
    painter: QPainter, page_rect: QRectF, report: ReportDocument, new_page: Callable[[], object]
) -> int:
    """Paint the report page by page into page_rect (device units). Returns the page count."""
    scale = device_scale(painter)
    body = body_rect(painter, page_rect)
    page = QSizeF(body.width() / scale, body.height() / scale)
    document = _text_document(report, page.width(), page.height())
    paginate(document, page)
    pages = max(1, document.pageCount())
    for index in range(pages):
        if index:
            new_page()
        paint_frame(painter, page_rect, report.header_text(), index + 1, pages)
        painter.save()
        painter.translate(body.left(), body.top() - index * body.height())
        painter.scale(scale, scale)
        clip = QRectF(0, index * body.height() / scale, body.width() / scale, body.height() / scale)
        painter.setClipRect(clip)
        document.drawContents(painter, clip)
        painter.restore()
    return pages


def body_size_points(page_size: QPageSize.PageSizeId | None) -> QSizeF:
    """Width and height (points) of the body of a page of write_pdf(), header and footer off."""
    size = QPageSize(page_size or default_page_size()).size(QPageSize.Unit.Point)
    margin = PAGE_MARGIN_MM * 72 / 25.4
    return QSizeF(size.width() - 2 * margin, size.height() - 2 * margin - BODY_POINT_SIZE * 4.2)


def page_count(report: ReportDocument) -> int:
    """How many pages write_pdf() will give this report (to fit a one-page summary)."""
    ensure_gui_application()
    body = body_size_points(report.page_size)
    document = _text_document(report, body.width(), body.height())
    paginate(document, body)
    return max(1, document.pageCount())


def write_pdf(report: ReportDocument | PaintedReport, path: Path) -> int:
    """Write the report as a PDF (fonts embedded by Qt). Returns the page count.

    Written to a temporary file first, so a full disk never leaves half a report behind.
    """
    ensure_gui_application()
    path = Path(path)
    with atomic_file.atomic_path(path) as partial:
        pages = _paint_pdf(report, partial)
        # Qt reports success even when the disk filled up mid-file: check the PDF's end.
        if pages is None or not _ends_like_a_pdf(partial):
            raise atomic_file.write_failure(path)
    return pages


def _ends_like_a_pdf(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 64))
        return b"%%EOF" in handle.read()


def _paint_pdf(report: ReportDocument | PaintedReport, partial: Path) -> int | None:
    """Paint every page into partial; None when Qt's writer reports a failure."""
    writer = QPdfWriter(str(partial))
    writer.setTitle(report.title)
    writer.setCreator("HER2 Companion")
    writer.setResolution(300)
    if getattr(report, "grayscale", False):
        writer.setColorModel(QPdfWriter.ColorModel.Grayscale)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(report.page_size or default_page_size()),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        return None
    finished = False
    try:
        rect = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        rect.moveTo(0, 0)
        pages = report.paint(painter, rect, writer.newPage)
    finally:
        finished = painter.end()
    return pages if finished else None


def print_report(printer: QPrinter, report: ReportDocument | PaintedReport) -> None:
    """Paint onto a printer (used by the print preview dialog and real printers)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution()).toRectF()
        rect.moveTo(0, 0)
        report.paint(painter, rect, printer.newPage)
    finally:
        painter.end()
