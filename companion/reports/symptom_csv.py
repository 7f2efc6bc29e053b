"""The symptom log as CSV: one row per answer, ISO dates, opens in any spreadsheet.

Columns (the header row names them; order as below):

  date             the day of the check-in, YYYY-MM-DD
  kind             symptom | esas | temperature | weight | note | red_flag
  item             symptom id (symptom), ESAS-r item id (esas), red-flag rule id (red_flag);
                   empty for temperature, weight and note
  name             the item in words (symptom term, ESAS-r item); for reading, ignored on import
  attribute        symptom: severity | frequency | interference | amount | presence;
                   red_flag: its urgency (today | now | emergency); otherwise empty
  value            symptom: the answer 0–4 (presence: 0 no, 1 yes); esas: 0–10;
                   temperature: °C; weight: kg; empty for note and red_flag
  answer           the answer in words, or the unit; for reading, ignored on import
  text             note: the note; red_flag: the message shown
  recorded_at      when the answer was given or the red flag raised (ISO 8601, UTC)
  acknowledged_at  red_flag: when the patient acknowledged it (ISO 8601, UTC), or empty
  recall_days      the period the question asked about: 1 the daily check-in ("today"),
                   7 the weekly PRO-CTCAE check-in ("in the last 7 days"), 0 ESAS-r ("now");
                   also 1 for overall; empty for measurements, notes and red flags.
                   Import reads a file without this column (older exports) as daily answers.

The kind "overall" is the daily check-in's first question, "How are you today compared with
yesterday?": value better | same | worse; text "done" when the patient finished that day.

Answers are what the patient reported on the PRO-CTCAE scales; they are not clinical grades.
Files are UTF-8 (with a byte-order mark, so spreadsheets show "°C" correctly). Text that
starts with = + - or @ is written with a leading apostrophe so that a spreadsheet never runs
it as a formula; the importer removes it again.

Import checks the whole file before changing anything and imports all of it or nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from companion.translations import TranslationContext

_K = TypeVar("_K")
_V = TypeVar("_V")

COLUMNS = (
    "date",
    "kind",
    "item",
    "name",
    "attribute",
    "value",
    "answer",
    "text",
    "recorded_at",
    "acknowledged_at",
    "recall_days",  # added after the first release: optional on import
)
REQUIRED = ("date", "kind", "item", "attribute", "value")
KINDS = ("symptom", "esas", "temperature", "weight", "note", "red_flag", "overall")
MAX_BYTES = 64 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_PROBLEMS = 5
_FORMULA_START = ("=", "+", "-", "@")


class SymptomCsv(TranslationContext):
    """Symptoms exported to and imported from CSV."""


def formula_safe(text: str) -> str:
    """Text a spreadsheet will show, never run (a leading apostrophe before = + - @)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def formula_unsafe(text: str) -> str:
    """The text as written, without the apostrophe formula_safe() added."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text


class Memo(dict[_K, _V]):
    """A value worked out once per export or import for each key: words, dates and times
    repeat on most of a log's rows."""

    def __init__(self, make: Callable[[_K], _V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: _K) -> _V:
        value = self[key] = self._make(key)
        return value
