"""Library: browse by kind, search as you type (Ctrl+F), read one clear page per entry.

Links between pages stay inside the app. A source's web address opens in the browser only
when the patient clicks it. Medicines the patient takes now are marked.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.library.model import DRUG_CLASSES, MARK_END, MARK_START, Entry, SearchHit
from companion.reports.pdf import ReportDocument
from companion.services import Services
from companion.ui import theme
from companion.ui.pages import library_html as pages
from companion.ui.pages.library_labels import class_group_label, kind_label
from companion.ui.printing import preview_report
from companion.ui.widgets.common import Page, button, heading, label, note
from companion.ui.widgets.html_delegate import HTML_ROLE, HtmlItemDelegate
from companion.ui.widgets.qt_items import child_items, top_items

OVERVIEW = "view:overview"
QUESTIONS = "view:questions"
LINK_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 120
SEARCH_LIMIT = 30


class LibraryPage(Page):
    page_id = "library"

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self._library = services.library
        self._taking: list[str] = []
        self._phones: pages.Phones | None = None
        self._history: list[str] = []
        self.current_link = OVERVIEW
        # Replaced in tests; the only way a web page ever opens is the patient's click.
        self.open_external: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.setAccessibleName(self.tr("Library"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Library")))
        layout.addWidget(
            note(
                self.tr(
                    "This is general information to help you understand and ask questions. "
                    "Your care team decides your treatment."
                ),
                self.tr("Note: general information; your care team decides treatment"),
            )
        )
        layout.addLayout(self._build_tools())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Library page"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDefaultStyleSheet(pages.style_sheet())
        self.browser.anchorClicked.connect(self._link_clicked)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([theme.em(self, 21), theme.em(self, 40)])
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run_search)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        back = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self)
        back.activated.connect(self.go_back)
        self._fill_tree()
        self.show_link(OVERVIEW, remember=False)

    # -- building ------------------------------------------------------------------------
    def _build_tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search: a medicine, brand, side effect or test (Ctrl+F)")
        )
        self.search_box.setAccessibleName(self.tr("Search the library"))
        self.search_box.setClearButtonEnabled(True)
        theme.size_in_lines(self.search_box, min_height=2)
        self.search_box.textChanged.connect(self._search_changed)
        self.search_box.installEventFilter(self)
        row.addWidget(self.search_box, 1)
        self.back_button = button(self.tr("← Back"), self.tr("Back to the previous page"))
        self.back_button.clicked.connect(self.go_back)
        self.back_button.setEnabled(False)
        row.addWidget(self.back_button)
        self.home_button = button(self.tr("Library start"), self.tr("Library start page"))
        self.home_button.clicked.connect(self._go_home)
        row.addWidget(self.home_button)
        self.print_button = button(self.tr("Print…"), self.tr("Print this page"))
        self.print_button.clicked.connect(self.print_page)
        row.addWidget(self.print_button)
        return row

    def _build_left(self) -> QWidget:
        self.left = QStackedWidget()
        self.tree = QTreeWidget()
        self.tree.setObjectName("libraryTree")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Browse the library"))
        self.tree.setIndentation(theme.em(self, 0.9))
        self.tree.currentItemChanged.connect(self._tree_current_changed)
        self.tree.itemActivated.connect(lambda *_: self.browser.setFocus())
        self.left.addWidget(self.tree)

        results_panel = QWidget()
        results_layout = QVBoxLayout(results_panel)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_label = label("", "muted")
        results_layout.addWidget(self.results_label)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setObjectName("libraryResults")
        self.results.setItemDelegate(HtmlItemDelegate(self.results))
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.currentItemChanged.connect(self._result_current_changed)
        self.results.itemActivated.connect(lambda *_: self.browser.setFocus())
        results_layout.addWidget(self.results, 1)
        self.left.addWidget(results_panel)
        return self.left

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        taking = set(self._taking)

        def add(
            parent: QTreeWidget | QTreeWidgetItem, text: str, link: str | None
        ) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(0, text)
            if link:
                item.setData(0, LINK_ROLE, link)
            else:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            return item

        def add_entry(parent: QTreeWidgetItem, entry: Entry) -> None:
            if entry.id in taking:
                text = self.tr("{title} — you take this").format(title=entry.title)
                item = add(parent, text, f"entry:{entry.id}")
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            else:
                add(parent, entry.title, f"entry:{entry.id}")

        add(self.tree, self.tr("Start here"), OVERVIEW)
        drugs = self._library.drugs()
        mine = [d for d in drugs if d.id in taking]
        if mine:
            group = add(self.tree, self.tr("Medicines you take now"), None)
            for entry in mine:
                add(group, entry.title, f"entry:{entry.id}")
        group = add(self.tree, self.tr("Medicines"), None)
        classes = [c for c in DRUG_CLASSES if any(d.drug_class == c for d in drugs)]
        for drug_class in classes:
            sub = add(group, class_group_label(drug_class), None)
            for entry in sorted(
                (d for d in drugs if d.drug_class == drug_class), key=lambda e: e.title.lower()
            ):
                add_entry(sub, entry)
        for kinds, title in (
            (("treatment",), self.tr("Other treatments")),
            (("site",), self.tr("Where cancer can spread")),
            (("test", "term"), self.tr("Tests and words to know")),
            (("guide",), self.tr("Guides")),
        ):
            entries = [e for k in kinds for e in self._library.entries(k)]
            if not entries:
                continue
            sub = add(self.tree, title, None)
            for entry in sorted(entries, key=lambda e: e.title.lower()):
                add_entry(sub, entry)
        if self._library.questions():
            add(self.tree, self.tr("Questions for your visits"), QUESTIONS)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._select_in_tree(self.current_link)

    # -- showing pages -------------------------------------------------------------------
    def show_link(self, link: str, *, remember: bool = True) -> bool:
        """Show an entry:ID, symptom:ID or view:NAME page. False if it does not exist."""
        link, _, anchor = link.partition("#")
        html = self._html_for(link, links=True)
        if html is None:
            return False
        if remember and link != self.current_link:
            self._history.append(self.current_link)
        self.current_link = link
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(0)
        if anchor:
            self.browser.scrollToAnchor(anchor)
        self.back_button.setEnabled(bool(self._history))
        self._select_in_tree(link)
        return True

    def _html_for(self, link: str, *, links: bool) -> str | None:
        scheme, _, key = link.partition(":")
        if scheme == "entry":
            entry = self._library.entry(key)
            if entry is None:
                return None
            return pages.entry_html(
                self._library, entry, entry.id in self._taking, links, self._phones
            )
        if scheme == "symptom":
            if self._library.symptom(key) is None:
                return None
            return pages.symptom_html(self._library, key, links)
        if link == QUESTIONS:
            return pages.questions_html(self._library, links)
        if link == OVERVIEW:
            taking = [e for i in self._taking if (e := self._library.entry(i)) is not None]
            return pages.overview_html(self._library, taking)
        return None

    def go_back(self) -> None:
        if self._history:
            self.show_link(self._history.pop(), remember=False)

    def _go_home(self) -> None:
        self.search_box.clear()
        self.show_link(OVERVIEW)

    def _select_in_tree(self, link: str) -> None:
        self.tree.blockSignals(True)
        found = None
        iterator = top_items(self.tree)
        while iterator:
            item = iterator.pop(0)
            if item.data(0, LINK_ROLE) == link:
                found = item
                break
            iterator.extend(child_items(item))
        self.tree.setCurrentItem(found) if found else self.tree.clearSelection()
        if found:
            self.tree.scrollToItem(found)
        self.tree.blockSignals(False)

    def _tree_current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        link = item.data(0, LINK_ROLE) if item else None
        if link:
            self.show_link(str(link))

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.open_external(url)
            return
        if not url.scheme() and url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())
            return
        self.show_link(url.toString())

    # -- search --------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.results.clear()
            self.left.setCurrentIndex(0)

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        hits = self._library.search(text, SEARCH_LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            self.results.addItem(self._result_item(hit))
        self.results.blockSignals(False)
        if hits:
            self.results_label.setText(self.tr("{count} found").format(count=len(hits)))
        else:
            self.results_label.setText(
                self.tr("Nothing found for “{text}”. Try fewer letters or another name.").format(
                    text=text
                )
            )
        self.results_label.setAccessibleName(self.results_label.text())
        self.left.setCurrentIndex(1)

    def _result_item(self, hit: SearchHit) -> QListWidgetItem:
        if hit.kind == "question":
            link = f"{QUESTIONS}#q-{hit.id}"
        else:
            link = f"{'symptom' if hit.kind == 'symptom' else 'entry'}:{hit.id}"
        kind = kind_label(hit.kind)
        if hit.kind == "drug" and hit.id in self._taking:
            kind = self.tr("{kind} — you take this").format(kind=kind)
        item = QListWidgetItem(hit.title)
        item.setData(LINK_ROLE, link)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}, {kind}")
        muted = escape(kind)
        if hit.snippet and hit.kind != "question":
            muted += " · " + escape(hit.marked).replace(MARK_START, "<b>").replace(MARK_END, "</b>")
        item.setData(HTML_ROLE, f'<b>{escape(hit.title)}</b><br><span class="muted">{muted}</span>')
        return item

    def _result_current_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.show_link(str(item.data(LINK_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._timer.stop()
                    self._run_search()
                if self.left.currentIndex() == 1 and self.results.count():
                    self.results.setFocus()
                    self.results.setCurrentRow(0)
                    if key != Qt.Key.Key_Down:
                        self.browser.setFocus()
                    return True
            elif key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    # -- page life -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._taking = self._services.treatments.current.drug_ids()
        info = self._services.profile.get()
        self._phones = pages.Phones(info.care_team_phone, info.emergency_number)
        self._fill_tree()
        self.browser.document().setDefaultStyleSheet(pages.style_sheet())  # colours may change
        if self._html_for(self.current_link, links=True) is not None:
            self.show_link(self.current_link, remember=False)

    def print_page(self) -> QPrintPreviewDialog:
        return preview_report(self, self._report)

    def _report(self) -> ReportDocument:
        html = self._html_for(self.current_link, links=False) or ""
        style = f"<style>{pages.style_sheet()}</style>"
        return ReportDocument(
            title=self.tr("HER2 Companion library"),
            patient_name="",
            period=self._page_title(),
            html=style + html,
        )

    def _page_title(self) -> str:
        scheme, _, key = self.current_link.partition(":")
        if scheme == "entry" and (entry := self._library.entry(key)):
            return entry.title
        if scheme == "symptom" and (term := self._library.symptom(key)):
            return term.term
        if self.current_link == QUESTIONS:
            return self.tr("Questions for your visits")
        return ""
