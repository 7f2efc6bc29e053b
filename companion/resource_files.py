"""Where the bundled resources (library, icons, translations) are.

A wheel carries resources/ as the package companion.resources; a source checkout or an
editable install reads the resources/ folder beside the package.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resources_root() -> Traversable:
    try:
        return resources.files("companion.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"
