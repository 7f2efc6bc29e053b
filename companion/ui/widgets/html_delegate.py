"""List items drawn from a little rich text (a bold title over a muted line), word-wrapped
to the width of the list. Items without HTML_ROLE are drawn as usual."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from companion.ui import theme

HTML_ROLE = Qt.ItemDataRole.UserRole + 40
_PADDING = 0.3  # em, around the text of each item


class HtmlItemDelegate(QStyledItemDelegate):
    def _document(self, html: str, option: QStyleOptionViewItem, selected: bool) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        muted = (
            option.palette.color(QPalette.ColorRole.HighlightedText).name()
            if selected
            else theme.MUTED_INK
        )
        document.setDefaultStyleSheet(f".muted {{ color: {muted}; }}")
        document.setDocumentMargin(theme.em(option.widget, _PADDING))
        document.setHtml(html)
        document.setTextWidth(self._width(option))
        return document

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> float:
        view = option.widget
        if isinstance(view, QAbstractItemView):
            # Leave room for the scroll bar even when it is hidden: it appears once the
            # items are laid out, and the heights must not change with it.
            bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            visible = view.verticalScrollBar().isVisible()
            width = view.viewport().width() - (0 if visible else bar) - 2
            return max(width, theme.em(view, 6))
        return max(option.rect.width(), 100)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        document = self._document(str(html), item, selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        painter.translate(item.rect.topLeft())
        painter.setClipRect(item.rect.translated(-item.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        document = self._document(str(html), item, False)
        return QSize(round(document.textWidth()), round(document.size().height()))
