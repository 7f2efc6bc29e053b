"""Visit figures: the Visits page, suggestions, the question sheet and the visit brief.

    .venv/bin/python benchmarks/visits.py [--answers 100000] [--questions 100] [--json]

On the demo profile and on a big synthetic profile (benchmarks/symptom_profile.py, with
--answers symptom answers), with a visit 30 days after the last one holding --questions
questions: seconds to open the Visits page, to find suggestions, to lay out the question
sheet and the brief, and to write both PDFs. Runs offscreen unless QT_QPA_PLATFORM says.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from symptom_profile import write_big_profile

from companion.app import ensure_application
from companion.demo import write_demo_profile
from companion.reports.pdf import write_pdf
from companion.reports.question_sheet import question_sheet
from companion.reports.visit_brief import visit_brief_for
from companion.services import Services
from companion.ui.pages.visits import VisitsPage


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return round(time.perf_counter() - start, 3)


def measure(services: Services, visit_id: int, folder: Path) -> dict[str, float]:
    name = services.profile.get().name
    page = VisitsPage(services)
    pages: list[int] = []
    figures: dict[str, float] = {
        "open_visits_page_s": timed(page.refresh),
        "select_visit_s": timed(lambda: page.select_visit(visit_id)),
        "suggestions_s": timed(lambda: services.visit_suggestions.suggestions(visit_id)),
        "question_sheet_pdf_s": timed(
            lambda: pages.append(
                question_sheet(services.visits, visit_id, name).write_pdf(folder / "q.pdf")
            )
        ),
        "visit_brief_pdf_s": timed(
            lambda: write_pdf(visit_brief_for(services, visit_id), folder / "b.pdf")
        ),
    }
    figures["question_sheet_pages"] = pages[0]
    page.deleteLater()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    ensure_application()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_demo_profile(folder / "demo").close()
        demo = Services.open(folder / "demo")
        results["demo"] = measure(demo, demo.visits.next_visit().id, folder)
        demo.close()

        written = write_big_profile(folder / "big", args.answers)
        big = Services.open(folder / "big")
        now = datetime.now().replace(second=0, microsecond=0)
        big.visits.add(now - timedelta(days=30), "oncologist")
        visit = big.visits.add(now + timedelta(days=2), "oncologist", "Dr. Example")
        for n in range(args.questions):
            big.visits.add_question(visit.id, f"Question {n + 1}: what does this mean for me?")
        results["big"] = {"symptom_answers": written, "questions": args.questions}
        results["big"].update(measure(big, visit.id, folder))  # type: ignore[union-attr]
        big.close()
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for profile, figures in results.items():
            print(profile)
            for key, value in figures.items():  # type: ignore[union-attr]
                print(f"  {key:24} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
