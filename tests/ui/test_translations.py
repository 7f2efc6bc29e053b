"""Every user-facing string goes through tr() where lupdate can see it.

The catalogue is extracted from the source with lupdate, as scripts/update_translations.py
does. Then:

- every literal tr()/translate() call in companion/ must be in it under the context the call
  translates in at run time (lupdate misses f-strings, module-level wrappers, and files
  obj.tr("…") under the variable name "obj");
- with every translation set to "⟦" + source + "⟧", the main window of the demo profile must
  show no plain English in its menus, buttons, tabs, group boxes and labels (a string
  translated at import time, or built without tr(), stays plain).
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QTabWidget,
)

from companion.translations import install_translations, translations_folder
from companion.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
# Files left out of the source check while they are reworked (none now). Take a file off
# once its strings are all in literal tr() calls lupdate can see.
NOT_YET_CHECKED: set[str] = set()

Message = tuple[str, str]  # context, source text


def _update_script() -> ModuleType:
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("catalogue") / "her2_companion_en.ts"
    _update_script().extract(target)
    return target


def messages(ts_file: Path) -> set[Message]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def pseudo_translate(ts_file: Path, target: Path) -> int:
    """Write target as ts_file with every message translated to ⟦source⟧; returns the count."""
    tree = ET.parse(ts_file)
    root = tree.getroot()
    root.set("language", "en")  # two plural forms
    count = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.clear()  # drops type="unfinished" and any numerus forms
        pseudo = OPEN + (message.findtext("source") or "") + CLOSE
        if message.get("numerus") == "yes":
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo
        else:
            translation.text = pseudo
        count += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return count


@pytest.fixture(scope="module")
def pseudo_qm(catalogue: Path) -> Path:
    pseudo = catalogue.with_name("pseudo.ts")
    assert pseudo_translate(catalogue, pseudo) > 500
    return _update_script().release(pseudo)


@pytest.fixture
def pseudo_translator(qapp, pseudo_qm: Path) -> Iterator[QTranslator]:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


# -- the source --------------------------------------------------------------------------
class _Calls(ast.NodeVisitor):
    """The translated literals of one file, and the calls lupdate cannot file correctly."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.in_fstring = 0
        self.found: list[tuple[int, Message]] = []
        self.problems: list[tuple[int, str]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.in_fstring += 1
        self.generic_visit(node)
        self.in_fstring -= 1

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        message = self._message(node)
        if message is None:
            return
        if self.in_fstring:
            self.problems.append((node.lineno, f"inside an f-string: {message[1]!r}"))
        else:
            self.found.append((node.lineno, message))

    def _message(self, node: ast.Call) -> Message | None:
        texts = [a.value if isinstance(a, ast.Constant) else None for a in node.args[:2]]
        if not texts or not isinstance(texts[0], str):
            return None  # nothing literal to look for (a variable, marked elsewhere)
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"tr", "_t", "_tr"}:
            self.problems.append((node.lineno, f"{func.id}() wrapper: {texts[0]!r}"))
        elif isinstance(func, ast.Attribute) and func.attr == "tr":
            owner = func.value
            if isinstance(owner, ast.Name) and owner.id == "self" and self.classes:
                return self.classes[-1], texts[0]
            if isinstance(owner, ast.Name) and owner.id[0].isupper():
                return owner.id, texts[0]  # a class: TranslationContext or a Qt class
            what = ast.unparse(owner)
            self.problems.append((node.lineno, f"{what}.tr() is filed under {what!r}"))
        elif (
            (isinstance(func, ast.Attribute) and func.attr == "translate")
            or (isinstance(func, ast.Name) and func.id in {"translate", "QT_TRANSLATE_NOOP"})
        ) and isinstance(texts[-1], str):
            return texts[0], texts[-1]
        return None


def test_every_translated_literal_is_in_the_catalogue(catalogue: Path) -> None:
    known = messages(catalogue)
    problems = []
    for path in sorted((ROOT / "companion").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in NOT_YET_CHECKED:
            continue
        calls = _Calls()
        calls.visit(ast.parse(path.read_text(encoding="utf-8")))
        problems += [f"{name}:{line}: {what}" for line, what in calls.problems]
        problems += [
            f"{name}:{line}: not in the catalogue under {context!r}: {text!r}"
            for line, (context, text) in calls.found
            if (context, text) not in known
        ]
    assert not problems, "\n".join(problems)


# -- the window --------------------------------------------------------------------------
def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} ▸ action", action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), f"{where} ▸ {action.text()}")


def chrome_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every caption in the window as it is now."""
    yield "window title", window.windowTitle()
    for action in window.menuBar().actions():
        yield "menu bar", action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), action.text())
    for index in range(window.sidebar.count()):
        yield "sidebar", window.sidebar.item(index).text()
    for button in window.findChildren(QAbstractButton):
        yield type(button).__name__, button.text()
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            yield "tab", bar.tabText(index)
    for box in window.findChildren(QGroupBox):
        yield "group box", box.title()
    for label in window.findChildren(QLabel):
        # A label made with data=True (companion.ui.widgets.common.label) shows the user's
        # data or library wording: a date, a name, a symptom term.
        if not label.property("data"):
            yield f"label in {type(label.parentWidget()).__name__}", label.text()


def _visit_everything(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Show every page and every tab, so that what is built when first shown exists."""
    for page in window.pages:
        window.show_page(page.page_id)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
    qtbot.wait(1)


@pytest.fixture
def pseudo_window(open_window, demo_dir: Path, pseudo_translator) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = open_window(demo_dir)  # after the translator: texts are set when built
    yield window
    window.close()
    window.deleteLater()  # and its services close, before the next test
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_every_caption_of_the_window_is_translated(qtbot, pseudo_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = pseudo_window
    _visit_everything(window, qtbot)
    # Texts without a letter ("…", "+", numbers) have nothing to translate.
    seen = [(where, text) for where, text in chrome_texts(window) if any(map(str.isalpha, text))]
    assert len(seen) > 200
    untranslated = sorted({(where, text) for where, text in seen if OPEN not in text})
    assert not untranslated, "\n".join(f"{where}: {text!r}" for where, text in untranslated)


# -- loading -----------------------------------------------------------------------------
def test_the_users_language_and_qts_own_are_loaded(qapp, pseudo_qm: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(pseudo_qm, tmp_path / "her2_companion_de.qm")
    installed = install_translations(qapp, QLocale("de_AT"), str(tmp_path))
    try:
        assert len(installed) == 2  # qtbase_de from Qt, ours found through "de"
        assert QCoreApplication.translate("MainWindow", "&File") == "⟦&File⟧"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.buttons()[0].text() == "Abbrechen"
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_language_without_translations_stays_english(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert install_translations(qapp, QLocale("tlh"), str(tmp_path)) == []


def test_the_catalogue_ships_with_the_app(qapp) -> None:  # type: ignore[no-untyped-def]
    folder = Path(translations_folder())
    assert (folder / "her2_companion_en.ts").is_file()
    installed = install_translations(qapp, QLocale("en_GB"))  # English plural forms
    try:
        assert len(installed) == 2
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
