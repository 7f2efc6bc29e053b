"""The visit brief's "Medicines at home since the last visit": one line per medicine with
the doses taken, then the missed and skipped ones with why (shortened to fit the page)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from companion.medicines.home_summary import HomeMedicine
from companion.medicines.wording import reason_text, status_text
from companion.translations import TranslationContext
from companion.visits.model import format_day


class BriefMedicines(TranslationContext):
    """The visit brief's section on medicines taken at home."""


def home_medicines_html(medicines: Sequence[HomeMedicine], misses_shown: int) -> str:
    """One list item per medicine; the last misses_shown misses each, the rest counted."""
    items = []
    for medicine in medicines:
        share = round(100 * medicine.taken / medicine.planned) if medicine.planned else 0
        text = BriefMedicines.tr("{name}: {taken} of {planned} doses taken ({share}%).").format(
            name=medicine.name, taken=medicine.taken, planned=medicine.planned, share=share
        )
        misses = []
        for outcome in medicine.misses[-misses_shown:] if misses_shown else ():
            miss = BriefMedicines.tr("{day} {time} {status}").format(
                day=format_day(outcome.day), time=outcome.slot, status=status_text(outcome.status)
            )
            if outcome.reason:
                miss += f" ({reason_text(outcome.reason)})"
            misses.append(miss)
        hidden = len(medicine.misses) - len(misses)
        line = escape(text)
        if misses:
            line += " " + escape(
                BriefMedicines.tr("Not taken: {list}").format(list="; ".join(misses))
            )
        if hidden > 0:
            line += " " + escape(BriefMedicines.tr("(+%n more)", "", hidden))
        items.append(f"<li>{line}</li>")
    spacer = '<p style="margin:0; font-size:4pt">&nbsp;</p>'  # Qt drops margins after lists
    return f'<ul style="margin-top:0; margin-bottom:0">{"".join(items)}</ul>{spacer}'
