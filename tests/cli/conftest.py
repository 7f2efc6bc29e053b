"""Fixtures for the command-line tests."""

from __future__ import annotations

import pytest
from cli_runner import CliRunner


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(capsys)
