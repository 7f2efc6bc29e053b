from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from companion.visits.suggestions import SuggestionService

NOW = datetime(2026, 5, 10, 12, 0)


@pytest.fixture
def setup(services, fake_library, history):
    last = services.visits.add(NOW - timedelta(days=10), "oncologist")
    nxt = services.visits.add(NOW + timedelta(days=3), "oncologist")
    history(services.store, last.day)
    return (
        services,
        SuggestionService(
            services.store,
            services.visits,
            fake_library,
            services.symptoms.recap,
            services.treatments.recap,
        ),
        nxt,
    )


def test_suggestions_cover_each_kind_once(setup) -> None:
    _services, suggestions, nxt = setup
    found = suggestions.suggestions(nxt.id, NOW)
    kinds = [s.kind for s in found]
    assert sorted(kinds) == sorted(
        [
            "red_flag",
            "severe_symptom",
            "severe_symptom",
            "receptor_change",
            "scan",
            "line_started",
            "line_ended",
        ]
    )
    by_kind = {s.kind: s for s in found}
    assert "fever" in by_kind["red_flag"].text
    severe = [s for s in found if s.kind == "severe_symptom"]
    assert [s.text.split(" was ")[0] for s in severe] == ["My nausea", "My diarrhea"]
    assert "Very severe" in severe[0].text
    assert "Frequently" in severe[1].text
    assert "ER status changed from positive to negative" in by_kind["receptor_change"].text
    assert "CT scan" in by_kind["scan"].text
    assert "T-DXd" in by_kind["line_started"].text
    assert "THP" in by_kind["line_ended"].text
    assert len({s.key for s in found}) == len(found)
    # A mild symptom or a blood test alone proposes nothing.
    assert not any("atigue" in s.text or "blood" in s.text for s in found)


def test_accept_adds_question_and_dismiss_is_remembered(setup) -> None:
    services, suggestions, nxt = setup
    found = suggestions.suggestions(nxt.id, NOW)
    scan = next(s for s in found if s.kind == "scan")
    flag = next(s for s in found if s.kind == "red_flag")
    added = suggestions.accept(nxt.id, scan)
    assert added is not None and added.text == scan.text and added.topic == "diagnosis"
    suggestions.dismiss(flag)
    left = suggestions.suggestions(nxt.id, NOW)
    assert scan.key not in {s.key for s in left}
    assert flag.key not in {s.key for s in left}
    assert len(left) == len(found) - 2
    assert [q.text for q in services.visits.questions(nxt.id)] == [scan.text]
    suggestions.restore(flag)
    assert flag.key in {s.key for s in suggestions.suggestions(nxt.id, NOW)}


def test_nothing_before_the_last_visit_is_suggested(setup) -> None:
    services, suggestions, nxt = setup
    services.visits.add(NOW - timedelta(hours=2), "nurse")  # a visit after all that history
    assert suggestions.suggestions(nxt.id, NOW) == []


def test_works_without_a_library(services, history) -> None:
    from companion.visits.library_access import LibraryAccess

    def broken():
        raise OSError("not built")

    last = services.visits.add(NOW - timedelta(days=10), "oncologist")
    nxt = services.visits.add(NOW + timedelta(days=3), "oncologist")
    history(services.store, last.day)
    found = SuggestionService(
        services.store,
        services.visits,
        LibraryAccess(broken),
        services.symptoms.recap,
        services.treatments.recap,
    ).suggestions(nxt.id, NOW)
    assert any(s.kind == "severe_symptom" and "Nausea" in s.reason for s in found)
