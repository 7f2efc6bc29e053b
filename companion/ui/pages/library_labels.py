"""Plain words for the library's codes: kinds, drug classes, sections, topics, urgencies."""

from __future__ import annotations

from companion.translations import Library


def kind_label(kind: str) -> str:
    return {
        "drug": Library.tr("Medicine"),
        "treatment": Library.tr("Treatment"),
        "site": Library.tr("Where cancer can spread"),
        "test": Library.tr("Test"),
        "term": Library.tr("Word to know"),
        "guide": Library.tr("Guide"),
        "symptom": Library.tr("Symptom"),
        "question": Library.tr("Question for your visit"),
    }.get(kind, kind)


def class_group_label(drug_class: str) -> str:
    """Heading for a group of drugs in the browse list."""
    return {
        "her2_antibody": Library.tr("HER2 antibodies"),
        "her2_adc": Library.tr("HER2 antibody–drug conjugates"),
        "her2_tki": Library.tr("HER2 pills (kinase inhibitors)"),
        "chemotherapy": Library.tr("Chemotherapy"),
        "hormone_therapy": Library.tr("Hormone therapy"),
        "bone_agent": Library.tr("Bone-strengthening medicines"),
        "cdk46_inhibitor": Library.tr("CDK4/6 inhibitors (pills that slow cell division)"),
    }.get(drug_class, drug_class)


def class_label(drug_class: str) -> str:
    """What one drug is, for its page."""
    return {
        "her2_antibody": Library.tr("HER2 antibody"),
        "her2_adc": Library.tr("HER2 antibody–drug conjugate (ADC)"),
        "her2_tki": Library.tr("HER2 pill (kinase inhibitor)"),
        "chemotherapy": Library.tr("Chemotherapy"),
        "hormone_therapy": Library.tr("Hormone therapy"),
        "bone_agent": Library.tr("Bone-strengthening medicine"),
        "cdk46_inhibitor": Library.tr("CDK4/6 inhibitor (a pill that slows cell division)"),
    }.get(drug_class, drug_class)


def category_label(category: str) -> str:
    return {
        "radiation": Library.tr("Radiation"),
        "surgery": Library.tr("Surgery"),
        "procedure": Library.tr("Procedure"),
        "radiopharmaceutical": Library.tr("Radioactive medicine"),
        "trial": Library.tr("Clinical trials"),
        "research": Library.tr("Research only"),
    }.get(category, category)


def section_label(key: str) -> str:
    return {
        "what_it_is": Library.tr("What it is"),
        "how_it_works": Library.tr("How it works"),
        "how_given": Library.tr("How it is given"),
        "used_when": Library.tr("When it is used"),
        "side_effects": Library.tr("Side effects"),
        "serious": Library.tr("Serious side effects"),
        "boxed_warning": Library.tr("Boxed warning"),
        "monitoring": Library.tr("Tests and check-ups"),
        "call_team": Library.tr("When to call your care team"),
        "treatments": Library.tr("Treatments"),
        "symptoms_to_report": Library.tr("Symptoms to report"),
        "what_results_mean": Library.tr("What the results mean"),
        "what_to_expect": Library.tr("What to expect"),
        "notes": Library.tr("Good to know"),
    }.get(key, key)


def topic_label(topic: str) -> str:
    return {
        "diagnosis": Library.tr("About the diagnosis"),
        "treatment": Library.tr("About treatment"),
        "side_effects": Library.tr("About side effects"),
        "daily_life": Library.tr("Daily life"),
        "work_money": Library.tr("Work and money"),
        "trials": Library.tr("Clinical trials"),
        "supportive": Library.tr("Support and comfort care"),
        "prognosis": Library.tr("The outlook"),
        "feelings": Library.tr("Feelings"),
    }.get(topic, topic)


def urgency_label(urgency: str) -> str:
    return {
        "today": Library.tr("Call your care team today"),
        "now": Library.tr("Call your care team now, day or night"),
        "emergency": Library.tr("Emergency: call your local emergency number"),
    }.get(urgency, urgency)


def attribute_label(attribute: str) -> str:
    return {
        "severity": Library.tr("how bad is it"),
        "frequency": Library.tr("how often"),
        "interference": Library.tr("how much it gets in the way"),
        "amount": Library.tr("how much"),
        "presence": Library.tr("yes or no"),
    }.get(attribute, attribute)
