"""Make PySide6's check of every newly imported module cheap.

PySide6 replaces `__import__` and asks, for each Python module imported after it, whether its
source mentions "PySide6" (its `__feature__` switches, PYSIDE-2029). It asks through
`inspect.getsource`, which puts the whole source of every module into `linecache` and keeps
it: about 20 MiB for this app (SQLAlchemy, the app's own modules) and a tenth of the time of
those imports. The same question, answered by reading the file's bytes, keeps nothing.

Imported first among the app's modules by companion.app; where PySide6 has no such check (a
later version) this changes nothing.
"""

from __future__ import annotations

import linecache
from types import ModuleType

import PySide6.QtCore  # noqa: F401  # PySide6 installs its import check with its first module


def _mentions_pyside(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in or compiled: what PySide6's own check says of these too
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Answer PySide6's question without caching sources; drop what it cached so far.
    True when PySide6's check was found (and replaced)."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]  # PySide6 builds it at run time, no stubs
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _mentions_pyside
    linecache.clearcache()  # the sources of the modules checked before this
    return True


lighten()
