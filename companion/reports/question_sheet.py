"""The question sheet to take to a visit: one checkbox and ruled answer space per question.

Painted with QPainter rather than flowed as rich text, so that a question never parts from
its answer space at a page break: each question is one block, and a block that does not fit
on what is left of a page starts the next page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageSize, QPaintDevice, QPainter, QPen

from companion.reports import pdf
from companion.translations import TranslationContext
from companion.visits.model import VisitInfo, VisitQuestionInfo, format_visit_time
from companion.visits.service import VisitService

# Sizes in points: large, calm type for tired eyes, and room to write by hand.
TITLE_PT = 20.0
META_PT = 13.0
QUESTION_PT = 15.0
ANSWER_PT = 12.5
LINE_SPACING_PT = 26.0  # between ruled answer lines
ANSWER_LINES = 3  # empty lines under each question (more when an answer is printed)
NOTES_LINES = 6
MIN_NOTES_LINES = 2
BOX_PT = 15.0
INDENT_PT = 26.0
GAP_PT = 16.0


class QuestionSheetText(TranslationContext):
    """The printed question sheet."""


def wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Break text into lines no wider than width; a very long word is cut by characters."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while metrics.horizontalAdvance(word) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and metrics.horizontalAdvance(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


@dataclass
class _Fonts:
    title: QFont
    meta: QFont
    question: QFont
    answer: QFont

    @classmethod
    def make(cls) -> _Fonts:
        def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
            f = QFont()
            f.setPointSizeF(size)
            f.setBold(bold)
            f.setItalic(italic)
            return f

        return cls(
            font(TITLE_PT, bold=True),
            font(META_PT),
            font(QUESTION_PT, bold=True),
            font(ANSWER_PT, italic=True),
        )


@dataclass
class Block:
    """Something painted as one piece: never split across pages."""

    kind: str  # intro | question | notes
    height: float  # device units
    paint: Callable[[QPainter, float, float], None]  # (painter, x, y)
    text: str = ""


@dataclass
class SheetLayout:
    pages: list[list[tuple[Block, float]]] = field(default_factory=list)  # (block, y in body)
    body_height: float = 0.0


@dataclass
class QuestionSheet:
    """A painted report (see companion.reports.pdf.PaintedReport)."""

    patient_name: str
    visit: VisitInfo
    questions: tuple[VisitQuestionInfo, ...]
    page_size: QPageSize.PageSizeId | None = None
    title: str = field(default_factory=lambda: QuestionSheetText.tr("Questions for my visit"))
    last_layout: SheetLayout | None = None

    def period(self) -> str:
        return f"{format_visit_time(self.visit.starts_at)} — {self.visit.who()}"

    def header_text(self) -> str:
        return "  ·  ".join(p for p in (self.title, self.patient_name, self.period()) if p)

    # -- layout --------------------------------------------------------------------------
    def layout(self, painter: QPainter, page_rect: QRectF) -> SheetLayout:
        scale = pdf.device_scale(painter)
        body = pdf.body_rect(painter, page_rect)
        fonts = _Fonts.make()
        device = painter.device()
        blocks = [self._intro(fonts, device, body.width(), scale)]
        for number, item in enumerate(self.questions, start=1):
            blocks.append(self._question(number, item, fonts, device, body, scale))
        result = SheetLayout(body_height=body.height())
        page: list[tuple[Block, float]] = []
        y = 0.0
        gap = GAP_PT * scale
        for block in blocks:
            if page and y + block.height > body.height():
                result.pages.append(page)
                page, y = [], 0.0
            page.append((block, y))
            y += block.height + gap
        # Notes: the lines that fit below the last question. No page just for notes when
        # there are questions (the back of the sheet is there for writing).
        notes = self._notes(fonts, device, body.width(), scale, NOTES_LINES)
        spacing = LINE_SPACING_PT * scale
        fit = int((body.height() - y - (notes.height - NOTES_LINES * spacing)) // spacing)
        if fit >= MIN_NOTES_LINES:
            page.append((self._notes(fonts, device, body.width(), scale, min(fit, NOTES_LINES)), y))
        elif not self.questions:
            result.pages.append(page)
            page = [(notes, 0.0)]
        result.pages.append(page)
        return result

    def _intro(self, fonts: _Fonts, device: QPaintDevice, width: float, scale: float) -> Block:
        title_m = QFontMetricsF(fonts.title, device)
        meta_m = QFontMetricsF(fonts.meta, device)
        rows = [
            (QuestionSheetText.tr("Name"), self.patient_name or "—"),
            (QuestionSheetText.tr("Visit"), format_visit_time(self.visit.starts_at)),
            (QuestionSheetText.tr("With"), self.visit.who()),
        ]
        if self.visit.place:
            rows.append((QuestionSheetText.tr("Place"), self.visit.place))
        if self.visit.purpose:
            rows.append((QuestionSheetText.tr("Purpose"), self.visit.purpose))
        bold = QFont(fonts.meta)
        bold.setBold(True)
        bold_m = QFontMetricsF(bold, device)
        label_width = max(bold_m.horizontalAdvance(f"{k}:") for k, _ in rows) + 10 * scale
        lines = [(k, wrap(v, meta_m, width - label_width)) for k, v in rows]
        hint = QuestionSheetText.tr(
            "Tick each question once it has been asked, and write the answer on the lines "
            "below it. The most important questions come first."
        )
        hint_lines = wrap(hint, meta_m, width)
        height = (
            title_m.height() * 1.4
            + sum(len(v) for _, v in lines) * meta_m.lineSpacing()
            + meta_m.lineSpacing() * 0.6
            + len(hint_lines) * meta_m.lineSpacing()
        )

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.setFont(fonts.title)
            painter.drawText(QPointF(x, y + title_m.ascent()), self.title)
            y += title_m.height() * 1.4
            painter.setFont(fonts.meta)
            for key, values in lines:
                painter.setFont(bold)
                painter.drawText(QPointF(x, y + meta_m.ascent()), f"{key}:")
                painter.setFont(fonts.meta)
                for value in values:
                    painter.drawText(QPointF(x + label_width, y + meta_m.ascent()), value)
                    y += meta_m.lineSpacing()
            y += meta_m.lineSpacing() * 0.6
            for line in hint_lines:
                painter.drawText(QPointF(x, y + meta_m.ascent()), line)
                y += meta_m.lineSpacing()

        return Block("intro", height, paint)

    def _question(
        self,
        number: int,
        item: VisitQuestionInfo,
        fonts: _Fonts,
        device: QPaintDevice,
        body: QRectF,
        scale: float,
    ) -> Block:
        question_m = QFontMetricsF(fonts.question, device)
        answer_m = QFontMetricsF(fonts.answer, device)
        indent = INDENT_PT * scale
        width = body.width() - indent
        text_lines = wrap(f"{number}.  {item.text}", question_m, width)
        text_height = len(text_lines) * question_m.lineSpacing()
        spacing = LINE_SPACING_PT * scale
        answer_lines = (
            wrap(item.answer.strip(), answer_m, width - 4 * scale) if item.answer.strip() else []
        )
        ruled = max(ANSWER_LINES, len(answer_lines) + 1)
        room = int((body.height() - text_height - spacing * 0.5) // spacing)
        if ruled > room:  # a very long answer: print what fits, the rest stays in the app
            ruled = max(1, room)
            answer_lines = [
                *answer_lines[: ruled - 1],
                QuestionSheetText.tr("… (the full answer is in the app)"),
            ]
            answer_lines = answer_lines[:ruled]
        height = text_height + spacing * 0.3 + ruled * spacing

        def paint(painter: QPainter, x: float, y: float) -> None:
            box = BOX_PT * scale
            top = y + (question_m.lineSpacing() - box) / 2
            painter.save()
            painter.setPen(QPen(Qt.GlobalColor.black, 1.2 * scale))
            painter.drawRect(QRectF(x, top, box, box))
            if item.asked:
                painter.setPen(QPen(Qt.GlobalColor.black, 2.0 * scale))
                painter.drawLine(
                    QLineF(x + box * 0.2, top + box * 0.55, x + box * 0.42, top + box * 0.8)
                )
                painter.drawLine(
                    QLineF(x + box * 0.42, top + box * 0.8, x + box * 0.85, top + box * 0.2)
                )
            painter.restore()
            painter.setFont(fonts.question)
            line_y = y
            for line in text_lines:
                painter.drawText(QPointF(x + indent, line_y + question_m.ascent()), line)
                line_y += question_m.lineSpacing()
            line_y += spacing * 0.3
            painter.save()
            painter.setPen(QPen(Qt.GlobalColor.darkGray, 0.6 * scale))
            for index in range(ruled):
                baseline = line_y + (index + 1) * spacing
                painter.drawLine(QLineF(x + indent, baseline, x + body.width(), baseline))
            painter.restore()
            painter.setFont(fonts.answer)
            for index, line in enumerate(answer_lines):
                baseline = line_y + (index + 1) * spacing - answer_m.descent() - 1.5 * scale
                painter.drawText(QPointF(x + indent + 4 * scale, baseline), line)

        return Block("question", height, paint, item.text)

    def _notes(
        self, fonts: _Fonts, device: QPaintDevice, width: float, scale: float, count: int
    ) -> Block:
        meta_m = QFontMetricsF(fonts.question, device)
        spacing = LINE_SPACING_PT * scale
        heading = QuestionSheetText.tr("Notes and other questions")
        height = meta_m.lineSpacing() + spacing * 0.3 + count * spacing

        def paint(painter: QPainter, x: float, y: float) -> None:
            painter.setFont(fonts.question)
            painter.drawText(QPointF(x, y + meta_m.ascent()), heading)
            top = y + meta_m.lineSpacing() + spacing * 0.3
            painter.save()
            painter.setPen(QPen(Qt.GlobalColor.darkGray, 0.6 * scale))
            for index in range(count):
                baseline = top + (index + 1) * spacing
                painter.drawLine(QLineF(x, baseline, x + width, baseline))
            painter.restore()

        return Block("notes", height, paint, heading)

    # -- painting ------------------------------------------------------------------------
    def paint(self, painter: QPainter, page_rect: QRectF, new_page: Callable[[], object]) -> int:
        layout = self.layout(painter, page_rect)
        self.last_layout = layout
        body = pdf.body_rect(painter, page_rect)
        total = len(layout.pages)
        for index, page in enumerate(layout.pages):
            if index:
                new_page()
            pdf.paint_frame(painter, page_rect, self.header_text(), index + 1, total)
            for block, y in page:
                painter.save()
                block.paint(painter, body.left(), body.top() + y)
                painter.restore()
        return total

    def write_pdf(self, path: Path) -> int:
        return pdf.write_pdf(self, path)


def question_sheet(
    visits: VisitService,
    visit_id: int,
    patient_name: str,
    page_size: QPageSize.PageSizeId | None = None,
) -> QuestionSheet:
    """The sheet for one visit, questions in the patient's order."""
    return QuestionSheet(
        patient_name=patient_name,
        visit=visits.get(visit_id),
        questions=tuple(visits.questions(visit_id)),
        page_size=page_size,
    )
