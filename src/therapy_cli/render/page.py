"""Answers laid out as a small document (titles, bullets, tables) that every text format renders.

Building the layout once keeps the terminal, plain and Markdown outputs in step: each format only
decides how a heading or a bullet looks, never what a page contains.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import singledispatch
from typing import NamedTuple

from ..answers import (
    EFFECT_SIZE,
    Citations,
    CompareAnswer,
    ConditionEntry,
    ConditionsAnswer,
    GlossaryAnswer,
    ListAnswer,
    PathsAnswer,
    RefsAnswer,
    RegionsAnswer,
    SearchAnswer,
    SessionsAnswer,
    ShowAnswer,
    ValidatedAnswer,
    charted,
    effect_size_meaning,
)
from ..guide import GuideAnswer, Option
from ..kb.model import Condition, Reference, Sessions, Statement, Therapy
from .refs.apa import apa
from .wrap import fit

SECTION_TITLES = {
    "summary": "In short",
    "at-a-glance": "At a glance",
    "overview": "Overview",
    "science": "The science",
    "how-it-works": "How it works",
    "session-length": "Session length",
    "who-it-helps": "Who it helps",
    "effectiveness": "Effectiveness",
    "finding-a-therapist": "Finding a therapist",
    "see-also": "See also",
}
SESSION_LABELS = {
    "typical": "Typical course",
    "nhs": "On the NHS",
    "private": "Privately",
    "frequency": "How often",
    "duration": "Each session",
    "longer_term": "Longer-term work",
}
COMPARE_COLUMNS = 3  # therapies per table: wider tables wrap every cell into a narrow strip


class Span(NamedTuple):
    """A run of text with one style: strong, muted, em, cite, contact, link, mark or none."""

    text: str
    style: str = ""


Inline = tuple[Span, ...]


class Title(NamedTuple):
    text: str


class Note(NamedTuple):
    text: str


class Heading(NamedTuple):
    text: str


class Paragraph(NamedTuple):
    inline: Inline


class Bullets(NamedTuple):
    items: tuple[Inline, ...]


class Rows(NamedTuple):
    """Label and value pairs, like a definition list."""

    rows: tuple[tuple[str, Inline], ...]


class Grid(NamedTuple):
    """A table; with `row_labels`, the first column names each row."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    row_labels: bool = False


class References(NamedTuple):
    heading: str
    entries: tuple[tuple[int, str, tuple[str, ...]], ...]
    indented: bool = False


class Figure(NamedTuple):
    """Lines laid out character by character (a chart or a matrix): printed as they are."""

    lines: tuple[Inline, ...]


Block = Title | Note | Heading | Paragraph | Bullets | Rows | Grid | References | Figure

EVIDENCE_MARKS = {"studied": ("●", "good"), "offered": ("◐", "fair"), "listed": ("○", "weak")}
EVIDENCE_MEANINGS = {
    "studied": "studied: the sources cite trials, reviews or meta-analyses",
    "offered": "offered: the NHS or NICE offers or recommends it",
    "listed": "listed: a source names the use, without evidence",
}
NO_MARK = "·"
MATRIX_COLUMNS = 24  # therapies per panel of the evidence matrix: 30 + 2 x 24 cells fit 80
CHART_WIDTH = 28  # columns for the bars, so that a chart with its labels fits 80 columns
LABEL_WIDTH = 30


def plain(value: str, style: str = "") -> Inline:
    return (Span(value, style),)


def cited(statement: Statement, citations: Citations) -> Inline:
    """A statement followed by its citation numbers."""
    numbers = citations.of(statement)
    return (Span(statement.text), Span(f" [{','.join(map(str, numbers))}]", "cite"))


def with_correction(statement: Statement, citations: Citations) -> Inline:
    inline = cited(statement, citations)
    if statement.correction:
        inline += (Span(f"\nCorrection: {statement.correction}", "muted"),)
    return inline


def session_range(therapy: Therapy) -> str:
    """The typical number of sessions, as '6–16', '8', 'from 4', a label, or 'not stated'."""
    typical = therapy.sessions.typical
    if typical is not None and typical.label:
        return typical.label
    if typical is None or not typical.counted:
        return "not stated"
    if typical.maximum is None:
        return f"from {typical.minimum}"
    if typical.minimum is None:
        return f"up to {typical.maximum}"
    if typical.minimum == typical.maximum:
        return str(typical.minimum)
    return f"{typical.minimum}–{typical.maximum}"


def reference_entries(
    numbered: Sequence[tuple[int, Reference]], with_notes: bool = True
) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    return tuple((n, apa(ref), ref.notes if with_notes else ()) for n, ref in numbered)


def references(
    citations: Citations, with_notes: bool = False, title: str = "References"
) -> References:
    return References(title, reference_entries(citations.references, with_notes))


@singledispatch
def build(answer: object) -> Iterator[Block]:
    """The blocks that show `view`."""
    raise TypeError(f"no layout for {type(answer).__name__}")


@build.register
def _(answer: ListAnswer) -> Iterator[Block]:
    rows = tuple(
        (
            plain(t.name, "strong") + plain(f"\n{t.id}", "muted"),
            plain(t.summary.text),
            plain(session_range(t)),
        )
        for t in answer.therapies
    )
    yield Title("Talking therapies")
    yield Grid("", ("Therapy", "In short", "Sessions"), rows)
    yield Note("Details: therapy show NAME   Side by side: therapy compare")


@build.register
def _(answer: ShowAnswer) -> Iterator[Block]:
    therapy = answer.therapy
    yield Title(therapy.name)
    if therapy.aliases:
        yield Note(f"Also called: {', '.join(therapy.aliases)}")
    refs = {ref.id: ref for _, ref in answer.citations.references}
    for section_id, statements in answer.sections:
        yield Heading(SECTION_TITLES[section_id])
        if section_id == "at-a-glance":
            glance = (
                ("Based on", therapy.basis),
                ("Focus", therapy.focus),
                ("Key evidence", therapy.key_evidence),
            )
            yield _rows(glance, answer.citations)
        elif section_id == "session-length":
            yield _session_rows(therapy.sessions, answer.citations)
        elif section_id == "who-it-helps":
            yield Bullets(tuple(_uses(answer, statements)))
        else:
            yield Bullets(tuple(_with_meaning(answer, s) for s in statements))
        if answer.with_sources:
            ids = dict.fromkeys(source for s in statements for source in s.sources)
            numbered = [(answer.citations.number(i), refs[i]) for i in ids]
            yield References("Sources for this section:", reference_entries(numbered, False), True)
    if answer.terms:
        names = ", ".join(t.term for t in answer.terms)
        yield Note(f"Terms used here: {names}. Plain-word meanings: therapy glossary TERM")
    yield references(answer.citations, with_notes=True)


def _with_meaning(answer: ShowAnswer, statement: Statement) -> Inline:
    """The statement; after any effect size it quotes, what that size means by the benchmarks."""
    inline = with_correction(statement, answer.citations)
    sizes = answer.effect_sizes
    if sizes is None:
        return inline
    numbers = ",".join(map(str, answer.citations.of(sizes.note)))
    for quoted in EFFECT_SIZE.finditer(statement.text):
        meaning = effect_size_meaning(float(quoted.group(1)), sizes)
        note = f"\nEffect size: {quoted.group()} is {meaning}, by the usual rules of thumb"
        inline += (Span(note, "muted"), Span(f" [{numbers}]", "cite"))
    return inline


def _uses(answer: ShowAnswer, statements: tuple[Statement, ...]) -> Iterator[Inline]:
    shown: set[int] = set()
    for use in answer.therapy.used_for:
        item = plain(answer.condition_names[use.condition], "strong") + plain(": ")
        item += cited(use.note, answer.citations)
        for caveat in use.caveats:
            item += plain("\nCaveat: ", "em") + cited(caveat, answer.citations)
        shown.update({id(use.note), *map(id, use.caveats)})
        yield item
    for statement in statements:
        if id(statement) not in shown:
            yield with_correction(statement, answer.citations)


def _rows(rows: Sequence[tuple[str, Statement | None]], citations: Citations) -> Rows:
    return Rows(tuple((label, cited(s, citations)) for label, s in rows if s is not None))


def _session_rows(sessions: Sessions, citations: Citations) -> Rows:
    rows = [(label, getattr(sessions, key)) for key, label in SESSION_LABELS.items()]
    found = _rows(rows, citations)
    return (
        found
        if found.rows
        else Rows((("", plain("The sources give no session guidance.", "muted")),))
    )


@build.register
def _(answer: CompareAnswer) -> Iterator[Block]:
    count = len(answer.therapies)
    yield Title(f"Comparing {count} therapies" if count != 1 else "One therapy at a glance")
    for start in range(0, count, COMPARE_COLUMNS):
        group = answer.therapies[start : start + COMPARE_COLUMNS]
        part = (
            f"Therapies {start + 1}–{start + len(group)} of {count}"
            if count > COMPARE_COLUMNS
            else ""
        )
        yield _compare_grid(answer, group, part)
    yield references(answer.citations)


def _compare_grid(answer: CompareAnswer, therapies: list[Therapy], title: str) -> Grid:
    def row(label: str, cells: Sequence[Statement | None]) -> tuple[Inline, ...]:
        return (
            plain(label, "strong"),
            *(cited(c, answer.citations) if c else plain("—", "muted") for c in cells),
        )

    def typical(therapy: Therapy) -> Inline:
        statement = therapy.sessions.typical
        if statement is None:
            return plain(session_range(therapy))
        numbers = ",".join(map(str, answer.citations.of(statement)))
        return plain(session_range(therapy)) + plain(f" [{numbers}]", "cite")

    used_for = tuple(
        plain(", ".join(answer.condition_names[u.condition] for u in t.used_for) or "—")
        for t in therapies
    )
    rows = (
        row("Basis", [t.basis for t in therapies]),
        row("Focus", [t.focus for t in therapies]),
        (plain("Typical sessions", "strong"), *(typical(t) for t in therapies)),
        row("On the NHS", [t.sessions.nhs for t in therapies]),
        row("Privately", [t.sessions.private for t in therapies]),
        row("How often", [t.sessions.frequency for t in therapies]),
        (plain("Used for", "strong"), *used_for),
        row("Key evidence", [t.key_evidence for t in therapies]),
    )
    return Grid(title, ("", *(t.name for t in therapies)), rows, row_labels=True)


@build.register
def _(answer: ConditionsAnswer) -> Iterator[Block]:
    if not answer.detailed:
        yield from _evidence_matrix(answer)
        return
    for entry in answer.entries:
        condition = entry.condition
        yield Title(condition.name)
        if condition.synonyms:
            yield Note(f"Also called: {', '.join(condition.synonyms)}")
        if condition.description:
            yield Paragraph(cited(condition.description, answer.citations))
        if condition.guidance:
            yield Heading("Guidelines")
            yield Bullets(tuple(cited(s, answer.citations) for s in condition.guidance))
        yield Heading("Therapies used for it")
        if not entry.uses:
            yield Note("The sources connect no therapy in this knowledge base to it.")
        items = []
        for therapy, use in entry.uses:
            item = plain(therapy.name, "strong") + plain("\n") + cited(use.note, answer.citations)
            for caveat in use.caveats:
                item += plain("\nCaveat: ", "em") + cited(caveat, answer.citations)
            items.append(item)
        yield Bullets(tuple(items))
        yield from _see_also(entry.see_also, "therapy conditions")
    yield references(answer.citations)


def _evidence_matrix(answer: ConditionsAnswer) -> Iterator[Block]:
    """Conditions as rows, therapies as numbered columns, a mark for the strongest evidence."""
    by_id = {t.id: t for e in answer.entries for t, _ in e.uses}
    therapies = list(by_id.values())
    rank = {level: n for n, level in enumerate(EVIDENCE_MARKS)}
    yield Title("Evidence matrix: conditions and the therapies used for them")
    best = [_best_evidence(entry, rank) for entry in answer.entries]
    # Two cells a column, and at most MATRIX_COLUMNS columns a panel, so that each panel fits
    # 80 columns however many therapies there are; numbers of two or more digits are written
    # downwards, one digit a line, so that each stays over its own column.
    for start in range(0, len(therapies), MATRIX_COLUMNS):
        shown = therapies[start : start + MATRIX_COLUMNS]
        if len(therapies) > MATRIX_COLUMNS:
            yield Heading(f"Therapies {start + 1}–{start + len(shown)}")
        labels = [str(n) for n in range(start + 1, start + len(shown) + 1)]
        depth = max(map(len, labels), default=1)
        lines: list[Inline] = [
            plain(" " * LABEL_WIDTH)
            + plain("".join(f"{label.rjust(depth)[row]:>2}" for label in labels), "strong")
            for row in range(depth)
        ]
        for entry, marks in zip(answer.entries, best, strict=True):
            row = plain(fit(entry.condition.name, LABEL_WIDTH))
            for therapy in shown:
                mark, style = EVIDENCE_MARKS.get(marks.get(therapy.id, ""), (NO_MARK, "muted"))
                row += plain(f"{mark:>2}", style)
            lines.append(row)
        yield Figure(tuple(lines))
    yield Heading("Key")
    yield Rows(tuple((str(n), plain(t.name)) for n, t in enumerate(therapies, start=1)))
    meanings = [
        (EVIDENCE_MARKS[level][0], plain(text)) for level, text in EVIDENCE_MEANINGS.items()
    ]
    yield Rows((*meanings, (NO_MARK, plain("not connected in the sources"))))
    yield Note("Details, with each source: therapy conditions CONDITION")


def _best_evidence(entry: ConditionEntry, rank: dict[str, int]) -> dict[str, str]:
    """For each therapy used for the condition, the strongest evidence level the sources give."""
    best: dict[str, str] = {}
    for therapy, use in entry.uses:
        known = best.get(therapy.id)
        if known is None or rank[use.evidence] < rank[known]:
            best[therapy.id] = use.evidence
    return best


def _session_heading(therapy: Therapy) -> str:
    """'CBT (5–20 sessions)', 'MBT (12–18 months)', or the bare name when no length is given."""
    typical = therapy.sessions.typical
    if typical is not None and typical.label:
        return f"{therapy.name} ({typical.label})"
    if typical is None or not typical.counted:
        return therapy.name
    return f"{therapy.name} ({session_range(therapy)} sessions)"


def _session_sources(sessions: Sessions, citations: Citations) -> Inline:
    """The citation numbers of what a chart row draws."""
    numbers = sorted({n for s in charted(sessions) if s for n in citations.of(s)})
    return plain(f" [{','.join(map(str, numbers))}]", "cite") if numbers else ()


def _session_chart(answer: SessionsAnswer) -> Iterator[Block]:
    """Each therapy's typical number of sessions as a bar on a common scale."""
    numbers = [
        n
        for t in answer.therapies
        for s in (t.sessions.typical, t.sessions.nhs)
        if s
        for n in (s.minimum, s.maximum)
        if n is not None
    ]
    top = max(5, -(-max(numbers, default=5) // 5) * 5)
    per_column = top / CHART_WIDTH

    def column(sessions: int) -> int:
        return min(CHART_WIDTH - 1, max(0, round(sessions / per_column) - 1))

    yield Title("Typical number of sessions")
    lines: list[Inline] = []
    for therapy in answer.therapies:
        typical, nhs = therapy.sessions.typical, therapy.sessions.nhs
        row = plain(fit(therapy.name, LABEL_WIDTH))
        sources = _session_sources(therapy.sessions, answer.citations)
        if typical is None or not typical.counted:
            if typical is not None and typical.label:
                lines.append(row + plain(f"{typical.label} (not counted in sessions)") + sources)
            else:
                lines.append(row + plain("not stated in the sources", "muted") + sources)
            continue
        cells = [" "] * CHART_WIDTH
        if nhs is not None and nhs.counted:
            for position in range(column(nhs.minimum or 1), column(nhs.maximum or top) + 1):
                cells[position] = "▒"
        for position in range(column(typical.minimum or 1), column(typical.maximum or top) + 1):
            cells[position] = "█"
        beyond = typical.maximum is None or therapy.sessions.private or therapy.sessions.longer_term
        row += plain("".join(cells).rstrip(), "good") + plain(" ▶" if beyond else "", "fair")
        lines.append(row + plain(f"  {session_range(therapy)}") + sources)
    # Ticks far enough apart that their labels (up to three digits and a space) never touch.
    steps = (5, 10, 20, 25, 50, 100, 200, 250, 500)
    step = next((n for n in steps if top / n * 4 <= CHART_WIDTH), top)
    ticks = list(range(0, top + 1, step))
    scale = [" "] * (CHART_WIDTH + 4)
    for tick in ticks[1:]:
        label = str(tick)
        start = column(tick) - len(label) + 1
        scale[start : start + len(label)] = label
    lines.append(plain(" " * LABEL_WIDTH + "".join(scale).rstrip(), "muted"))
    lines.append(plain(" " * LABEL_WIDTH + "sessions", "muted"))
    yield Figure(tuple(lines))
    yield Rows(
        (
            ("█", plain("typical course")),
            ("▒", plain("NHS range, where the sources give a different one")),
            ("▶", plain("private or longer-term work can go further")),
        )
    )
    yield Note("Details, with each source: therapy sessions NAME")
    yield references(answer.citations)


@build.register
def _(answer: SessionsAnswer) -> Iterator[Block]:
    if not answer.detailed:
        yield from _session_chart(answer)
        return
    for therapy in answer.therapies:
        yield Title(_session_heading(therapy))
        yield _session_rows(therapy.sessions, answer.citations)
    yield references(answer.citations)


@build.register
def _(answer: RefsAnswer) -> Iterator[Block]:
    yield Title(f"References for {answer.therapy.name}" if answer.therapy else "References")
    yield References("", reference_entries(list(enumerate(answer.references, start=1))))


@build.register
def _(answer: SearchAnswer) -> Iterator[Block]:
    count = len(answer.matches)
    yield Title(f"{count} match{'es' if count != 1 else ''} for {answer.query!r}")
    yield Bullets(
        tuple(
            plain(match.place, "strong")
            + plain("\n")
            + marked(snippet_around(match.text, answer.words), answer.words)
            for match in answer.matches
        )
    )


def snippet_around(value: str, words: Sequence[str], width: int = 160) -> str:
    """Up to `width` characters of `value` around the first place a searched word occurs."""
    if len(value) <= width:
        return value
    found = [value.casefold().find(w) for w in words if w in value.casefold()]
    at = min(found) if found else 0
    start = max(0, min(at - width // 3, len(value) - width))
    piece = value[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(value) else "")


def marked(value: str, words: Sequence[str]) -> Inline:
    """`value` with every occurrence of the searched words marked."""
    spans: list[Span] = []
    folded, position = value.casefold(), 0
    while True:
        hits = [(folded.find(w, position), w) for w in words if folded.find(w, position) >= 0]
        if not hits:
            break
        at, word = min(hits)
        spans += [Span(value[position:at]), Span(value[at : at + len(word)], "mark")]
        position = at + len(word)
    spans.append(Span(value[position:]))
    return tuple(s for s in spans if s.text)


@build.register
def _(answer: RegionsAnswer) -> Iterator[Block]:
    yield Title("Finding a therapist" if answer.kind == "find-therapist" else "Urgent help")
    for region in answer.regions:
        yield Heading(region.name)
        items = []
        for service in region.services:
            item = plain(service.name, "strong")
            if service.contact:
                item += plain(f"  {service.contact}", "contact")
            if service.url:
                item += plain("  ") + plain(service.url, "link")
            for detail in service.details:
                item += plain("\n") + cited(detail, answer.citations)
            items.append(item)
        yield Bullets(tuple(items))
    yield references(answer.citations, title="Sources")
    if answer.warnings:
        yield Heading("Warnings")
        yield Bullets(tuple(plain(warning, "em") for warning in answer.warnings))


@build.register
def _(answer: PathsAnswer) -> Iterator[Block]:
    rows = tuple(
        (plain(str(n)), plain(f.origin), plain(str(f.path)))
        for n, f in enumerate(answer.files, start=1)
    )
    yield Title("Knowledge-base files, in the order read")
    yield Grid("", ("#", "From", "Path"), rows)
    yield Note(
        f"Your own files go in {answer.user_folder} (*.yaml, read by name); later files "
        "replace entries with the same id."
    )


@build.register
def _(answer: ValidatedAnswer) -> Iterator[Block]:
    count = len(answer.files)
    yield Title(
        f"Valid: {count} file{'s' if count != 1 else ''}, {answer.therapies} therapies, "
        f"{answer.conditions} conditions, {answer.references} references."
    )
    if answer.safety:
        yield Heading("Urgent help and the disclaimer, from your files")
        yield Bullets(tuple(plain(notice, "em") for notice in answer.safety))
    if answer.warnings:
        yield Heading(f"Warnings: {len(answer.warnings)} (thinner than a built-in page)")
        yield Bullets(tuple(plain(warning) for warning in answer.warnings))


@build.register
def _(answer: GlossaryAnswer) -> Iterator[Block]:
    if answer.detailed:
        (entry,) = answer.terms
        yield Title(entry.term)
        if entry.aliases:
            yield Note(f"Also: {', '.join(entry.aliases)}")
        yield Paragraph(cited(entry.definition, answer.citations))
    else:
        yield Title(f"Glossary: {len(answer.terms)} terms in plain words")
        yield Bullets(
            tuple(
                plain(t.term, "strong") + plain("\n") + cited(t.definition, answer.citations)
                for t in answer.terms
            )
        )
    yield references(answer.citations, with_notes=True)


GUIDE_COLUMNS = 2  # options per table: two stay readable at 80 columns, and in print
NOT_KNOWN = "Not known: the sources in this knowledge base do not say."


def guide_pointer(answer: GuideAnswer) -> str:
    """The first line of every guide: where to get urgent help now."""
    contacts = [
        f"{service.name}: {service.contact}"
        for region in answer.crisis
        for service in region.services
        if service.contact
    ]
    if answer.region is None or not contacts:
        names = ", ".join(region.name for region in answer.crisis)
        return f"In danger now, or thinking of harming yourself? Run 'therapy crisis' ({names})."
    return "In danger now, or thinking of harming yourself? " + "; ".join(contacts) + "."


@build.register
def _(answer: GuideAnswer) -> Iterator[Block]:
    content = answer.guide
    yield Paragraph(plain(guide_pointer(answer), "strong"))
    about = answer.condition.name if answer.condition else "talking therapies"
    yield Title(f"Your options to talk over: {about}")
    yield Paragraph(plain(content.about))
    yield Rows(tuple(_said(answer)))
    yield from _see_also(answer.see_also, "therapy guide -c")
    if answer.options:
        yield from _option_grids(answer)
    else:
        yield from _no_options(answer)
    if answer.options and answer.rated:
        yield from _what_matters(answer)
    yield Heading("Not starting therapy now")
    yield Bullets(tuple(cited(s, answer.citations) for s in content.not_now))
    yield from _routes(answer)
    yield Heading("Questions to ask a GP or therapist")
    yield Bullets(tuple(cited(s, answer.citations) for s in content.questions_to_ask))
    yield references(answer.citations, title="Sources")
    yield Heading("About this guide")
    yield Rows(
        (
            ("Content last reviewed", plain(content.reviewed)),
            ("Kept up to date", plain(content.upkeep)),
            ("Funding", plain(content.funding)),
        )
    )


def _see_also(conditions: tuple[Condition, ...], command: str) -> Iterator[Block]:
    """Related conditions, each with the command that shows it."""
    if conditions:
        yield Heading("See also")
        yield Rows(tuple((c.name, plain(f"{command} {c.id}")) for c in conditions))


def _said(answer: GuideAnswer) -> Iterator[tuple[str, Inline]]:
    """What the person told the guide, so that the handout shows what it is based on."""
    not_said = plain("not said", "muted")
    yield "Where you live", plain(answer.region.name) if answer.region else not_said
    yield (
        "What is troubling you",
        (plain(answer.condition.name) if answer.condition else plain("not sure", "muted")),
    )
    yield "Age", plain(answer.age.name) if answer.age else not_said
    rated = "; ".join(f"{p.label}: {r.name}" for p, r in answer.rated)
    yield "What matters to you", plain(rated) if rated else not_said


def _option_grids(answer: GuideAnswer) -> Iterator[Block]:
    yield Heading("The options side by side")
    by_evidence = (
        "the strongest evidence the knowledge base records for this condition comes first "
        "(studied, then offered, then listed); within a level, the knowledge base's own order "
        "is kept."
    )
    basis, condition = answer.order_basis, answer.condition
    listed = condition.options.therapies if condition and condition.options else ()
    why = plain("Why these, in this order: ")
    if basis is None:
        yield Paragraph(why + plain(by_evidence))
    elif all(option.therapy.id in listed for option in answer.options):
        yield Paragraph(why + cited(basis, answer.citations))
    else:
        yield Paragraph(
            why + cited(basis, answer.citations) + plain(" After those, " + by_evidence)
        )
    if answer.brief and len(answer.rows) < len(answer.guide.rows):
        yield Note(_shortened(answer))
    options = answer.options
    for start in range(0, len(options), GUIDE_COLUMNS):
        group = options[start : start + GUIDE_COLUMNS]
        part = (
            f"Options {start + 1}–{start + len(group)} of {len(options)}"
            if len(options) > GUIDE_COLUMNS
            else ""
        )
        rows = tuple(
            (plain(row.name, "strong"), *(_cell(answer, option, row.id) for option in group))
            for row in answer.rows
        )
        yield Grid(part, ("", *(option.therapy.name for option in group)), rows, row_labels=True)
    if answer.others:
        names = ", ".join(t.name for t in answer.others)
        condition_id = answer.condition.id if answer.condition else ""
        yield Note(
            f"Also used for it in this knowledge base: {names}. "
            f"All of them: therapy conditions {condition_id}"
        )


def _shortened(answer: GuideAnswer) -> str:
    """What the short handout left out, so that no one mistakes it for everything."""
    shown = {row.id for row in answer.rows} | {preference.row for preference, _ in answer.rated}
    left_out = ", ".join(f'"{row.name}"' for row in answer.guide.rows if row.id not in shown)
    return f"Shortened to print, these rows left out: {left_out}. Everything: add --full."


def _cell(answer: GuideAnswer, option: Option, row: str) -> Inline:
    statements = option.cells[row]
    if not statements:
        return plain(f"{NOT_KNOWN} See: therapy show {option.therapy.id}", "muted")
    inline: Inline = ()
    for statement in statements:
        inline += (plain("\n") if inline else ()) + cited(statement, answer.citations)
    return inline


def _what_matters(answer: GuideAnswer) -> Iterator[Block]:
    """Each thing the person rated, answered for every option alike, in the same order."""
    yield Heading("What you said matters, for each option")
    for start in range(0, len(answer.options), GUIDE_COLUMNS):
        group = answer.options[start : start + GUIDE_COLUMNS]
        rows = tuple(
            (
                plain(preference.label, "strong") + plain(f"\nmatters {rating.name}", "muted"),
                *(_preference_cell(answer, option, preference.row) for option in group),
            )
            for preference, rating in answer.rated
        )
        yield Grid("", ("", *(option.therapy.name for option in group)), rows, row_labels=True)


def _preference_cell(answer: GuideAnswer, option: Option, row: str) -> Inline:
    """For a short course the number of sessions; for anything else, that row's answer."""
    typical = option.therapy.sessions.typical
    if row == "sessions" and typical is not None:
        numbers = ",".join(map(str, answer.citations.of(typical)))
        return plain(
            f"{session_range(option.therapy)} sessions"
            if typical.counted
            else session_range(option.therapy)
        ) + plain(f" [{numbers}]", "cite")
    return _cell(answer, option, row)


def _no_options(answer: GuideAnswer) -> Iterator[Block]:
    if answer.condition is not None:
        yield Note(
            f"The sources connect no therapy in this knowledge base to {answer.condition.name}, "
            "so there are no options to set side by side."
        )
        return
    yield Heading("No options yet")
    names = ", ".join(c.name for c in answer.linked_conditions)
    yield Paragraph(
        plain(
            "You did not name a condition, so no therapies are set side by side. The guide can "
            f"compare therapies for: {names}."
        )
    )
    yield Note("For example: therapy guide --condition depression")


def _routes(answer: GuideAnswer) -> Iterator[Block]:
    for region, statements in answer.routes:
        yield Heading(f"Getting therapy: {region.name}")
        if statements:
            yield Bullets(tuple(cited(s, answer.citations) for s in statements))
        else:
            known = ", ".join(r.name for r in answer.guide.regions if r.route)
            yield Note(
                f"Not known: this knowledge base describes routes to therapy in {known}. "
                "Urgent help anywhere: therapy crisis"
            )
