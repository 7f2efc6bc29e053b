"""The library's pages as Qt rich text: an entry, a symptom with its warning signs, the
question bank and the overview. Links stay inside the app (entry:ID, symptom:ID, view:NAME);
only source links are web addresses, opened when the patient clicks one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate, QLocale

from companion.library.model import (
    ANSWER_SCALES,
    DRUG_CLASSES,
    BankQuestion,
    Entry,
    Fact,
    RedFlagRule,
    SideEffect,
)
from companion.library.service import LibraryService
from companion.symptoms import wording
from companion.translations import Library
from companion.ui import theme
from companion.ui.pages.library_labels import (
    attribute_label,
    category_label,
    class_label,
    kind_label,
    section_label,
    topic_label,
    urgency_label,
)

# Side effects are listed after this section when the entry has it, else after the last one.
SIDE_EFFECTS_AFTER = ("side_effects", "serious", "boxed_warning")
# A medicine's warning signs follow its "When to call your care team" text, else its side
# effects.
HELP_AFTER = "call_team"
URGENCY_ORDER = ("emergency", "now", "today")


@dataclass(frozen=True)
class Phones:
    """The patient's own numbers, shown next to the warning signs ("" when not set)."""

    care_team: str = ""
    emergency: str = ""


def style_sheet() -> str:
    """Default style of library pages (colours from the theme)."""
    return (
        f"a {{ color: {theme.LINK}; }}\n"
        f".muted {{ color: {theme.MUTED_INK}; }}\n"
        "h1 { margin-bottom: 0.2em; }\n"
        "h2 { margin-top: 1.1em; margin-bottom: 0.3em; }\n"
        "p, li { margin-top: 0.2em; margin-bottom: 0.35em; }\n"
    )


def long_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _box(html: str, colours: tuple[str, str]) -> str:
    background, border = colours
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" border="1" '
        f'style="border-color: {border}; border-style: solid; margin-top: 0.4em; '
        f'margin-bottom: 0.4em;" bgcolor="{background}"><tr><td>{html}</td></tr></table>'
    )


def care_team_note() -> str:
    return _box(
        escape(
            Library.tr(
                "This is general information, not advice for you. "
                "Your care team knows your situation and decides your treatment."
            )
        ),
        theme.NOTE_BOX,
    )


class _Citations:
    """Numbers the sources of a page in order of first use."""

    def __init__(self, library: LibraryService, links: bool) -> None:
        self.library = library
        self.links = links
        self.order: list[str] = []

    def marks(self, tags: Iterable[str]) -> str:
        numbers = []
        for tag in tags:
            if tag not in self.order:
                self.order.append(tag)
            number = self.order.index(tag) + 1
            numbers.append(f'<a href="#src-{number}">{number}</a>' if self.links else str(number))
        return f" <sup>{','.join(numbers)}</sup>" if numbers else ""

    def html(self) -> str:
        if not self.order:
            return ""
        items = []
        for number, tag in enumerate(self.order, 1):
            source = self.library.source(tag)
            title = escape(source.title if source else tag)
            url = source.url if source else ""
            link = (
                f' — <a href="{escape(url)}">{escape(url)}</a>'
                if url and self.links
                else (f" — {escape(url)}" if url else "")
            )
            items.append(f'<li><a name="src-{number}"></a>{title}{link}</li>')
        heading = escape(Library.tr("Sources"))
        return f"<h2>{heading}</h2><ol>{''.join(items)}</ol>"


def _fact(fact: Fact, entry_reviewed: str, cite: _Citations) -> str:
    extra = ""
    if fact.unverified:
        unconfirmed = Library.tr("not yet confirmed")
        extra += f' <span class="muted">({escape(unconfirmed)})</span>'
    if fact.reviewed != entry_reviewed:
        checked = Library.tr("checked {date}").format(date=long_date(fact.reviewed))
        extra += f' <span class="muted">({escape(checked)})</span>'
    return f"<p>{escape(fact.text)}{cite.marks(fact.sources)}{extra}</p>"


def _side_effects(
    library: LibraryService, effects: tuple[SideEffect, ...], cite: _Citations, links: bool
) -> str:
    out = []
    for serious, heading in (
        (False, Library.tr("Common side effects")),
        (True, Library.tr("Serious side effects to know about")),
    ):
        items = []
        for effect in (e for e in effects if e.serious == serious):
            term = library.symptom(effect.symptom) if effect.symptom else None
            link = ""
            if term is not None and links:
                label = Library.tr("about {symptom}").format(symptom=term.term.lower())
                link = f' — <a href="symptom:{term.id}">{escape(label)}</a>'
            items.append(f"<li>{escape(effect.text)}{cite.marks(effect.sources)}{link}</li>")
        if items:
            out.append(f"<h3>{escape(heading)}</h3><ul>{''.join(items)}</ul>")
    if not out:
        return ""
    intro = Library.tr(
        "Open a symptom to see when it is a warning sign. You can record these in your symptom log."
    )
    lead = f'<p class="muted">{escape(intro)}</p>' if links else ""
    heading = escape(Library.tr("Side effects, one by one"))
    return f"<h2>{heading}</h2>{lead}{''.join(out)}"


def _names(entry: Entry) -> str:
    rows: list[tuple[str, str]] = []
    if entry.kind == "drug" and entry.drug_class:
        rows.append((Library.tr("Type"), class_label(entry.drug_class)))
    if entry.kind == "treatment" and entry.category:
        rows.append((Library.tr("Type"), category_label(entry.category)))
    if entry.kind not in ("drug", "treatment"):
        rows.append((Library.tr("Type"), kind_label(entry.kind)))
    if entry.brands:
        rows.append((Library.tr("Brand names"), ", ".join(entry.brands)))
    if entry.abbreviations:
        rows.append((Library.tr("Short names"), ", ".join(entry.abbreviations)))
    if entry.generic:
        rows.append((Library.tr("Full name"), entry.generic))
    if entry.route:
        rows.append((Library.tr("How it is given"), entry.route))
    cells = "".join(
        f'<tr><td class="muted" style="padding-right: 1em;">{escape(k)}</td>'
        f"<td>{escape(v)}</td></tr>"
        for k, v in rows
    )
    return f'<table cellspacing="0" cellpadding="2">{cells}</table>'


def entry_html(
    library: LibraryService,
    entry: Entry,
    taking: bool = False,
    links: bool = True,
    phones: Phones | None = None,
) -> str:
    cite = _Citations(library, links)
    parts = [f"<h1>{escape(entry.title)}</h1>"]
    if taking:
        taking_now = escape(Library.tr("You take this medicine now."))
        parts.append(_box(f"<b>{taking_now}</b>", theme.TAKING_NOW))
    if entry.research:
        research = Library.tr("Research only: this is given in clinical trials, not as usual care.")
        parts.append(_box(escape(research), theme.NOTE_BOX))
    parts.append(_names(entry))
    parts.append(f"<p>{escape(entry.summary)}</p>")
    keys = [s.key for s in entry.sections]
    after = next((k for k in SIDE_EFFECTS_AFTER if k in keys), keys[-1] if keys else None)
    help_after = HELP_AFTER if HELP_AFTER in keys else None
    effects_shown = False
    help_shown = entry.kind != "drug"  # only medicines have a "When to get help fast"
    for section in entry.sections:
        parts.append(f"<h2>{escape(section_label(section.key))}</h2>")
        parts.extend(_fact(f, entry.reviewed, cite) for f in section.facts)
        if section.key == after and not effects_shown:
            parts.append(_side_effects(library, entry.side_effects, cite, links))
            effects_shown = True
        if section.key == help_after and not help_shown:
            parts.append(get_help_html(library, entry, cite, links, phones))
            help_shown = True
    if not effects_shown:
        parts.append(_side_effects(library, entry.side_effects, cite, links))
    if not help_shown:
        parts.append(get_help_html(library, entry, cite, links, phones))
    if entry.kind == "site" and (rules := library.red_flags_for_entry(entry.id)):
        lead = Library.tr(
            "When cancer has spread here, these symptoms are warning signs. "
            "Do not wait for your next visit."
        )
        heading = escape(Library.tr("Warning signs"))
        parts.append(f"<h2>{heading}</h2><p>{escape(lead)}</p>")
        parts.append(rules_html(library, rules, cite, links, name_symptom=True))
    related = [library.entry(i) for i in entry.related]
    if related and links:
        items = "".join(
            f'<li><a href="entry:{r.id}">{escape(r.title)}</a>'
            f' <span class="muted">({escape(kind_label(r.kind))})</span></li>'
            for r in related
            if r is not None
        )
        heading = escape(Library.tr("See also"))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    parts.append(care_team_note())
    parts.append(cite.html())
    parts.append(_reviewed_line(entry))
    return "".join(parts)


def _reviewed_line(entry: Entry) -> str:
    text = Library.tr("Checked against its sources on {date}.").format(
        date=long_date(entry.reviewed)
    )
    unverified = any(f.unverified for s in entry.sections for f in s.facts)
    if unverified:
        text += " " + Library.tr(
            "Facts marked “not yet confirmed” could not be checked against an official "
            "source; ask your care team about them."
        )
    return f'<p class="muted">{escape(text)}</p>'


def _rule_condition(library: LibraryService, rule: RedFlagRule, links: bool) -> str:
    names: list[str] = []
    for drug_id in rule.drugs:
        drug = library.entry(drug_id)
        if drug is not None:
            names.append(
                f'<a href="entry:{drug.id}">{escape(drug.title)}</a>' if links else drug.title
            )
    names.extend(escape(class_label(c).lower()) for c in rule.drug_classes if c in DRUG_CLASSES)
    sites = [library.entry(s) for s in rule.sites]
    parts = []
    if names:
        taking = escape(Library.tr("If you take: {medicines}"))
        parts.append(taking.format(medicines=", ".join(dict.fromkeys(names))))
    if any(sites):
        spread = escape(Library.tr("If the cancer has spread to: {sites}"))
        parts.append(
            spread.format(sites=", ".join(escape(s.title) for s in sites if s is not None))
        )
    return "<br>".join(parts)


def _degrees(celsius: float) -> str:
    return f"{celsius:g} °C ({round(celsius * 9 / 5 + 32, 1):g} °F)"


def _rule_threshold(library: LibraryService, rule: RedFlagRule) -> str:
    if rule.min_value is not None:
        return Library.tr("At {value} or more").format(value=_degrees(rule.min_value))
    term = library.symptom(rule.symptom)
    attribute = rule.attribute or (term.attributes[0] if term and term.attributes else "")
    if attribute == "presence" or rule.min_answer is None:
        return ""
    scale = ANSWER_SCALES.get(attribute, ())
    if not 0 <= rule.min_answer < len(scale):
        return ""
    word = wording.answer_word(attribute, rule.min_answer)
    return Library.tr("When you answer “{word}” or more to “{attribute}”").format(
        word=word, attribute=attribute_label(attribute)
    )


def _urgency_heading(urgency: str, phones: Phones | None) -> str:
    """The urgency in words, with the patient's own number when it is set, e.g.
    "Call your care team now, day or night: 555 0100"."""
    text = urgency_label(urgency)
    number = (phones.emergency if urgency == "emergency" else phones.care_team) if phones else ""
    if number:
        text = Library.tr("{what}: {number}").format(what=text, number=number)
    return text


def get_help_html(
    library: LibraryService,
    entry: Entry,
    cite: _Citations,
    links: bool,
    phones: Phones | None = None,
) -> str:
    """A medicine's "When to get help fast": its own warning signs, one box per urgency,
    each sign linked to its symptom page (where the full message is)."""
    rules = library.red_flags_for_entry(entry.id)
    everyone = Library.tr(
        "Some warning signs apply to everyone, whatever medicine you take, such as chest "
        "pain or very bad trouble breathing. Each symptom’s page lists them."
    )
    title = Library.tr("When to get help fast")
    parts = [f'<a name="get-help"></a><h2>{escape(title)}</h2>']
    if not rules:
        none = Library.tr("The library lists no warning signs just for this medicine.")
        parts.append(f"<p>{escape(none)} {escape(everyone)}</p>")
        return "".join(parts)
    lead = Library.tr(
        "Warning signs for people who take this medicine, most urgent first. "
        "Do not wait for your next visit."
    )
    if links:
        lead += " " + Library.tr("Open a symptom to read why it matters.")
    parts.append(f"<p>{escape(lead)}</p>")
    for urgency in URGENCY_ORDER:
        group = [r for r in rules if r.urgency == urgency]
        if not group:
            continue
        items = []
        for rule in group:
            term = library.symptom(rule.symptom)
            if term is not None:
                name = escape(term.term)
                if links:
                    name = f'<a href="symptom:{term.id}">{name}</a>'
            elif rule.symptom == "temperature":
                name = escape(Library.tr("Temperature"))
            else:
                name = escape(rule.symptom)
            item = name
            if threshold := _rule_threshold(library, rule):
                item += f'<br><span class="muted">{escape(threshold)}</span>'
            sites = [s for i in rule.sites if (s := library.entry(i)) is not None]
            if sites:
                where = Library.tr("If the cancer has spread to: {sites}").format(
                    sites=", ".join(s.title for s in sites)
                )
                item += f'<br><span class="muted">{escape(where)}</span>'
            items.append(f"<li>{item}{cite.marks(rule.sources)}</li>")
        heading = escape(_urgency_heading(urgency, phones))
        parts.append(
            _box(
                f"<b>{heading}</b><ul>{''.join(items)}</ul>",
                theme.URGENCY_COLOURS.get(urgency, theme.NOTE_BOX),
            )
        )
    parts.append(f'<p class="muted">{escape(everyone)}</p>')
    return "".join(parts)


def rules_html(
    library: LibraryService,
    rules: list[RedFlagRule],
    cite: _Citations,
    links: bool,
    *,
    name_symptom: bool = False,
) -> str:
    order = {"emergency": 0, "now": 1, "today": 2}
    boxes = []
    for rule in sorted(rules, key=lambda r: order.get(r.urgency, 3)):
        lines = [f"<b>{escape(urgency_label(rule.urgency))}</b>"]
        term = library.symptom(rule.symptom)
        if name_symptom and term is not None:
            name = escape(term.term)
            lines.append(f'<a href="symptom:{term.id}">{name}</a>' if links else name)
        threshold = _rule_threshold(library, rule)
        condition = _rule_condition(library, rule, links)
        if threshold:
            lines.append(f'<span class="muted">{escape(threshold)}</span>')
        if condition:
            lines.append(f'<span class="muted">{condition}</span>')
        lines.append(f"{escape(rule.message)}{cite.marks(rule.sources)}")
        boxes.append(
            _box("<br>".join(lines), theme.URGENCY_COLOURS.get(rule.urgency, theme.NOTE_BOX))
        )
    return "".join(boxes)


def symptom_html(library: LibraryService, symptom_id: str, links: bool = True) -> str:
    term = library.symptom(symptom_id)
    if term is None:
        missing = escape(Library.tr("This symptom is not in the library."))
        return f"<p>{missing}</p>"
    cite = _Citations(library, links)
    parts = [f"<h1>{escape(term.term)}</h1>"]
    parts.append(f'<p class="muted">{escape(kind_label("symptom"))} · {escape(term.category)}</p>')
    rules = library.rules_for_symptom(symptom_id)
    heading = escape(Library.tr("When it is a warning sign"))
    parts.append(f"<h2>{heading}</h2>")
    if rules:
        parts.append(rules_html(library, rules, cite, links))
    else:
        parts.append(
            "<p>"
            + escape(
                Library.tr(
                    "The library has no warning sign for this symptom. If it worries you, "
                    "or gets worse, call your care team."
                )
            )
            + "</p>"
        )
    causes = library.entries_with_symptom(symptom_id)
    if causes:
        heading = escape(Library.tr("Treatments that can cause it"))
        parts.append(f"<h2>{heading}</h2><ul>")
        for entry in causes:
            name = (
                f'<a href="entry:{entry.id}">{escape(entry.title)}</a>'
                if links
                else escape(entry.title)
            )
            parts.append(f"<li>{name}</li>")
        parts.append("</ul>")
    parts.append(care_team_note())
    parts.append(cite.html())
    return "".join(parts)


def questions_html(library: LibraryService, links: bool = True) -> str:
    cite = _Citations(library, links)
    title = escape(Library.tr("Questions for your visits"))
    parts = [f"<h1>{title}</h1>"]
    parts.append(
        "<p>"
        + escape(
            Library.tr(
                "Questions many patients find useful. Pick the ones that matter to you and "
                "take them to your next appointment."
            )
        )
        + "</p>"
    )
    by_topic: dict[str, list[BankQuestion]] = {}
    for question in library.questions():
        by_topic.setdefault(question.topic, []).append(question)
    for topic, questions in by_topic.items():
        parts.append(f"<h2>{escape(topic_label(topic))}</h2><ul>")
        parts.extend(
            f'<li><a name="q-{q.id}"></a>{escape(q.text)}{cite.marks(q.sources)}</li>'
            for q in questions
        )
        parts.append("</ul>")
    parts.append(cite.html())
    return "".join(parts)


def overview_html(library: LibraryService, taking: list[Entry]) -> str:
    title = escape(Library.tr("Your library"))
    parts = [f"<h1>{title}</h1>"]
    parts.append(
        "<p>"
        + escape(
            Library.tr(
                "Plain-language information about HER2-positive breast cancer that has spread: "
                "medicines and other treatments, where cancer can spread, tests and words you "
                "may hear. Every fact shows where it comes from and when it was checked."
            )
        )
        + "</p>"
    )
    parts.append(
        "<p>"
        + escape(
            Library.tr(
                "Pick a topic on the left, or type in the search box (Ctrl+F) — brand names, "
                "short names and misspellings work too."
            )
        )
        + "</p>"
    )
    if taking:
        items = "".join(f'<li><a href="entry:{e.id}">{escape(e.title)}</a></li>' for e in taking)
        heading = escape(Library.tr("Medicines you take now"))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    guides = library.entries("guide")
    if guides:
        items = "".join(f'<li><a href="entry:{g.id}">{escape(g.title)}</a></li>' for g in guides)
        heading = escape(Library.tr("Guides"))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    counts = [
        (Library.tr("Medicines: {count}"), len(library.entries("drug"))),
        (Library.tr("Other treatments: {count}"), len(library.entries("treatment"))),
        (Library.tr("Where cancer can spread: {count}"), len(library.entries("site"))),
        (
            Library.tr("Tests and words to know: {count}"),
            len(library.entries("test") + library.entries("term")),
        ),
        (Library.tr("Symptoms, with their warning signs: {count}"), len(library.symptoms())),
    ]
    items = "".join(
        f"<li>{escape(text.format(count=count))}</li>" for text, count in counts if count
    )
    questions = Library.tr("Questions for your visits: {count}").format(
        count=len(library.questions())
    )
    items += f'<li><a href="view:questions">{escape(questions)}</a></li>'
    heading = escape(Library.tr("In the library"))
    parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    parts.append(care_team_note())
    return "".join(parts)
