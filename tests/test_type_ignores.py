"""Every `# type: ignore` names the error it silences and says why, on the same line, so a
silenced check is a decision someone can read, not a habit (the mypy rule in pyproject)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "companion"
EXPLAINED = re.compile(r"#\s*type:\s*ignore\[[a-z-]+(?:,\s*[a-z-]+)*\]\s+#\s*\S")


def unexplained_ignores(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"#\s*type:\s*ignore", line) and not EXPLAINED.search(line):
                found.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    return found


def test_every_type_ignore_names_its_error_and_its_reason() -> None:
    assert unexplained_ignores(PACKAGE) == []


def test_the_check_finds_a_bare_ignore(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text(
        "a = 1  # type: ignore\n"
        "b = 2  # type: ignore[assignment]\n"
        "c = 3  # type: ignore[assignment]  # a reason\n"
    )
    assert [line.split(": ", 1)[0] for line in unexplained_ignores(tmp_path)] == [
        f"{tmp_path.name}/module.py:1",
        f"{tmp_path.name}/module.py:2",
    ]
