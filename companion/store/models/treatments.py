from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from companion.store.models.base import Base


class TherapyLine(Base):
    """A line of therapy: early-stage history or a metastatic line."""

    __tablename__ = "therapy_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]
    setting: Mapped[str] = mapped_column(String(20), default="metastatic")  # or "early"
    regimen: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    # progression | side_effects | completed | patient_choice | other
    end_reason: Mapped[str | None] = mapped_column(String(30))
    end_note: Mapped[str] = mapped_column(Text, default="")

    drugs: Mapped[list[LineDrug]] = relationship(
        back_populates="line", cascade="all, delete-orphan", passive_deletes=True
    )
    administrations: Mapped[list[Administration]] = relationship(
        back_populates="line", cascade="all, delete-orphan", passive_deletes=True
    )


class LineDrug(Base):
    """A drug in a line; library_id links to the library, name keeps what was typed."""

    __tablename__ = "line_drug"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("therapy_line.id", ondelete="CASCADE"), index=True
    )
    library_id: Mapped[str | None] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]

    line: Mapped[TherapyLine] = relationship(back_populates="drugs")


class Administration(Base):
    """An infusion or cycle, a dose change or a delay."""

    __tablename__ = "administration"

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(
        ForeignKey("therapy_line.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(20), default="given")  # given | dose_change | delay
    cycle: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")

    line: Mapped[TherapyLine] = relationship(back_populates="administrations")


class OtherMedicine(Base):
    """A supportive or other medicine outside the cancer treatment lines."""

    __tablename__ = "other_medicine"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    library_id: Mapped[str | None] = mapped_column(String(80))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    dose: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]


class TestResult(Base):
    """A scan or test: CT, PET, bone scan, brain MRI, echo, MUGA, blood test, tumour marker."""

    __tablename__ = "test_result"
    __test__ = False  # not a pytest test class, despite the name

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    day: Mapped[date] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    lvef_percent: Mapped[float | None]
    marker_name: Mapped[str | None] = mapped_column(String(40))
    marker_value: Mapped[float | None]
    marker_unit: Mapped[str | None] = mapped_column(String(20))


class Biopsy(Base):
    """A biopsy with receptor results."""

    __tablename__ = "biopsy"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    site: Mapped[str] = mapped_column(String(120), default="")
    er: Mapped[str] = mapped_column(String(12), default="unknown")  # positive | negative | unknown
    pr: Mapped[str] = mapped_column(String(12), default="unknown")
    her2_ihc: Mapped[str | None] = mapped_column(String(4))  # 0 | 0+ (ultralow) | 1+ | 2+ | 3+
    her2_fish: Mapped[str | None] = mapped_column(String(12))  # positive | negative | equivocal
    note: Mapped[str] = mapped_column(Text, default="")


class MetastasisSite(Base):
    """A site of spread and when it was found; site_id links to the library."""

    __tablename__ = "metastasis_site"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(200), default="")
    found_date: Mapped[date]


class TreatmentProcedure(Base):
    """Surgery, a course of radiation or another procedure that is not a drug line."""

    __tablename__ = "treatment_procedure"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="surgery")  # surgery | radiation | other
    day: Mapped[date] = mapped_column(index=True)
    end_date: Mapped[date | None]
    description: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
