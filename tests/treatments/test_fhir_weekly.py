"""The weekly PRO-CTCAE check-ins in the FHIR export: a Questionnaire of the items used (NCI's
item codes) and a QuestionnaireResponse per weekly check-in, valid FHIR R4(B)."""

from __future__ import annotations

from datetime import timedelta

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fixed_time import TODAY

from companion.reports.fhir_record import build_record_bundle
from companion.reports.fhir_weekly import PRO_CTCAE
from companion.services import Services


def by_type(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_each_weekly_check_in_is_a_questionnaire_response(demo_dir) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_dir)
    try:
        bundle = build_record_bundle(services)
        weeks = services.symptoms.plan.weeks(TODAY)
    finally:
        services.close()
    Bundle.model_validate(bundle)
    [questionnaire] = by_type(bundle, "Questionnaire")
    Questionnaire.model_validate(questionnaire)
    codes = [item["linkId"] for item in questionnaire["item"]]
    assert "16A" in codes and "9A" in codes and "9B" in codes  # diarrhea, nausea (NCI)
    diarrhea = questionnaire["item"][codes.index("16A")]
    assert diarrhea["code"][0] == {
        "system": PRO_CTCAE,
        "code": "16A",
        "display": "Diarrhea: frequency",
    }
    assert diarrhea["text"] == "In the last 7 days, how often did you have diarrhea?"
    assert [o["valueCoding"]["display"] for o in diarrhea["answerOption"]] == [
        "Never",
        "Rarely",
        "Occasionally",
        "Frequently",
        "Almost constantly",
    ]
    responses = by_type(bundle, "QuestionnaireResponse")
    assert len(responses) == len(weeks) >= 18
    for response in responses:
        QuestionnaireResponse.model_validate(response)
        assert response["questionnaire"] == questionnaire["url"]
        assert {i["linkId"] for i in response["item"]} <= set(codes)
    worse_week = next(r for r in responses if r["authored"] == str(TODAY - timedelta(days=7)))
    answer = next(i for i in worse_week["item"] if i["linkId"] == "16A")["answer"][0]
    assert answer["valueCoding"]["code"] == "3" and answer["valueCoding"]["display"] == "Frequently"
    # "Never" vomiting: its other questions were skipped, so they are not in the response
    assert "10A" in {i["linkId"] for i in worse_week["item"]}
    assert "10B" not in {i["linkId"] for i in worse_week["item"]}
    # weekly answers are not also written as day-by-day Observations
    observations = by_type(bundle, "Observation")
    ids = [o["id"] for o in observations]
    assert len(ids) == len(set(ids))
