"""The history's SQL summaries and the log window agree with plain Python over every answer
(the demo profile: a few months of check-ins, treatment lines, red flags)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from companion.services import Services
from companion.symptoms.history import weekly_worst
from companion.symptoms.log_window import LogQuery, SortContext


@pytest.fixture
def demo(demo_dir: Path):  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    yield services
    services.close()


def test_weekly_worst_in_sql_matches_python(demo: Services) -> None:
    history = demo.symptoms.history
    attributes = {t.id: t.attributes for t in demo.symptoms.vocabulary()}
    everything = history.answers()
    assert history.weekly_worst() == weekly_worst(everything, attributes)
    first, last = history.span()  # type: ignore[misc]
    start, end = first + timedelta(days=10), last - timedelta(days=9)
    assert history.weekly_worst(start, end, "nausea") == weekly_worst(
        [r for r in everything if start <= r[0] <= end and r[1] == "nausea"], attributes
    )


def test_log_window_pages_through_every_answer_once(demo: Services) -> None:
    history = demo.symptoms.history
    window = demo.symptoms.log_window
    context = SortContext({t.id: t.term for t in demo.symptoms.vocabulary()}, [], {})
    query = LogQuery(symptom_id="fatigue", descending=False)
    assert window.count(query) == len(history.answers(symptom_ids=["fatigue"]))
    pages = [window.rows(query, context, 7, skip) for skip in range(0, window.count(query), 7)]
    assert [r for page in pages for r in page] == history.answers(symptom_ids=["fatigue"])
    # Starting from a day skips only that day's rows already read.
    day = pages[3][-1][0]
    held = sum(1 for page in pages[:4] for r in page if r[0] == day)
    assert window.rows(query, context, 7, held, from_day=day) == pages[4]
