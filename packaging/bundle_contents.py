"""What the PyInstaller bundle carries and what it leaves out (used by her2-companion.spec,
and by the bundle test to check the result).

Paths are as PyInstaller names them inside the bundle (relative to `_internal/`), with `/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

# The app finds its verbs, exports and pages through importlib by name; PyInstaller cannot
# follow those strings, so every module of the package goes in (see hidden_imports()).
HIDDEN_IMPORTS_EXTRA = [
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",  # the window icon is an SVG
    "sqlalchemy.dialects.sqlite",
    "alembic.ddl.sqlite",
    "alembic.runtime.migration",
]
# Only the library's readability test needs pyphen (a dev dependency).
LEFT_OUT_PACKAGE_MODULES = ("companion.library.readability",)
EXCLUDED_MODULES = [
    "tkinter",
    "pytest",
    "pyphen",
    "hypothesis",
    "pypdf",
    "fhir",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtPdf",
    "PySide6.QtVirtualKeyboard",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    # Qt Charts links Qt's OpenGL libraries, which stay, but never their Python modules.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
]

# What the app never uses; PyInstaller's Qt hooks would otherwise bring some of it along
# (every image-format and input plugin, Qt's TLS backends, Qt's own translations).
# QtNetwork itself stays: a second start finds the open window over a local socket
# (QLocalSocket); only its TLS and network-information plugins go.
LEFT_OUT = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"Qt6?WebEngine",
        r"Qt6?(Qml|Quick)",
        r"/qml/",
        r"plugins/tls/",
        r"Qt6?VirtualKeyboard|virtualkeyboard",
        r"imageformats/[^/]*qpdf",
        r"Qt6?Pdf",
        r"plugins/networkinformation/",
        # Framebuffer, VNC and EGL-device back-ends: a desktop app runs on X11 or Wayland.
        r"plugins/platforms/libq(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)[.]",
        r"plugins/egldeviceintegrations/",
        r"plugins/generic/",  # evdev and TUIO input (TUIO needs QtNetwork), for framebuffers
        r"Qt6EglFs",
        r"Qt6?(Multimedia|3D|Designer|Test)\b",
        # The GTK3 platform theme pulls in GTK, ATK, Pango, Cairo and gdk-pixbuf (about
        # 40 MiB); the app draws itself with Fusion and its own theme, and Qt's own file
        # dialog (or the XDG portal theme) replaces GTK's.
        r"platformthemes/libqgtk3",
        # Image formats the app never reads: its icons are SVG, and PNG is built into QtGui.
        r"imageformats/libq(gif|ico|jpeg|tga|tiff|wbmp|webp|icns)[.]",
        # rapidfuzz's AVX2 builds: it falls back to its generic build when they are absent.
        r"rapidfuzz/.*_avx2[.]",
        # Optional accelerators of statistics and uuid; both fall back to pure Python.
        r"lib-dynload/_(statistics|uuid)[.]",
    )
]
QT_TRANSLATION = re.compile(r"PySide6/Qt/translations/(?P<name>[a-z]+)_(?P<lang>[A-Za-z_]+)\.qm$")


def _posix(path: str) -> str:
    return path.replace("\\", "/")


def app_languages(root: Path) -> set[str]:
    """The languages the app has a catalogue for (her2_companion_<lang>.qm)."""
    folder = root / "resources" / "translations"
    return {p.stem.removeprefix("her2_companion_") for p in folder.glob("her2_companion_*.qm")}


def left_out(path: str) -> bool:
    return any(pattern.search(_posix(path)) for pattern in LEFT_OUT)


def keep_binary(dest: str) -> bool:
    return not left_out(dest)


# A shared library at the top of the bundle, as PyInstaller places system libraries.
TOP_LEVEL_LIBRARY = re.compile(r"^lib[^/]+[.]so(?:[.][0-9]+)*$")


def without_orphan_libraries(
    binaries: list[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[tuple[str, object]]],
) -> list[tuple[str, str, str]]:
    """Drop top-level system libraries that only left-out binaries needed (the GTK theme's
    Cairo, Pango, ATK …). PyInstaller collects a binary's dependencies before the spec
    filters the binary out; what no kept binary links to is dead weight. Linux only:
    imports_of lists a file's shared-library dependencies (transitively)."""
    needed: set[str] = set()
    for dest, source, _kind in binaries:
        if not TOP_LEVEL_LIBRARY.match(_posix(dest)):
            needed.update(name for name, _path in imports_of(source))
    return [
        entry
        for entry in binaries
        if not TOP_LEVEL_LIBRARY.match(_posix(entry[0]))
        or entry[0] in needed
        or entry[0].startswith("libpython")  # loaded by the bootloader itself
    ]


def keep_data(dest: str, languages: set[str] | None = None) -> bool:
    """Qt's own translations only for the languages the app itself speaks."""
    if left_out(dest):
        return False
    found = QT_TRANSLATION.search(_posix(dest))
    if found:
        return found["name"] == "qtbase" and found["lang"] in (languages or {"en"})
    return True


def source_datas(root: Path) -> list[tuple[str, str]]:
    """resources/ as companion/resources, and Alembic's scripts as files: Alembic reads
    env.py and every revision from disk, not from the archive."""
    pairs = []
    for folder, target in (
        (root / "resources", "companion/resources"),
        (root / "companion" / "store" / "migrations", "companion/store/migrations"),
    ):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                inside = Path(target) / path.relative_to(folder).parent
                pairs.append((str(path), inside.as_posix()))
    return pairs


def hidden_imports() -> list[str]:
    from PyInstaller.utils.hooks import collect_submodules

    package = collect_submodules(
        "companion",
        filter=lambda name: (
            name not in LEFT_OUT_PACKAGE_MODULES
            and not name.startswith("companion.store.migrations")
        ),
    )
    return [*package, *HIDDEN_IMPORTS_EXTRA]


def project_version(root: Path) -> str:
    import tomllib

    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def windows_version_file(root: Path, target: Path) -> Path:
    """The Windows version resource, written from pyproject's version at build time."""
    numbers = [int(n) for n in re.findall(r"\d+", project_version(root))[:3]]
    four = (*numbers, *[0] * (4 - len(numbers)))[:4]
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'HER2 Companion'),
      StringStruct('FileDescription', 'HER2 Companion'),
      StringStruct('FileVersion', '{project_version(root)}'),
      StringStruct('InternalName', 'her2-companion'),
      StringStruct('LegalCopyright', 'GPL-3.0-or-later'),
      StringStruct('OriginalFilename', 'her2-companion.exe'),
      StringStruct('ProductName', 'HER2 Companion'),
      StringStruct('ProductVersion', '{project_version(root)}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
