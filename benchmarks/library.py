"""Library figures: build time, open time, search latency (search-as-you-type), file size.

    .venv/bin/python benchmarks/library.py [--json]

Search is timed for every prefix of a set of typed words (what a patient's keystrokes send),
including misspellings, which take the slower look-alike path.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from companion.library.build import build
from companion.library.service import LibraryService, default_database

TYPED = [
    "herceptin",
    "enhertu",
    "t-dxd",
    "tdxd",
    "capecitabine",
    "xeloda",
    "zometa",
    "herseptin",
    "capecitibine",
    "trastuzamab",
    "shortness of breath",
    "heart scan",
    "diarrhea",
    "lung",
    "bone pain",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures: dict[str, float] = {}

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = build(output=Path(folder) / "library.sqlite")
        figures["build_s"] = time.perf_counter() - start
    figures["entries"] = result.entries
    figures["facts"] = result.facts
    figures["file_kib"] = default_database().stat().st_size / 1024

    start = time.perf_counter()
    library = LibraryService()
    library.entries()
    library.symptoms()
    library.red_flag_rules()
    figures["open_and_load_ms"] = (time.perf_counter() - start) * 1000

    library.search("warm-up", 30)
    times = []
    for word in TYPED:
        for end in range(1, len(word) + 1):
            start = time.perf_counter()
            library.search(word[:end], 30)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    figures["searches"] = len(times)
    figures["search_median_ms"] = statistics.median(times)
    figures["search_p95_ms"] = times[int(len(times) * 0.95)]
    figures["search_max_ms"] = times[-1]

    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>18}: {value:.2f}" if isinstance(value, float) else f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
