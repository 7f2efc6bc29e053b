"""Start-up time and memory of `companion --demo` against a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 5] [--json]

Each run is a fresh process that builds its window, shows it, lets Qt paint, then reports
wall time since the process started and peak resident memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

BARE = """
import time, resource, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1100, 750); w.show()
for _ in range(5): app.processEvents()
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

DEMO = """
import time, resource, sys, tempfile, pathlib
t0 = time.perf_counter()
from companion.app import ensure_application, build_main_window
from companion.demo import write_demo_profile
app = ensure_application()
folder = pathlib.Path(tempfile.mkdtemp()) / "demo"
t_demo = time.perf_counter()
write_demo_profile(folder).close()
demo_seconds = time.perf_counter() - t_demo
w = build_main_window(folder); w.show()
for _ in range(5): app.processEvents()
total = time.perf_counter() - t0
print(total - demo_seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, demo_seconds)
"""


def measure(code: str, runs: int) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times, rss, extra = [], [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(out[0]))
        rss.append(int(out[1]) / 1024)
        if len(out) > 2:
            extra.append(float(out[2]))
    result = {"seconds_median": statistics.median(times), "peak_rss_mib": max(rss)}
    if extra:
        result["demo_write_seconds"] = statistics.median(extra)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = {"bare_pyside6": measure(BARE, args.runs), "companion_demo": measure(DEMO, args.runs)}
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, values in figures.items():
            print(name, " ".join(f"{k}={v:.3f}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
