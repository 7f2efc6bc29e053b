"""library: look things up in the bundled reference library from the command line."""

from __future__ import annotations

import argparse
import sys

from companion.errors import ValidationError


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    library = verbs.add_parser(
        "library",
        help="search the bundled reference library",
        description="The bundled reference library: plain-language information about "
        "treatments, side effects, sites of spread and tests.",
    )
    actions = library.add_subparsers(dest="library_action", metavar="ACTION", required=True)
    search = actions.add_parser(
        "search",
        help="print the matching entries, one per line (title — kind)",
        description="Print the entries that match TEXT, best first, one per line.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT", help="words to look for")
    search.add_argument(
        "-n", "--limit", type=int, default=20, metavar="N", help="at most N lines (default 20)"
    )
    search.set_defaults(handler=cmd_search)
    info = actions.add_parser(
        "info", help="print the library's size and content hash", description="Library facts."
    )
    info.set_defaults(handler=cmd_info)


def cmd_search(args: argparse.Namespace) -> int:
    from companion.library.service import LibraryService

    text = " ".join(args.text).strip()
    if not text:
        raise ValidationError("Type something to search for.")
    if args.limit < 1:
        raise ValidationError("--limit must be 1 or more.")
    library = LibraryService()
    try:
        hits = library.search(text, args.limit)
    finally:
        library.close()
    if not hits:
        print(f"No entries match “{text}”.", file=sys.stderr)
        return 1
    for hit in hits:
        print(f"{hit.title} — {hit.kind}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from companion.library.service import LibraryService

    library = LibraryService()
    try:
        info = library.info
        print(f"Library: {library.path}")
        print(f"Entries: {info.get('entries')}, facts: {info.get('facts')}")
        print(f"Content hash: {info.get('content_hash')}")
    finally:
        library.close()
    return 0
