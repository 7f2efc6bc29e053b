"""python -m companion / the `companion` command.

`--version` is answered here, before anything else is imported: no Qt, no SQLAlchemy, no
argument parser with every verb, so scripts and packagers get it at once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

VERSION_FLAGS = ("-V", "--version")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0] in VERSION_FLAGS:
        from companion import __version__

        print(f"companion {__version__}")
        return 0
    from companion.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
