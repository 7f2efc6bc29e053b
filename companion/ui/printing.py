"""Print preview for any report: the same painter code as the PDF export."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from companion.reports.pdf import PaintedReport, ReportDocument, default_page_size, print_report


def preview_report(
    parent: QWidget, build: Callable[[], ReportDocument | PaintedReport]
) -> QPrintPreviewDialog:
    """Open Qt's print preview (print or save as PDF from there). Returns the open dialog."""
    report = build()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(report.page_size or default_page_size()))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setAccessibleName(QCoreApplication.translate("Printing", "Print preview"))
    # Keep the printer alive as long as the dialog: a collected QPrinter crashes the preview.
    dialog.setProperty("_printer_ref", id(printer))
    dialog._printer = printer  # type: ignore[attr-defined]  # a Python attribute keeps the QPrinter alive
    dialog.paintRequested.connect(lambda p: print_report(p, build()))
    # The preview's own Print has no key: Ctrl+P again prints, so printing is Ctrl+P twice.
    qt_context, qt_text = "QPrintPreviewDialog", "Print"  # Qt's own catalogue has it
    printing = QCoreApplication.translate(qt_context, qt_text)
    for action in dialog.findChildren(QAction):
        if action.text() == printing:
            action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
            dialog.print_action = action  # type: ignore[attr-defined]  # a Python attribute: Ctrl+P and tests reach the Print action
    dialog.open()
    return dialog
