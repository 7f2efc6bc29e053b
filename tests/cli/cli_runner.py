"""The one way tests run the command line: in-process, with what it printed (the `cli`
fixture of tests/cli/conftest.py)."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from companion.cli import main


class CliResult(NamedTuple):
    status: int
    out: str
    err: str


class CliRunner:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, *argv: str) -> CliResult:
        """Run `companion ARGV`; argparse's exits (usage errors, --help) give their status."""
        try:
            status = main(list(argv))
        except SystemExit as exc:
            status = int(exc.code or 0)
        out, err = self._capsys.readouterr()
        return CliResult(status, out, err)
