"""The bundle's entry point (PyInstaller starts a script, not a console-script entry)."""

import sys

from companion.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
