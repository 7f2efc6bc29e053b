"""The library, opened on first use. If it cannot be opened (not built yet, damaged), the
visit features work on without the bank and with plain symptom names."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Protocol, TypeVar

from companion.errors import CompanionError
from companion.library.model import BankQuestion, RedFlagRule, SymptomTerm

log = logging.getLogger(__name__)
UNAVAILABLE = (CompanionError, OSError, sqlite3.Error)
T = TypeVar("T")


class LibraryLike(Protocol):
    def symptoms(self) -> list[SymptomTerm]: ...
    def red_flag_rules(self) -> list[RedFlagRule]: ...
    def questions(self) -> list[BankQuestion]: ...


class LibraryAccess:
    def __init__(self, open_library: Callable[[], LibraryLike]) -> None:
        self._open = open_library
        self._library: LibraryLike | None = None
        self._failed = False

    def get(self) -> LibraryLike | None:
        if self._library is None and not self._failed:
            try:
                self._library = self._open()
            except UNAVAILABLE as exc:
                log.warning("library unavailable for visits: %s", exc)
                self._failed = True
        return self._library

    def _ask(self, what: Callable[[LibraryLike], list[T]]) -> list[T]:
        library = self.get()
        if library is None:
            return []
        try:
            return what(library)
        except UNAVAILABLE as exc:
            log.warning("library lookup failed: %s", exc)
            return []

    def symptoms(self) -> list[SymptomTerm]:
        return self._ask(lambda library: library.symptoms())

    def red_flag_rules(self) -> list[RedFlagRule]:
        return self._ask(lambda library: library.red_flag_rules())

    def questions(self) -> list[BankQuestion]:
        return self._ask(lambda library: library.questions())
