"""Paged documents through Qt's print system: one header and footer on every page.

A report is HTML (Qt's rich-text subset) plus named images. The same painter code serves
the PDF file and the print preview, so what is previewed is what is saved.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from companion.errors import CompanionError
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

    def header_text(self) -> str:
        parts = [self.title, self.patient_name, self.period]
        return "  ·  ".join(p for p in parts if p)


def _text_document(report: ReportDocument, width: float) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont()
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    for name, image in report.images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(report.html)
    # Laid out in points; the painter scales to the device, so sizes are true print sizes.
    document.setPageSize(QSizeF(width, 1e9))
    return document


def paint_report(
    painter: QPainter, page_rect: QRectF, report: ReportDocument, new_page: Callable[[], object]
) -> int:
    """Paint the report page by page into page_rect (device units). Returns the page count."""
    scale = painter.device().logicalDpiX() / 72.0
    header_height = BODY_POINT_SIZE * 2.2 * scale
    footer_height = BODY_POINT_SIZE * 2.0 * scale
    body = QRectF(
        page_rect.left(),
        page_rect.top() + header_height,
        page_rect.width(),
        page_rect.height() - header_height - footer_height,
    )
    document = _text_document(report, body.width() / scale)
    document.setPageSize(QSizeF(body.width() / scale, body.height() / scale))
    pages = max(1, document.pageCount())
    small = QFont()
    small.setPointSizeF(BODY_POINT_SIZE * 0.8)
    for index in range(pages):
        if index:
            new_page()
        painter.save()
        painter.setFont(small)
        painter.drawText(
            QRectF(page_rect.left(), page_rect.top(), page_rect.width(), header_height * 0.7),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            report.header_text(),
        )
        painter.drawLine(
            page_rect.left(),
            page_rect.top() + header_height * 0.75,
            page_rect.right(),
            page_rect.top() + header_height * 0.75,
        )
        painter.drawText(
            QRectF(
                page_rect.left(),
                page_rect.bottom() - footer_height * 0.8,
                page_rect.width(),
                footer_height * 0.8,
            ),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            page_label(index + 1, pages),
        )
        painter.translate(body.left(), body.top() - index * body.height())
        painter.scale(scale, scale)
        clip = QRectF(0, index * body.height() / scale, body.width() / scale, body.height() / scale)
        painter.setClipRect(clip)
        document.drawContents(painter, clip)
        painter.restore()
    return pages


def write_pdf(report: ReportDocument, path: Path) -> int:
    """Write the report as a PDF (fonts embedded by Qt). Returns the page count.

    Written to a temporary file first, so a full disk never leaves half a report behind.
    """
    ensure_gui_application()
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(report.title)
    writer.setCreator("HER2 Companion")
    writer.setResolution(300)
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
        raise CompanionError(f"Cannot write {path}.")
    try:
        rect = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        rect.moveTo(0, 0)
        pages = paint_report(painter, rect, report, writer.newPage)
    finally:
        painter.end()
    try:
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CompanionError(f"Cannot write {path}: {exc.strerror}.") from exc
    return pages


def print_report(printer: QPrinter, report: ReportDocument) -> None:
    """Paint onto a printer (used by the print preview dialog and real printers)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        rect = printer.pageLayout().paintRectPixels(printer.resolution()).toRectF()
        rect.moveTo(0, 0)
        paint_report(painter, rect, report, printer.newPage)
    finally:
        painter.end()
