"""Guards against a Qt for Python release that miscounts references to None.

PySide6 6.12.0 on Python 3.11 dropped one reference to None on every call that returns
nothing; a long session then aborts with "deallocating None". pyproject caps the version;
this test fails if a release with that bug is installed anyway.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject
o = QObject()
before = sys.getrefcount(None)
for _ in range(500):
    o.setObjectName("x")
print(sys.getrefcount(None) - before)
"""


def test_void_calls_keep_the_reference_count_of_none() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.split()[-1])) < 10
