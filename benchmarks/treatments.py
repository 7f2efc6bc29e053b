"""Treatment history figures on a big profile: timeline query, Treatments page and timeline
tab refresh, printed summary, FHIR export (build, size) of the whole record.

    .venv/bin/python benchmarks/treatments.py [--answers 100000] [--json]

The profile comes from benchmarks/symptom_profile.py (a check-in a day for years, treatment
lines), with the demo patient's scans, biopsies and sites added.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from symptom_profile import write_big_profile


def timed(work) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from companion.app import build_main_window, ensure_application
    from companion.reports.fhir_record import build_record_bundle, write_bundle
    from companion.reports.pdf import write_pdf
    from companion.reports.treatment_summary import build_treatment_summary

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "profile"
        figures["answers"] = write_big_profile(data_dir, args.answers)
        app = ensure_application()
        window = build_main_window(data_dir)
        services = window.services
        record = services.treatments
        figures["timeline_query_s"], events = timed(record.timeline.events)
        figures["timeline_events"] = len(events)  # type: ignore[arg-type]
        window.show()
        page = window.page("treatments")
        figures["page_open_s"], _ = timed(lambda: window.show_page("treatments"))
        for tab in ("medicines", "scans", "biopsies", "sites", "timeline"):
            figures[f"tab_{tab}_s"], _ = timed(lambda t=tab: page.show_tab(t))
        app.processEvents()
        figures["summary_pdf_s"], _ = timed(
            lambda: write_pdf(build_treatment_summary(services), Path(folder) / "s.pdf")
        )
        figures["fhir_build_s"], bundle = timed(lambda: build_record_bundle(services))
        figures["fhir_resources"] = len(bundle["entry"])  # type: ignore[index]
        out = Path(folder) / "record.json"
        figures["fhir_write_s"], _ = timed(lambda: write_bundle(bundle, out))  # type: ignore[arg-type]
        figures["fhir_mb"] = out.stat().st_size / 1e6
        window.close()
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for key, value in figures.items():
            print(f"{key:>20}: {value:,.3f}" if isinstance(value, float) else f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
