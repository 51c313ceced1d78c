"""Views laid out as a small document (titles, bullets, tables) that every text format renders.

Building the layout once keeps the terminal, plain and Markdown outputs in step: each format only
decides how a heading or a bullet looks, never what a page contains.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import singledispatch
from typing import NamedTuple

from .formats.apa import apa
from .model import Reference, Sessions, Statement, Therapy
from .views import (
    Citations,
    CompareView,
    ConditionsView,
    ListView,
    PathsView,
    RefsView,
    RegionsView,
    SearchView,
    SessionsView,
    ShowView,
    ValidatedView,
)

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
CHART_WIDTH = 28  # columns for the bars, so that a chart with its labels fits 80 columns
LABEL_WIDTH = 30


def plain(value: str, style: str = "") -> Inline:
    return (Span(value, style),)


def cited(statement: Statement, citations: Citations) -> Inline:
    """A statement followed by its citation numbers."""
    numbers = citations.cite(statement)
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
    return References(title, reference_entries(citations.references(), with_notes))


@singledispatch
def build(view: object) -> Iterator[Block]:
    """The blocks that show `view`."""
    raise TypeError(f"no layout for {type(view).__name__}")


@build.register
def _(view: ListView) -> Iterator[Block]:
    rows = tuple(
        (
            plain(t.name, "strong") + plain(f"\n{t.id}", "muted"),
            plain(t.summary.text),
            plain(session_range(t)),
        )
        for t in view.therapies
    )
    yield Grid("Talking therapies", ("Therapy", "In short", "Sessions"), rows)
    yield Note("Details: therapy show NAME   Side by side: therapy compare")


@build.register
def _(view: ShowView) -> Iterator[Block]:
    therapy = view.therapy
    yield Title(therapy.name)
    if therapy.aliases:
        yield Note(f"Also called: {', '.join(therapy.aliases)}")
    for section_id, statements in view.sections:
        yield Heading(SECTION_TITLES[section_id])
        if section_id == "at-a-glance":
            glance = (
                ("Based on", therapy.basis),
                ("Focus", therapy.focus),
                ("Key evidence", therapy.key_evidence),
            )
            yield _rows(glance, view.citations)
        elif section_id == "session-length":
            yield _session_rows(therapy.sessions, view.citations)
        elif section_id == "who-it-helps":
            yield Bullets(tuple(_uses(view, statements)))
        else:
            yield Bullets(tuple(with_correction(s, view.citations) for s in statements))
        if view.with_sources:
            ids = dict.fromkeys(source for s in statements for source in s.sources)
            numbered = [(view.citations.numbers[i], view.citations.kb.reference(i)) for i in ids]
            yield References("Sources for this section:", reference_entries(numbered, False), True)
    yield references(view.citations, with_notes=True)


def _uses(view: ShowView, statements: tuple[Statement, ...]) -> Iterator[Inline]:
    shown: set[int] = set()
    for use in view.therapy.used_for:
        item = plain(view.condition_names[use.condition], "strong") + plain(": ")
        item += cited(use.note, view.citations)
        for caveat in use.caveats:
            item += plain("\nCaveat: ", "em") + cited(caveat, view.citations)
        shown.update({id(use.note), *map(id, use.caveats)})
        yield item
    for statement in statements:
        if id(statement) not in shown:
            yield with_correction(statement, view.citations)


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
def _(view: CompareView) -> Iterator[Block]:
    for start in range(0, len(view.therapies), COMPARE_COLUMNS):
        yield _compare_grid(view, view.therapies[start : start + COMPARE_COLUMNS])
    yield references(view.citations)


def _compare_grid(view: CompareView, therapies: list[Therapy]) -> Grid:
    def row(label: str, cells: Sequence[Statement | None]) -> tuple[Inline, ...]:
        return (
            plain(label, "strong"),
            *(cited(c, view.citations) if c else plain("—", "muted") for c in cells),
        )

    used_for = tuple(
        plain(", ".join(view.condition_names[u.condition] for u in t.used_for) or "—")
        for t in therapies
    )
    rows = (
        row("Basis", [t.basis for t in therapies]),
        row("Focus", [t.focus for t in therapies]),
        (plain("Typical sessions", "strong"), *(plain(session_range(t)) for t in therapies)),
        row("On the NHS", [t.sessions.nhs for t in therapies]),
        row("Privately", [t.sessions.private for t in therapies]),
        row("How often", [t.sessions.frequency for t in therapies]),
        (plain("Used for", "strong"), *used_for),
        row("Key evidence", [t.key_evidence for t in therapies]),
    )
    return Grid("", ("", *(t.name for t in therapies)), rows, row_labels=True)


@build.register
def _(view: ConditionsView) -> Iterator[Block]:
    if not view.detailed:
        yield from _evidence_matrix(view)
        return
    for entry in view.entries:
        condition = entry.condition
        yield Title(condition.name)
        if condition.synonyms:
            yield Note(f"Also called: {', '.join(condition.synonyms)}")
        if condition.description:
            yield Paragraph(cited(condition.description, view.citations))
        if condition.guidance:
            yield Heading("Guidelines")
            yield Bullets(tuple(cited(s, view.citations) for s in condition.guidance))
        yield Heading("Therapies used for it")
        if not entry.uses:
            yield Note("The sources connect no therapy in this knowledge base to it.")
        items = []
        for therapy, use in entry.uses:
            item = plain(therapy.name, "strong") + plain("\n") + cited(use.note, view.citations)
            for caveat in use.caveats:
                item += plain("\nCaveat: ", "em") + cited(caveat, view.citations)
            items.append(item)
        yield Bullets(tuple(items))
    yield references(view.citations)


def _evidence_matrix(view: ConditionsView) -> Iterator[Block]:
    """Conditions as rows, therapies as numbered columns, a mark for the strongest evidence."""
    by_id = {t.id: t for e in view.entries for t, _ in e.uses}
    therapies = list(by_id.values())
    rank = {level: n for n, level in enumerate(EVIDENCE_MARKS)}
    yield Title("Evidence matrix: conditions and the therapies used for them")
    # Two cells a column, so that twenty-odd therapies fit 80 columns; numbers of two or more
    # digits are written downwards, one digit a line, so that each stays over its own column.
    labels = [str(n) for n in range(1, len(therapies) + 1)]
    depth = max(map(len, labels), default=1)
    lines: list[Inline] = [
        plain(" " * LABEL_WIDTH)
        + plain("".join(f"{label.rjust(depth)[row]:>2}" for label in labels), "strong")
        for row in range(depth)
    ]
    for entry in view.entries:
        best: dict[str, str] = {}
        for therapy, use in entry.uses:
            known = best.get(therapy.id)
            if known is None or rank[use.evidence] < rank[known]:
                best[therapy.id] = use.evidence
        row = plain(_fit(entry.condition.name, LABEL_WIDTH))
        for therapy in therapies:
            mark, style = EVIDENCE_MARKS.get(best.get(therapy.id, ""), (NO_MARK, "muted"))
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


def _fit(value: str, width: int) -> str:
    """`value` cut to `width - 1` characters (with an ellipsis) and padded to `width`."""
    if len(value) >= width:
        value = value[: width - 2] + "…"
    return value.ljust(width)


def _session_heading(therapy: Therapy) -> str:
    """'CBT (5–20 sessions)', 'MBT (12–18 months)', or the bare name when no length is given."""
    typical = therapy.sessions.typical
    if typical is not None and typical.label:
        return f"{therapy.name} ({typical.label})"
    if typical is None or not typical.counted:
        return therapy.name
    return f"{therapy.name} ({session_range(therapy)} sessions)"


def _uncounted(typical: Statement | None, citations: Citations) -> Inline:
    """A chart row's text where the sources give no number of sessions to draw."""
    if typical is None or not typical.label:
        return plain("not stated in the sources", "muted")
    numbers = ",".join(map(str, citations.cite(typical)))
    return plain(f"{typical.label} (not counted in sessions)", "muted") + plain(
        f" [{numbers}]", "cite"
    )


def _session_chart(view: SessionsView) -> Iterator[Block]:
    """Each therapy's typical number of sessions as a bar on a common scale."""
    numbers = [
        n
        for t in view.therapies
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
    for therapy in view.therapies:
        typical, nhs = therapy.sessions.typical, therapy.sessions.nhs
        row = plain(_fit(therapy.name, LABEL_WIDTH))
        if typical is None or not typical.counted:
            lines.append(row + _uncounted(typical, view.citations))
            continue
        cells = [" "] * CHART_WIDTH
        cited_ranges = [typical]
        if nhs is not None and nhs.counted:
            cited_ranges.append(nhs)
            for position in range(column(nhs.minimum or 1), column(nhs.maximum or top) + 1):
                cells[position] = "▒"
        for position in range(column(typical.minimum or 1), column(typical.maximum or top) + 1):
            cells[position] = "█"
        beyond = typical.maximum is None or therapy.sessions.private or therapy.sessions.longer_term
        numbers = sorted({n for s in cited_ranges for n in view.citations.cite(s)})
        row += plain("".join(cells).rstrip(), "good") + plain(" ▶" if beyond else "", "fair")
        row += plain(f"  {session_range(therapy)} [{','.join(map(str, numbers))}]", "cite")
        lines.append(row)
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
    yield references(view.citations)


@build.register
def _(view: SessionsView) -> Iterator[Block]:
    if not view.detailed:
        yield from _session_chart(view)
        return
    for therapy in view.therapies:
        yield Title(_session_heading(therapy))
        yield _session_rows(therapy.sessions, view.citations)
    yield references(view.citations)


@build.register
def _(view: RefsView) -> Iterator[Block]:
    title = f"References for {view.therapy.name}" if view.therapy else "References"
    yield References(title, reference_entries(list(enumerate(view.references, start=1))))


@build.register
def _(view: SearchView) -> Iterator[Block]:
    count = len(view.matches)
    yield Heading(f"{count} match{'es' if count != 1 else ''} for {view.query!r}")
    yield Bullets(
        tuple(
            plain(match.place, "strong")
            + plain("\n")
            + marked(snippet_around(match.text, view.words), view.words)
            for match in view.matches
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
def _(view: RegionsView) -> Iterator[Block]:
    yield Title("Urgent help" if view.kind == "crisis" else "Finding a therapist")
    for region in view.regions:
        yield Heading(region.name)
        items = []
        for service in region.services:
            item = plain(service.name, "strong")
            if service.contact:
                item += plain(f"  {service.contact}", "contact")
            if service.url:
                item += plain("  ") + plain(service.url, "link")
            for detail in service.details:
                item += plain("\n") + cited(detail, view.citations)
            items.append(item)
        yield Bullets(tuple(items))
    yield references(view.citations, title="Sources")


@build.register
def _(view: PathsView) -> Iterator[Block]:
    rows = tuple(
        (plain(str(n)), plain(f.origin), plain(str(f.path)))
        for n, f in enumerate(view.files, start=1)
    )
    yield Grid("Knowledge-base files, in the order read", ("#", "From", "Path"), rows)
    yield Note(
        f"Your own files go in {view.user_folder} (*.yaml, read by name); later files "
        "replace entries with the same id."
    )


@build.register
def _(view: ValidatedView) -> Iterator[Block]:
    count = len(view.files)
    yield Paragraph(
        plain(
            f"Valid: {count} file{'s' if count != 1 else ''}, {view.therapies} therapies, "
            f"{view.conditions} conditions, {view.references} references.",
            "strong",
        )
    )
    if view.warnings:
        yield Heading(f"Warnings: {len(view.warnings)} (thinner than a built-in page)")
        yield Bullets(tuple(plain(warning) for warning in view.warnings))
