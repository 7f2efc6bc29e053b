"""The Library page as a patient uses it: search, browse, read, follow links, print."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTreeWidget, QTreeWidgetItem


def _open_library(window, qtbot):  # type: ignore[no-untyped-def]
    row = [p.page_id for p in window.pages].index("library")
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.current_page()
    assert page.page_id == "library"
    return page


def _tree_items(tree: QTreeWidget, link: str) -> list[QTreeWidgetItem]:
    found, items = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop(0)
        if item.data(0, Qt.ItemDataRole.UserRole) == link:
            found.append(item)
        items.extend(item.child(i) for i in range(item.childCount()))
    return found


def _find_tree_item(tree: QTreeWidget, link: str) -> QTreeWidgetItem:
    found = _tree_items(tree, link)
    assert found, f"{link} not in the tree"
    return found[0]


def _click_link(  # type: ignore[no-untyped-def]
    qtbot, browser: QTextBrowser, href: str, after: int = 0
) -> None:
    """Click the first link to href (from position `after` on) as the patient would: on its
    text."""
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href and fragment.position() >= after:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + min(2, fragment.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                qtbot.mouseClick(
                    browser.viewport(),
                    Qt.MouseButton.LeftButton,
                    pos=QPoint(rect.center().x(), rect.center().y()),
                )
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_typing_a_brand_name_shows_the_medicine(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    qtbot.keyClicks(page.search_box, "herceptin")
    qtbot.waitUntil(lambda: page.results.count() > 0 and page.results.isVisible())
    first = page.results.item(0)
    assert first.text() == "Trastuzumab"
    rect = page.results.visualItemRect(first)
    qtbot.mouseClick(page.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = page.browser.toPlainText()
    assert text.startswith("Trastuzumab")
    assert "Herceptin" in text and "Sources" in text and "Checked against its sources" in text


def test_search_as_you_type_narrows_and_keyboard_opens_the_first_hit(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    qtbot.keyClicks(page.search_box, "xel")
    qtbot.waitUntil(lambda: page.results.count() > 0)
    qtbot.keyClicks(page.search_box, "oda")
    qtbot.waitUntil(lambda: page.results.item(0).text() == "Capecitabine")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.current_link == "entry:capecitabine"
    assert page.browser.hasFocus()


def test_a_misspelling_still_finds_the_medicine_and_nonsense_says_so(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    qtbot.keyClicks(page.search_box, "capecitibine")
    qtbot.waitUntil(lambda: page.results.count() > 0)
    assert page.results.item(0).text() == "Capecitabine"
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "qqxzzq")
    qtbot.waitUntil(lambda: "Nothing found" in page.results_label.text())
    assert page.results.count() == 0
    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == "" and page.tree.isVisible()


def test_ctrl_f_puts_the_cursor_in_the_search_box(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    window.activateWindow()
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_box.hasFocus()


def test_browsing_opens_a_drug_page_with_its_sections_and_sources(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    tree = page.tree
    item = _find_tree_item(tree, "entry:trastuzumab-deruxtecan")
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    text = page.browser.toPlainText()
    for words in (
        "Trastuzumab deruxtecan",
        "Enhertu",
        "How it works",
        "Boxed warning",
        "When to call your care team",
        "Sources",
        "https://",
    ):
        assert words in text
    assert "You take this medicine now" not in text
    # the calm note is on screen
    assert any(
        "care team decides" in w.text()
        for w in page.findChildren(type(page.results_label))
        if w.isVisible()
    )


def test_drugs_are_grouped_by_class(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    item = _find_tree_item(page.tree, "entry:tucatinib")
    assert item.parent().text(0) == "HER2 pills (kinase inhibitors)"
    assert item.parent().parent().text(0) == "Medicines"
    assert _find_tree_item(page.tree, "view:questions")


def test_side_effect_links_to_its_symptom_and_back(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    page.show_link("entry:trastuzumab-deruxtecan")
    _click_link(qtbot, page.browser, "symptom:cough")
    assert page.current_link == "symptom:cough"
    text = page.browser.toPlainText()
    assert text.startswith("Cough") and "When it is a warning sign" in text
    assert "Call your care team now" in text
    _click_link(qtbot, page.browser, "entry:trastuzumab-deruxtecan")
    assert page.current_link == "entry:trastuzumab-deruxtecan"
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.current_link == "symptom:cough"


def test_source_links_open_only_when_clicked(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    opened: list[QUrl] = []
    page.open_external = opened.append
    page.show_link("entry:trastuzumab")
    assert opened == []
    source = next(s for s in window.services.library.sources().values() if s.url)
    hrefs = _hrefs(page.browser)
    url = next(h for h in hrefs if h.startswith("https://"))
    _click_link(qtbot, page.browser, url)
    assert [u.toString() for u in opened] == [url]
    assert page.current_link == "entry:trastuzumab"
    assert source.url


def _hrefs(browser: QTextBrowser) -> list[str]:
    out = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            href = iterator.fragment().charFormat().anchorHref()
            if href:
                out.append(href)
            iterator += 1
        block = block.next()
    return out


def test_every_internal_link_on_every_entry_leads_somewhere(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    for entry in window.services.library.entries():
        page.show_link(f"entry:{entry.id}")
        for href in _hrefs(page.browser):
            if href.startswith(("entry:", "symptom:", "view:")):
                assert page._html_for(href, links=True), f"{entry.id}: dead link {href}"


def test_the_medicine_the_patient_takes_is_marked(demo_window, qtbot) -> None:
    from companion.treatments.current import current_drug_ids

    taking = current_drug_ids(demo_window.services.store)
    assert taking, "the demo patient takes something now"
    page = _open_library(demo_window, qtbot)
    mine, listed = _tree_items(page.tree, f"entry:{taking[0]}")
    assert mine.parent().text(0) == "Medicines you take now"
    assert "you take this" in listed.text(0) and listed.font(0).bold()
    page.show_link(f"entry:{taking[0]}")
    assert "You take this medicine now." in page.browser.toPlainText()
    others = [d for d in demo_window.services.library.drugs() if d.id not in taking]
    page.show_link(f"entry:{others[0].id}")
    assert "You take this medicine now." not in page.browser.toPlainText()


def test_print_shows_a_preview_of_the_entry(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    page.show_link("entry:capecitabine")
    report = page._report()
    assert report.period == "Capecitabine"
    assert "Xeloda" in report.html and 'href="entry:' not in report.html
    dialog = page.print_page()
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def test_file_print_prints_the_open_library_page(window, qtbot) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    page = _open_library(window, qtbot)
    page.show_link("entry:bone")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(QPrintPreviewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()


def test_a_site_page_shows_its_warning_signs_linked_to_the_symptom(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    page.show_link("entry:bone")
    text = page.browser.toPlainText()
    assert "Warning signs" in text and "Emergency: call your local emergency number" in text
    symptom = next(h for h in _hrefs(page.browser) if h.startswith("symptom:"))
    _click_link(qtbot, page.browser, symptom)
    assert page.current_link == symptom


def test_links_can_be_followed_with_the_keyboard(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    page.show_link("entry:trastuzumab-deruxtecan")
    page.browser.setFocus()
    for _ in range(40):
        qtbot.keyClick(page.browser, Qt.Key.Key_Tab)
        href = page.browser.textCursor().charFormat().anchorHref()
        if href.startswith("symptom:"):
            break
    else:
        raise AssertionError("Tab never reached a symptom link")
    qtbot.keyClick(page.browser, Qt.Key.Key_Return)
    assert page.current_link == href
    qtbot.keyClick(page.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.current_link == "entry:trastuzumab-deruxtecan"


def test_a_medicine_page_says_when_to_get_help_fast(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    qtbot.keyClicks(page.search_box, "enhertu")
    qtbot.waitUntil(lambda: page.results.count() > 0)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    assert page.current_link == "entry:trastuzumab-deruxtecan"
    text = page.browser.toPlainText()
    start = text.index("When to get help fast")
    section = text[start : text.index("See also", start)]
    now = section.index("Call your care team now, day or night")
    today = section.index("Call your care team today")
    cough = section.index("Cough")
    assert now < cough < today, "the T-DXd cough sign is under “call now”"
    assert "When you answer “Mild” or more to “how bad is it”" in section[cough:today]
    assert "Shortness of breath" in section[now:today]
    assert "Fever or shaking chills" in section[now:today]
    # the link in this section (not the side effect's) opens the symptom page
    heading = page.browser.document().find("When to get help fast").position()
    _click_link(qtbot, page.browser, "symptom:cough", after=heading)
    assert page.current_link == "symptom:cough"
    assert page.browser.toPlainText().startswith("Cough")
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.current_link == "entry:trastuzumab-deruxtecan"


def test_a_hormone_medicine_says_it_has_no_warning_signs_of_its_own(window, qtbot) -> None:
    page = _open_library(window, qtbot)
    page.show_link("entry:letrozole")
    text = page.browser.toPlainText()
    assert "When to get help fast" in text
    assert "The library lists no warning signs just for this medicine." in text
    assert "Call your care team now" not in text


def test_the_warning_signs_show_the_patients_own_numbers(demo_window, qtbot) -> None:
    info = demo_window.services.profile.get()
    assert info.care_team_phone, "the demo patient has a care team number"
    page = _open_library(demo_window, qtbot)
    page.show_link("entry:trastuzumab-deruxtecan")
    text = page.browser.toPlainText()
    assert f"Call your care team now, day or night: {info.care_team_phone}" in text
    printed = page._report().html
    assert "When to get help fast" in printed and 'href="symptom:' not in printed
