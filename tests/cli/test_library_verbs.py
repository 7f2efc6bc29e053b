from __future__ import annotations

import subprocess
import sys

import pytest
from cli_runner import CliRunner


def test_search_prints_one_match_per_line_as_title_and_kind(cli: CliRunner) -> None:
    status, out, _err = cli("library", "search", "herceptin")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Trastuzumab — drug"
    assert all(" — " in line for line in lines)


@pytest.mark.parametrize(
    ("words", "first"),
    [
        (["Enhertu"], "Trastuzumab deruxtecan"),
        (["T-DXd"], "Trastuzumab deruxtecan"),
        (["tdxd"], "Trastuzumab deruxtecan"),
        (["Xeloda"], "Capecitabine — drug"),
        (["zometa"], "Zoledronic acid"),
        (["heart", "scan"], None),
    ],
)
def test_search_finds_brands_and_abbreviations(
    cli: CliRunner, words: list[str], first: str | None
) -> None:
    status, out, _err = cli("library", "search", *words)
    assert status == 0 and out
    if first:
        assert out.splitlines()[0].startswith(first)


def test_limit_and_no_match(cli: CliRunner) -> None:
    status, out, _err = cli("library", "search", "--limit", "2", "lung")
    assert status == 0 and len(out.splitlines()) == 2
    status, out, err = cli("library", "search", "qqxzzq")
    assert status == 1 and out == "" and "No entries match" in err
    status, _out, err = cli("library", "search", "--limit", "0", "lung")
    assert status == 1 and "--limit" in err


def test_info_shows_counts_and_hash(cli: CliRunner) -> None:
    status, out, _err = cli("library", "info")
    assert status == 0 and "Entries:" in out and "Content hash:" in out


def test_the_command_works_from_a_shell() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "companion", "library", "search", "Xeloda"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Capecitabine — drug"
