"""Plain words for the library's codes: kinds, drug classes, sections, topics, urgencies."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Library", text)


def kind_label(kind: str) -> str:
    return {
        "drug": _tr("Medicine"),
        "treatment": _tr("Treatment"),
        "site": _tr("Where cancer can spread"),
        "test": _tr("Test"),
        "term": _tr("Word to know"),
        "guide": _tr("Guide"),
        "symptom": _tr("Symptom"),
        "question": _tr("Question for your visit"),
    }.get(kind, kind)


def class_group_label(drug_class: str) -> str:
    """Heading for a group of drugs in the browse list."""
    return {
        "her2_antibody": _tr("HER2 antibodies"),
        "her2_adc": _tr("HER2 antibody–drug conjugates"),
        "her2_tki": _tr("HER2 pills (kinase inhibitors)"),
        "chemotherapy": _tr("Chemotherapy"),
        "hormone_therapy": _tr("Hormone therapy"),
        "bone_agent": _tr("Bone-strengthening medicines"),
    }.get(drug_class, drug_class)


def class_label(drug_class: str) -> str:
    """What one drug is, for its page."""
    return {
        "her2_antibody": _tr("HER2 antibody"),
        "her2_adc": _tr("HER2 antibody–drug conjugate (ADC)"),
        "her2_tki": _tr("HER2 pill (kinase inhibitor)"),
        "chemotherapy": _tr("Chemotherapy"),
        "hormone_therapy": _tr("Hormone therapy"),
        "bone_agent": _tr("Bone-strengthening medicine"),
    }.get(drug_class, drug_class)


def category_label(category: str) -> str:
    return {
        "radiation": _tr("Radiation"),
        "surgery": _tr("Surgery"),
        "procedure": _tr("Procedure"),
        "radiopharmaceutical": _tr("Radioactive medicine"),
        "trial": _tr("Clinical trials"),
        "research": _tr("Research only"),
    }.get(category, category)


def section_label(key: str) -> str:
    return {
        "what_it_is": _tr("What it is"),
        "how_it_works": _tr("How it works"),
        "how_given": _tr("How it is given"),
        "used_when": _tr("When it is used"),
        "side_effects": _tr("Side effects"),
        "serious": _tr("Serious side effects"),
        "boxed_warning": _tr("Boxed warning"),
        "monitoring": _tr("Tests and check-ups"),
        "call_team": _tr("When to call your care team"),
        "treatments": _tr("Treatments"),
        "symptoms_to_report": _tr("Symptoms to report"),
        "what_results_mean": _tr("What the results mean"),
        "what_to_expect": _tr("What to expect"),
        "notes": _tr("Good to know"),
    }.get(key, key)


def topic_label(topic: str) -> str:
    return {
        "diagnosis": _tr("About the diagnosis"),
        "treatment": _tr("About treatment"),
        "side_effects": _tr("About side effects"),
        "daily_life": _tr("Daily life"),
        "work_money": _tr("Work and money"),
        "trials": _tr("Clinical trials"),
        "supportive": _tr("Support and comfort care"),
        "prognosis": _tr("The outlook"),
        "feelings": _tr("Feelings"),
    }.get(topic, topic)


def urgency_label(urgency: str) -> str:
    return {
        "today": _tr("Call your care team today"),
        "now": _tr("Call your care team now, day or night"),
        "emergency": _tr("Emergency: call your local emergency number"),
    }.get(urgency, urgency)


def attribute_label(attribute: str) -> str:
    return {
        "severity": _tr("how bad is it"),
        "frequency": _tr("how often"),
        "interference": _tr("how much it gets in the way"),
        "amount": _tr("how much"),
        "presence": _tr("yes or no"),
    }.get(attribute, attribute)
