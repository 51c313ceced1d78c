"""Render views as Rich renderables for the terminal (colour and layout decided by the console)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import singledispatch

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import Reference, Sessions, Statement, Therapy
from ..sanitize import clean
from ..views import (
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
from .apa import apa

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
HEADING = "bold cyan"
LABEL = "bold"
MUTED = "dim"


def text(value: str, style: str = "") -> Text:
    """Content as literal text: markup is not interpreted and control characters are gone."""
    return Text(clean(value), style=style, overflow="fold")


def cited(statement: Statement, citations: Citations) -> Text:
    """A statement followed by its citation numbers."""
    numbers = citations.cite(statement)
    line = text(statement.text)
    line.append(f" [{', '.join(map(str, numbers))}]", style=MUTED)
    return line


def heading(title: str) -> Text:
    return Text(f"\n{title}", style=HEADING)


def bullet(body: Text, marker: str = "•") -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(marker, body)
    return grid


def session_range(therapy: Therapy) -> str:
    """The typical number of sessions, as '6–16', 'from 4' or 'not stated'."""
    typical = therapy.sessions.typical
    if typical is None or (typical.minimum is None and typical.maximum is None):
        return "not stated"
    if typical.maximum is None:
        return f"from {typical.minimum}"
    if typical.minimum is None:
        return f"up to {typical.maximum}"
    return f"{typical.minimum}–{typical.maximum}"


def reference_list(numbered: list[tuple[int, Reference]], with_notes: bool = True) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", no_wrap=True, style=MUTED)
    table.add_column()
    for number, reference in numbered:
        entry = text(apa(reference))
        if with_notes:
            for note in reference.notes:
                entry.append("\n")
                entry.append_text(text(f"Note: {note}", MUTED))
        table.add_row(f"[{number}]", entry)
    return table


@singledispatch
def render(view: object) -> Iterator[RenderableType]:
    raise TypeError(f"no text rendering for {type(view).__name__}")


@render.register
def _(view: ListView) -> Iterator[RenderableType]:
    table = Table(title="Talking therapies", title_style=HEADING, expand=False)
    table.add_column("Therapy", style=LABEL, ratio=2)
    table.add_column("In short", ratio=5)
    table.add_column("Sessions", no_wrap=True)
    for therapy in view.therapies:
        name = text(therapy.name, LABEL)
        name.append_text(text(f"\n{therapy.id}", MUTED))
        table.add_row(name, text(therapy.summary.text), session_range(therapy))
    yield table
    yield text("Details: therapy show NAME   Side by side: therapy compare", MUTED)


@render.register
def _(view: ShowView) -> Iterator[RenderableType]:
    therapy = view.therapy
    yield text(therapy.name, "bold underline")
    if therapy.aliases:
        yield text(f"Also called: {', '.join(therapy.aliases)}", MUTED)
    for section_id, statements in view.sections:
        yield heading(SECTION_TITLES[section_id])
        if section_id == "at-a-glance":
            yield _labelled(
                [
                    ("Based on", therapy.basis),
                    ("Focus", therapy.focus),
                    ("Key evidence", therapy.key_evidence),
                ],
                view.citations,
            )
        elif section_id == "session-length":
            yield _sessions(therapy.sessions, view.citations)
        elif section_id == "who-it-helps":
            yield from _uses(view, statements)
        else:
            yield from _statements(statements, view.citations)
        if view.with_sources:
            yield _sources_of(statements, view.citations)
    yield heading("References")
    yield reference_list(view.citations.references())


def _statements(statements: tuple[Statement, ...], citations: Citations) -> Iterator[Table]:
    for statement in statements:
        body = cited(statement, citations)
        if statement.correction:
            body.append_text(text(f"\nCorrection: {statement.correction}", MUTED))
        yield bullet(body)


def _uses(view: ShowView, statements: tuple[Statement, ...]) -> Iterator[RenderableType]:
    shown = set()
    for use in view.therapy.used_for:
        body = text(view.condition_names[use.condition], LABEL)
        body.append(": ")
        body.append_text(cited(use.note, view.citations))
        for caveat in use.caveats:
            body.append_text(text("\nCaveat: ", "italic"))
            body.append_text(cited(caveat, view.citations))
        shown.update({id(use.note), *map(id, use.caveats)})
        yield bullet(body)
    yield from _statements(tuple(s for s in statements if id(s) not in shown), view.citations)


def _sources_of(statements: tuple[Statement, ...], citations: Citations) -> Padding:
    ids = dict.fromkeys(source for s in statements for source in s.sources)
    numbered = [(citations.numbers[i], citations.kb.reference(i)) for i in ids]
    block = Group(text("Sources for this section:", MUTED), reference_list(numbered, False))
    return Padding(block, (0, 0, 0, 4))


def _session_rows(sessions: Sessions) -> Iterator[tuple[str, Statement]]:
    for key, label in SESSION_LABELS.items():
        statement = getattr(sessions, key)
        if statement is not None:
            yield label, statement


def _sessions(sessions: Sessions, citations: Citations) -> Table:
    rows = list(_session_rows(sessions))
    if not rows:
        return _labelled([("", Statement("The sources give no session guidance.", ()))], citations)
    return _labelled(rows, citations)


def _labelled(rows: Sequence[tuple[str, Statement | None]], citations: Citations) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style=LABEL, no_wrap=True)
    table.add_column()
    for label, statement in rows:
        if statement is not None:
            table.add_row(
                label,
                cited(statement, citations) if statement.sources else text(statement.text, MUTED),
            )
    return table


COMPARE_COLUMNS = 3  # therapies per table: wider tables wrap every cell into a narrow strip


@render.register
def _(view: CompareView) -> Iterator[RenderableType]:
    for start in range(0, len(view.therapies), COMPARE_COLUMNS):
        yield _compare_table(view, view.therapies[start : start + COMPARE_COLUMNS])
    yield heading("References")
    yield reference_list(view.citations.references(), with_notes=False)


def _compare_table(view: CompareView, therapies: list[Therapy]) -> Table:
    table = Table(show_lines=True)
    table.add_column("", style=LABEL, no_wrap=True)
    for therapy in therapies:
        table.add_column(text(therapy.name, LABEL))

    def row(label: str, cells: list[Statement | None]) -> None:
        table.add_row(label, *(cited(c, view.citations) if c else text("—", MUTED) for c in cells))

    row("Basis", [t.basis for t in therapies])
    row("Focus", [t.focus for t in therapies])
    table.add_row("Typical sessions", *(session_range(t) for t in therapies))
    row("On the NHS", [t.sessions.nhs for t in therapies])
    row("Privately", [t.sessions.private for t in therapies])
    row("How often", [t.sessions.frequency for t in therapies])
    table.add_row(
        "Used for",
        *(
            text(", ".join(view.condition_names[u.condition] for u in t.used_for) or "—")
            for t in therapies
        ),
    )
    row("Key evidence", [t.key_evidence for t in therapies])
    return table


@render.register
def _(view: ConditionsView) -> Iterator[RenderableType]:
    if not view.detailed:
        table = Table(title="Conditions and the therapies used for them", title_style=HEADING)
        table.add_column("Condition", style=LABEL)
        table.add_column("Also called")
        table.add_column("Therapies")
        for entry in view.entries:
            condition = entry.condition
            table.add_row(
                text(condition.name),
                text(", ".join(condition.synonyms)),
                text(", ".join(t.name for t, _ in entry.uses) or "—"),
            )
        yield table
        yield text("Details: therapy conditions CONDITION", MUTED)
        return
    for entry in view.entries:
        yield text(entry.condition.name, "bold underline")
        if entry.condition.synonyms:
            yield text(f"Also called: {', '.join(entry.condition.synonyms)}", MUTED)
        if entry.condition.description:
            yield cited(entry.condition.description, view.citations)
        if entry.condition.guidance:
            yield heading("Guidelines")
            yield from _statements(entry.condition.guidance, view.citations)
        yield heading("Therapies used for it")
        if not entry.uses:
            yield text("The sources connect no therapy in this knowledge base to it.", MUTED)
        for therapy, use in entry.uses:
            body = text(therapy.name, LABEL)
            body.append("\n")
            body.append_text(cited(use.note, view.citations))
            for caveat in use.caveats:
                body.append_text(text("\nCaveat: ", "italic"))
                body.append_text(cited(caveat, view.citations))
            yield bullet(body)
    yield heading("References")
    yield reference_list(view.citations.references(), with_notes=False)


@render.register
def _(view: SessionsView) -> Iterator[RenderableType]:
    for therapy in view.therapies:
        yield heading(f"{therapy.name} ({session_range(therapy)} sessions)")
        yield _sessions(therapy.sessions, view.citations)
    yield heading("References")
    yield reference_list(view.citations.references(), with_notes=False)


@render.register
def _(view: RefsView) -> Iterator[RenderableType]:
    title = f"References for {view.therapy.name}" if view.therapy else "References"
    yield text(title, HEADING)
    yield reference_list(list(enumerate(view.references, start=1)))


@render.register
def _(view: SearchView) -> Iterator[RenderableType]:
    count = len(view.matches)
    yield text(f"{count} match{'es' if count != 1 else ''} for {view.query!r}", HEADING)
    words = view.query.casefold().split()
    for match in view.matches:
        body = text(match.place, LABEL)
        body.append("\n")
        snippet = text(snippet_around(match.text, words[0] if words else ""))
        for word in words:
            snippet.highlight_words([word], style="reverse", case_sensitive=False)
        body.append_text(snippet)
        yield bullet(body)


def snippet_around(value: str, word: str, width: int = 160) -> str:
    """Up to `width` characters of `value` around the first place `word` occurs."""
    if len(value) <= width:
        return value
    at = max(value.casefold().find(word), 0)
    start = max(0, min(at - width // 3, len(value) - width))
    piece = value[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(value) else "")


@render.register
def _(view: RegionsView) -> Iterator[RenderableType]:
    title = "Urgent help" if view.kind == "crisis" else "Finding a therapist"
    yield text(title, "bold underline")
    for region in view.regions:
        yield heading(region.name)
        for service in region.services:
            body = text(service.name, LABEL)
            if service.contact:
                body.append_text(text(f"  {service.contact}", "bold green"))
            if service.url:
                body.append_text(text(f"  {service.url}", "underline"))
            for detail in service.details:
                body.append("\n")
                body.append_text(cited(detail, view.citations))
            yield bullet(body)
    yield heading("Sources")
    yield reference_list(view.citations.references(), with_notes=False)


def disclaimer(value: str) -> RenderableType:
    return Group(Text(""), Text("─" * 3, style=MUTED), text(value, "italic"))


@render.register
def _(view: PathsView) -> Iterator[RenderableType]:
    table = Table(title="Knowledge-base files, in the order read", title_style=HEADING)
    table.add_column("#", justify="right")
    table.add_column("From")
    table.add_column("Path", overflow="fold")
    for number, file in enumerate(view.files, start=1):
        table.add_row(str(number), file.origin, text(str(file.path)))
    yield table
    yield text(
        f"Your own files go in {view.user_folder} (*.yaml, read by name); "
        "later files replace entries with the same id.",
        MUTED,
    )


@render.register
def _(view: ValidatedView) -> Iterator[RenderableType]:
    count = len(view.files)
    yield text(
        f"Valid: {count} file{'s' if count != 1 else ''}, {view.therapies} therapies, "
        f"{view.conditions} conditions, {view.references} references.",
        "bold green",
    )


def undecorated(renderable: RenderableType) -> RenderableType:
    """A table without its box lines, for plain output."""
    if isinstance(renderable, Table) and renderable.box is not None:
        renderable.box = None
        renderable.show_edge = False
        renderable.leading = 1 if renderable.show_lines else 0
        renderable.show_lines = False
    return renderable
