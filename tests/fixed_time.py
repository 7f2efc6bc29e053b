"""The moment every test runs at: the autouse `clock` fixture (conftest.py) sets the app's
clock to it, so no test depends on the real date or breaks across midnight."""

from __future__ import annotations

from datetime import datetime

NOW = datetime(2026, 11, 23, 10, 30)  # local wall time, a Monday
TODAY = NOW.date()
