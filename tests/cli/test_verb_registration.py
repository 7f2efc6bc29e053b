"""Only the verb given is registered; help and mistakes still see every verb."""

from __future__ import annotations

import argparse
import importlib

import pytest

from companion.cli import VERB_MODULES, build_parser, main, verb_modules_for

EVERY_MODULE = list(dict.fromkeys(VERB_MODULES.values()))


def registered_verbs(parser: argparse.ArgumentParser) -> set[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def test_the_table_names_exactly_the_verbs_each_module_registers() -> None:
    for module in EVERY_MODULE:
        parser = argparse.ArgumentParser()
        importlib.import_module(module).register(parser.add_subparsers())
        table = {verb for verb, owner in VERB_MODULES.items() if owner == module}
        assert registered_verbs(parser) == table, module


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        ([], []),
        (["--data-dir", "check"], []),  # "check" is the folder, not the verb
        (["--demo"], []),
        (["check"], ["companion.cli.profile_verbs"]),
        (["--data-dir", "x", "library", "search", "her"], ["companion.cli.library_verbs"]),
        (["import", "csv", "--help"], ["companion.cli.export"]),
        (["--help"], EVERY_MODULE),
        (["--password-file", "p", "-h", "check"], EVERY_MODULE),
        (["chekc"], EVERY_MODULE),
    ],
)
def test_the_modules_an_argv_needs(argv: list[str], modules: list[str]) -> None:
    assert verb_modules_for(argv) == modules


def test_help_lists_every_verb(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for verb in VERB_MODULES:
        assert verb in out
    assert registered_verbs(build_parser()) == set(VERB_MODULES)


def test_a_mistyped_verb_is_told_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["chekc"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'chekc'" in err
    assert "library" in err and "restore" in err


def test_options_after_the_verb_still_work(tmp_path: object) -> None:
    parser = build_parser(["check", "--data-dir", "somewhere"])
    args = parser.parse_args(["check", "--data-dir", "somewhere"])
    assert args.verb == "check" and str(args.data_dir) == "somewhere"
    assert registered_verbs(parser) == {"check", "backup", "restore", "demo"}
