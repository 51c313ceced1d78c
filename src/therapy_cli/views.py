"""What each command answers, as plain data: built from the knowledge base, never printed here."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from . import lookup
from .completeness import page_gaps
from .errors import NotFound
from .kbfiles import KnowledgeBaseFile
from .model import (
    Condition,
    ConditionUse,
    KnowledgeBase,
    Reference,
    Region,
    Statement,
    Therapy,
    session_statements,
)


class Citations:
    """Numbers sources in the order they are first cited, as a page's footnotes do."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.numbers: dict[str, int] = {}

    def cite(self, statement: Statement) -> tuple[int, ...]:
        for source in statement.sources:
            self.numbers.setdefault(source, len(self.numbers) + 1)
        return tuple(sorted({self.numbers[s] for s in statement.sources}))

    def cite_all(self, statements: Iterable[Statement | None]) -> None:
        for statement in statements:
            if statement is not None:
                self.cite(statement)

    def references(self) -> list[tuple[int, Reference]]:
        return [(n, self.kb.reference(ref_id)) for ref_id, n in self.numbers.items()]


class ListView(NamedTuple):
    therapies: tuple[Therapy, ...]


class ShowView(NamedTuple):
    therapy: Therapy
    sections: list[tuple[str, tuple[Statement, ...]]]
    condition_names: dict[str, str]
    citations: Citations
    with_sources: bool = False


class CompareView(NamedTuple):
    therapies: list[Therapy]
    condition_names: dict[str, str]
    citations: Citations


class ConditionEntry(NamedTuple):
    condition: Condition
    uses: list[tuple[Therapy, ConditionUse]]


class ConditionsView(NamedTuple):
    entries: list[ConditionEntry]
    citations: Citations
    detailed: bool


class SessionsView(NamedTuple):
    therapies: list[Therapy]
    citations: Citations
    detailed: bool = True


class RefsView(NamedTuple):
    references: list[Reference]
    therapy: Therapy | None = None


class SearchView(NamedTuple):
    query: str
    words: list[str]
    matches: list[lookup.Match]


class RegionsView(NamedTuple):
    kind: str
    regions: tuple[Region, ...]
    citations: Citations


class PathsView(NamedTuple):
    files: list[KnowledgeBaseFile]
    user_folder: Path


class ValidatedView(NamedTuple):
    files: list[KnowledgeBaseFile]
    therapies: int
    conditions: int
    references: int
    warnings: tuple[str, ...] = ()


View = (
    ListView
    | ShowView
    | CompareView
    | ConditionsView
    | SessionsView
    | RefsView
    | SearchView
    | RegionsView
    | PathsView
    | ValidatedView
)


def list_therapies(kb: KnowledgeBase) -> ListView:
    return ListView(kb.catalogue)


def show(kb: KnowledgeBase, name: str, section: str | None, with_sources: bool) -> ShowView:
    therapy = lookup.resolve_therapy(kb, name)
    wanted = lookup.resolve_section(section)
    sections = [(sid, group) for sid, group in therapy.content() if wanted in (None, sid)]
    if wanted and not sections:
        raise NotFound(
            f"{therapy.name} has no {wanted!r} section in the sources",
            (f"see 'therapy show {therapy.id}' for what there is",),
        )
    citations = Citations(kb)
    citations.cite_all(s for _, group in sections for s in group)
    return ShowView(therapy, sections, _condition_names(kb), citations, with_sources)


def compare(kb: KnowledgeBase, names: list[str]) -> CompareView:
    therapies = [lookup.resolve_therapy(kb, n) for n in names] if names else list(kb.catalogue)
    citations = Citations(kb)
    for therapy in therapies:
        citations.cite_all(
            [
                therapy.basis,
                therapy.focus,
                therapy.sessions.typical,
                therapy.sessions.nhs,
                therapy.sessions.private,
                therapy.sessions.frequency,
                therapy.key_evidence,
            ]
        )
    return CompareView(therapies, _condition_names(kb), citations)


def conditions(kb: KnowledgeBase, name: str | None) -> ConditionsView:
    chosen = [lookup.resolve_condition(kb, name)] if name else list(kb.conditions)
    citations = Citations(kb)
    entries = []
    for condition in chosen:
        uses = [(t, u) for t in kb.catalogue for u in t.used_for if u.condition == condition.id]
        if name:
            citations.cite_all([condition.description, *condition.guidance])
            citations.cite_all(s for _, u in uses for s in (u.note, *u.caveats))
        entries.append(ConditionEntry(condition, uses))
    return ConditionsView(entries, citations, detailed=name is not None)


def sessions(kb: KnowledgeBase, name: str | None) -> SessionsView:
    therapies = [lookup.resolve_therapy(kb, name)] if name else list(kb.catalogue)
    citations = Citations(kb)
    for therapy in therapies:
        # The chart of all therapies cites only the ranges it draws.
        drawn = [therapy.sessions.typical, therapy.sessions.nhs]
        shown = session_statements(therapy.sessions) if name else drawn
        citations.cite_all(shown)
    return SessionsView(therapies, citations, detailed=name is not None)


def refs(kb: KnowledgeBase, therapy_name: str | None) -> RefsView:
    if therapy_name is None:
        return RefsView(list(kb.references))
    therapy = lookup.resolve_therapy(kb, therapy_name)
    citations = Citations(kb)
    citations.cite_all(s for _, group in therapy.content() for s in group)
    return RefsView([ref for _, ref in citations.references()], therapy)


def search(kb: KnowledgeBase, query: str) -> SearchView:
    matches = lookup.search(kb, query)
    if not matches:
        raise NotFound(
            f"nothing matches {query!r}", ("try fewer or shorter words, or 'therapy list'",)
        )
    return SearchView(query, lookup.search_words(kb, query), matches)


def regions(kb: KnowledgeBase, kind: str, region: str | None) -> RegionsView:
    available = kb.crisis if kind == "crisis" else kb.find_therapist
    chosen = lookup.resolve_region(available, region)
    citations = Citations(kb)
    citations.cite_all(s for r in chosen for service in r.services for s in service.details)
    return RegionsView(kind, chosen, citations)


def paths(files: list[KnowledgeBaseFile]) -> PathsView:
    from .kbfiles import user_folder

    return PathsView(files, user_folder())


def validated(
    files: list[KnowledgeBaseFile], kb: KnowledgeBase, strict: bool = False
) -> ValidatedView:
    warnings = (
        tuple(f"therapies[{t.id}]: {gap}" for t in kb.therapies for gap in page_gaps(t))
        if strict
        else ()
    )
    return ValidatedView(files, len(kb.catalogue), len(kb.conditions), len(kb.references), warnings)


def _condition_names(kb: KnowledgeBase) -> dict[str, str]:
    return {c.id: c.name for c in kb.conditions}
