"""ORM models of the profile database, one module per feature."""

from companion.store.models.base import Base
from companion.store.models.medicines import DoseLogEntry, MedicineDose, MedicineSchedule
from companion.store.models.profile import PinnedSymptom, Profile
from companion.store.models.symptoms import CheckIn, EsasAnswer, RedFlagEvent, SymptomAnswer
from companion.store.models.treatments import (
    Administration,
    Biopsy,
    LineDrug,
    MetastasisSite,
    OtherMedicine,
    TestResult,
    TherapyLine,
    TreatmentProcedure,
)
from companion.store.models.visits import DismissedSuggestion, Question, Visit, VisitQuestion

__all__ = [
    "Administration",
    "Base",
    "Biopsy",
    "CheckIn",
    "DismissedSuggestion",
    "DoseLogEntry",
    "EsasAnswer",
    "LineDrug",
    "MedicineDose",
    "MedicineSchedule",
    "MetastasisSite",
    "OtherMedicine",
    "PinnedSymptom",
    "Profile",
    "Question",
    "RedFlagEvent",
    "SymptomAnswer",
    "TestResult",
    "TherapyLine",
    "TreatmentProcedure",
    "Visit",
    "VisitQuestion",
]
