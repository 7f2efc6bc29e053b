"""The weekly PRO-CTCAE check-ins as FHIR R4: one Questionnaire with the items used (linkId
and code are NCI's item codes, e.g. "16A" for diarrhea frequency) and one
QuestionnaireResponse per weekly check-in, answered with NCI's answer words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from companion.library.model import ANSWER_SCALES
from companion.symptoms import weekly
from companion.symptoms.service import SymptomService

Resource = dict[str, Any]
PRO_CTCAE = "https://healthcaredelivery.cancer.gov/pro-ctcae"  # NCI's item library


def weekly_resources(
    service: SymptomService,
    end: date,
    subject: dict[str, str],
    make_id: Callable[..., str],
) -> list[Resource]:
    """The Questionnaire (if any weekly check-in was made) and the QuestionnaireResponses."""
    plan = service.plan
    weeks = plan.weeks(end)
    if not weeks:
        return []
    numbers = plan.item_numbers()

    def code_of(symptom_id: str, attribute: str) -> str:
        attributes = service.attributes(symptom_id)
        return weekly.item_code(numbers.get(symptom_id, 0), attributes, attribute)

    used = sorted(
        {k for w in weeks for k in w.values if k[0] in numbers},
        key=lambda k: (numbers[k[0]], code_of(*k)),
    )
    questionnaire_id = make_id("questionnaire", "pro-ctcae-weekly", *(code_of(*k) for k in used))
    url = f"urn:uuid:{questionnaire_id}"
    items = []
    for symptom_id, attribute in used:
        code = code_of(symptom_id, attribute)
        term = service.term(symptom_id)
        items.append(
            {
                "linkId": code,
                "code": [{"system": PRO_CTCAE, "code": code, "display": f"{term}: {attribute}"}],
                "text": weekly.question(attribute, term),
                "type": "choice",
                "answerOption": [
                    {
                        "valueCoding": {
                            "system": f"{PRO_CTCAE}/{attribute}",
                            "code": str(i),
                            "display": word,
                        }
                    }
                    for i, word in enumerate(ANSWER_SCALES.get(attribute, ()))
                ],
            }
        )
    resources: list[Resource] = [
        {
            "resourceType": "Questionnaire",
            "id": questionnaire_id,
            "url": url,
            "status": "active",
            "title": "PRO-CTCAE weekly check-in (items used), recall: the last 7 days",
            "subjectType": ["Patient"],
            "item": items,
        }
    ]
    for week in weeks:
        answered = []
        for symptom_id, attribute in used:
            value = week.values.get((symptom_id, attribute))
            if value is None:
                continue  # not asked, or skipped by PRO-CTCAE's branching
            words = ANSWER_SCALES.get(attribute, ())
            answered.append(
                {
                    "linkId": code_of(symptom_id, attribute),
                    "text": weekly.question(attribute, service.term(symptom_id)),
                    "answer": [
                        {
                            "valueCoding": {
                                "system": f"{PRO_CTCAE}/{attribute}",
                                "code": str(value),
                                "display": words[value] if value < len(words) else str(value),
                            }
                        }
                    ],
                }
            )
        resources.append(
            {
                "resourceType": "QuestionnaireResponse",
                "id": make_id("questionnaire-response", week.day),
                "questionnaire": url,
                "status": "completed",
                "subject": subject,
                "authored": week.day.isoformat(),
                "item": answered,
            }
        )
    return resources
