"""Search-as-you-type over the library's FTS5 index.

Each word typed is a prefix ("herc" finds Herceptin). A word that matches nothing is
replaced by the index words that contain it ("zumab") or that look like it ("herseptin",
"capecitibine"), so common misspellings still find the entry. Several words must all match,
or match run together ("t dxd" finds T-DXd). Names and titles rank above body text;
symptoms and questions rank below entries.
"""

from __future__ import annotations

import functools
import itertools
import sqlite3
from collections.abc import Callable

from companion.library.model import MARK_END, MARK_START, SearchHit
from companion.library.searchtext import compact, variants, words

FUZZY_CUTOFF = 0.8
MAX_ALTERNATIVES = 8
MIN_FUZZY_LENGTH = 4
_RERANK_EXTRA = 30  # hits fetched beyond the limit, so exact name matches can move up

# Order: entries and symptoms whose title, names or aliases match, then those that only
# mention the words, then questions; within each, bm25 with weights per column (kind, ref,
# title, names, aliases, body) and then the title. Aliases hold the clinical, everyday and
# short names people search by, so they weigh as much as the title. _name_tier then lifts
# exact and starting matches.
_NAMED = "bm25(search, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0) < 0"
_RANK = "bm25(search, 0.0, 0.0, 10.0, 10.0, 10.0, 1.0)"
_QUERY = f"""
    SELECT rowid, kind, ref, title, names, aliases
    FROM search WHERE search MATCH ?
    ORDER BY kind = 'question', NOT ({_NAMED}), {_RANK}, title LIMIT ?
"""
# Snippets only for the hits shown: SQLite works out every selected column of every match
# before sorting, and a snippet costs more than the rest of the row.
_SNIPPETS = f"""
    SELECT rowid, snippet(search, 5, '{MARK_START}', '{MARK_END}', '…', 10)
    FROM search WHERE search MATCH ? AND rowid IN ({{marks}})
"""


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _prefix_any(terms: list[str]) -> str:
    parts = [f"{_quoted(t)}*" for t in dict.fromkeys(terms)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _matches(connection: sqlite3.Connection, expression: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM search WHERE search MATCH ? LIMIT 1", (expression,)
    ).fetchone()
    return row is not None


def similar_terms(word: str, vocabulary: list[str]) -> list[str]:
    """Index words containing the word, then words (or word starts) that look like it."""
    found: list[str] = []
    if len(word) >= 3:
        found.extend(t for t in vocabulary if word in t and t != word)
    if len(word) >= MIN_FUZZY_LENGTH:
        from rapidfuzz import fuzz, process  # only for a word that matched nothing

        # Compare with each whole word and with its first letters, so "capecit" and
        # "herseptin" both find their word (rapidfuzz's ratio is difflib's, in C).
        best: dict[int, float] = {}
        for cut in (None, len(word), len(word) + 1):
            choices = vocabulary if cut is None else [t[:cut] for t in vocabulary]
            for _choice, score, index in process.extract(
                word, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF * 100, limit=None
            ):
                best[index] = max(best.get(index, 0.0), score)
        ranked = sorted(best, key=lambda i: (-best[i], vocabulary[i]))
        found.extend(vocabulary[i] for i in ranked)
    return list(dict.fromkeys(found))[:MAX_ALTERNATIVES]


def match_expression(
    connection: sqlite3.Connection, text: str, vocabulary: Callable[[], list[str]]
) -> str | None:
    """The FTS5 query for what was typed, or None when nothing can match."""
    typed = words(text)
    if not typed:
        return None
    clauses: list[str] = []
    for word in typed:
        clause = _prefix_any(list(variants(word)))
        if not _matches(connection, clause):
            alternatives = similar_terms(word, vocabulary())
            if not alternatives:
                clauses = []
                break
            clause = _prefix_any(alternatives)
        clauses.append(clause)
    expression = " AND ".join(clauses) if clauses else None
    joined = compact(text)
    if len(typed) > 1 and len(joined) >= 3 and _matches(connection, f"{_quoted(joined)}*"):
        together = f"{_quoted(joined)}*"
        expression = f"({expression}) OR {together}" if expression else together
    return expression


def search(
    connection: sqlite3.Connection,
    text: str,
    limit: int,
    vocabulary: Callable[[], list[str]],
) -> list[SearchHit]:
    expression = match_expression(connection, text, vocabulary)
    if expression is None or limit <= 0:
        return []
    typed = _spellings(text)
    ranked: list[tuple[int, int, int, str, str, str]] = []
    for order, (rowid, kind, ref, title, names, aliases) in enumerate(
        connection.execute(_QUERY, (expression, limit + _RERANK_EXTRA))
    ):
        ranked.append(
            (_name_tier(title, names, aliases, typed, kind), order, rowid, kind, ref, title)
        )
    shown = sorted(ranked)[:limit]
    rowids = [row[2] for row in shown]
    marks = ", ".join("?" * len(rowids))
    snippets = dict(
        connection.execute(_SNIPPETS.format(marks=marks), (expression, *rowids)) if rowids else ()
    )
    hits = []
    for _tier, _order, rowid, kind, ref, title in shown:
        marked = snippets.get(rowid, "")
        plain = marked.replace(MARK_START, "").replace(MARK_END, "")
        hits.append(SearchHit(id=ref, kind=kind, title=title, snippet=plain, marked=marked))
    return hits


def _spellings(text: str) -> set[str]:
    """What was typed, run together, in each spelling ("diarrhoea" also as "diarrhea")."""
    forms = [variants(word) for word in words(text)[:6]]
    return {"".join(parts) for parts in itertools.product(*forms)} or {compact(text)}


def _name_tier(title: str, names: str, aliases: str, typed: set[str], kind: str) -> int:
    """0: the title (or its part in brackets), generic, brand or short name is what was
    typed; 1: an alias is; 2: a title or name starts with it; 3: an alias does;
    4: any other hit; 5: a question."""
    if kind == "question":
        return 5
    forms, other = _name_forms(title, names, aliases)
    for tier, candidates in enumerate((forms, other)):
        if typed & set(candidates):
            return tier
    for tier, candidates in enumerate((forms, other), 2):
        if any(c.startswith(t) for c in candidates if c for t in typed):
            return tier
    return 4


@functools.lru_cache(maxsize=2048)  # the index is read-only: a hit's forms never change
def _name_forms(title: str, names: str, aliases: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The run-together forms of a hit's title, its part in brackets and names; of its
    aliases."""
    head, _, rest = title.partition("(")
    forms = [compact(title), compact(head), compact(rest), *map(compact, names.split(" ; "))]
    return tuple(forms), tuple(compact(a) for a in aliases.split(" ; "))


def load_vocabulary(connection: sqlite3.Connection) -> list[str]:
    """Every word in the index, for misspelling look-ups."""
    return [row[0] for row in connection.execute("SELECT term FROM search_vocab ORDER BY term")]
