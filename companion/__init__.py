"""HER2 Companion: a private desktop companion for HER2-positive metastatic breast cancer."""

import os
import sys

DISTRIBUTION = "her2-companion"
APP_NAME = "HER2 Companion"


def _version_from_dist_info() -> str | None:
    """The Version line of the installed METADATA, found on sys.path.

    importlib.metadata gives the same answer but imports the email package first, which alone
    takes longer than starting Python; `companion --version` must answer at once.
    """
    prefix = DISTRIBUTION.replace("-", "_") + "-"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if not (name.startswith(prefix) and name.endswith(".dist-info")):
                continue
            try:
                with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as metadata:
                    for line in metadata:
                        if line.startswith("Version:"):
                            return line.partition(":")[2].strip()
                        if not line.strip():  # the headers have ended
                            break
            except OSError:
                continue
    return None


def _version() -> str:
    """The version pyproject.toml declares, as installed (the one place it is written)."""
    found = _version_from_dist_info()
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:  # an install the scan above cannot see (a zip, an egg)
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # a source tree on sys.path that was never installed
        return "0+unknown"


__version__ = _version()
