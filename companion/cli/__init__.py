"""The command line: no verb opens the app; verbs serve scripts and support.

Each verb module has register(subparsers) and handlers that return an exit status. User
errors (CompanionError) print one plain line; anything else is a bug and also one line,
with a crash log in the profile's log folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from companion import __version__
from companion.cli.profiles import data_dir_of
from companion.errors import CompanionError

# Which module registers each verb. Only the verb given is registered (the app's start and
# `library search` should not pay for building every parser); `--help`, no recognisable verb
# or a mistyped one registers them all, so the help and argparse's "invalid choice" list them.
VERB_MODULES: dict[str, str] = {
    "check": "companion.cli.profile_verbs",
    "backup": "companion.cli.profile_verbs",
    "restore": "companion.cli.profile_verbs",
    "demo": "companion.cli.profile_verbs",
    "export": "companion.cli.export",
    "import": "companion.cli.export",
    "library": "companion.cli.library_verbs",
}
OPTIONS_WITH_VALUE = ("--data-dir", "--password-file")
HELP_FLAGS = ("-h", "--help")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for argv (every verb if argv is None)."""
    parser = argparse.ArgumentParser(
        prog="companion",
        description="HER2 Companion: a private notebook for HER2-positive metastatic "
        "breast cancer. With no command, opens the app.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="profile folder (default: $COMPANION_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="a file whose first line is the password of a protected profile (else it is "
        "asked on the terminal; never give a password on the command line)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway demo profile in a temporary folder"
    )
    # Hidden, for smoke tests of an installed app or bundle: quit once the window is shown.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")
    import importlib

    for name in verb_modules_for(argv):
        importlib.import_module(name).register(verbs)
    _accept_data_dir_anywhere(parser)
    return parser


def verb_modules_for(argv: Sequence[str] | None) -> list[str]:
    """The verb modules argv needs, in VERB_MODULES' order."""
    every = list(dict.fromkeys(VERB_MODULES.values()))
    if argv is None:
        return every
    words = iter(argv)
    for word in words:
        if word in HELP_FLAGS:
            return every
        if word in OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return [VERB_MODULES[word]] if word in VERB_MODULES else every
    return []  # no verb: the app opens


def _accept_data_dir_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let --data-dir and --password-file follow the verb too (`companion check --data-dir X`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for option, metavar, text in (
                    ("--data-dir", "DIR", "profile folder"),
                    ("--password-file", "FILE", "the password of a protected profile"),
                ):
                    if not any(option in a.option_strings for a in sub._actions):
                        sub.add_argument(
                            option,
                            type=Path,
                            metavar=metavar,
                            default=argparse.SUPPRESS,
                            help=text,
                        )
                _accept_data_dir_anywhere(sub)


def main(argv: Sequence[str] | None = None) -> int:
    os.umask(0o077)  # everything the app writes is private to the user
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    try:
        if args.verb is None:
            return run_app(args)
        return int(args.handler(args))
    except CompanionError as exc:
        print(f"companion: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("companion: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`companion library search … | head`): normal for a
        # command-line tool, so no message and no crash log. Point stdout at /dev/null so
        # the interpreter's final flush does not complain either.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # as a tool killed by SIGPIPE
    except Exception as exc:
        print(
            f"companion: unexpected error ({type(exc).__name__}); "
            "a crash log was written to the profile's logs folder",
            file=sys.stderr,
        )
        _write_crash_log(args, exc)
        return 1


def _write_crash_log(args: argparse.Namespace, exc: BaseException) -> None:
    from companion.crash import write_crash_log
    from companion.paths import ProfilePaths

    # A verb that writes a new profile (`demo --into DIR`) keeps its crash log there: the
    # default profile may not exist and has nothing to do with it.
    profile = getattr(args, "into", None) or data_dir_of(args)
    with contextlib.suppress(OSError):
        write_crash_log(ProfilePaths(Path(profile)).logs, type(exc), exc.__traceback__)


def run_app(args: argparse.Namespace) -> int:
    # What the window's start makes (modules, widgets) lives as long as the app: the cyclic
    # collector would walk it again and again for nothing (a tenth of the start). It pauses
    # until the window is painted (companion.app.settle_after_start resumes it).
    gc.disable()
    try:
        return _open_window(args)
    finally:
        gc.enable()


def _open_window(args: argparse.Namespace) -> int:
    if not args.demo:
        from companion.store.database import check_early

        check_early(data_dir_of(args))  # SQLite checks the file while the window's code loads
    from companion.app import run_gui

    if not args.demo:
        return run_gui(data_dir_of(args), quit_when_shown=args.quit_when_shown)
    import signal
    import tempfile

    from companion.demo import write_demo_profile

    # SIGTERM (a logout, `kill`) must unwind through the `with` so the throwaway profile is
    # removed; the window replaces this handler with one that closes it (app.run_gui).
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    with tempfile.TemporaryDirectory(prefix="her2-companion-demo-") as folder:
        demo_dir = Path(folder) / "profile"
        write_demo_profile(demo_dir).close()
        return run_gui(demo_dir, quit_when_shown=args.quit_when_shown)
