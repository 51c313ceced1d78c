"""What each command answers, as plain data built from the knowledge base; nothing is printed here.

Each answer numbers its citations once, in the order its page shows the statements, and the
numbers are then fixed: renderers look them up and never add one. So every reference an answer
lists is one that its output cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from .errors import KnowledgeBaseError, NotFound, UsageProblem
from .kb import lookup
from .kb.completeness import page_gaps
from .kb.files import KnowledgeBaseFile, user_folder
from .kb.model import (
    Condition,
    ConditionUse,
    EffectSizes,
    KnowledgeBase,
    Reference,
    Region,
    Sessions,
    Statement,
    Term,
    Therapy,
    session_statements,
)


class Citations:
    """The numbers of one answer's sources, in the order first cited, as a page's footnotes."""

    def __init__(self, kb: KnowledgeBase, statements: Iterable[Statement | None]) -> None:
        numbers: dict[str, int] = {}
        for statement in statements:
            for source in statement.sources if statement else ():
                numbers.setdefault(source, len(numbers) + 1)
        self._numbers: Mapping[str, int] = MappingProxyType(numbers)
        self.references: tuple[tuple[int, Reference], ...] = tuple(
            (n, kb.reference(ref_id)) for ref_id, n in numbers.items()
        )

    def of(self, statement: Statement) -> tuple[int, ...]:
        """The citation numbers of `statement`'s sources (all numbered when the answer was made)."""
        return tuple(sorted({self._numbers[source] for source in statement.sources}))

    def number(self, source: str) -> int:
        return self._numbers[source]


class ListAnswer(NamedTuple):
    therapies: tuple[Therapy, ...]


class ShowAnswer(NamedTuple):
    therapy: Therapy
    sections: list[tuple[str, tuple[Statement, ...]]]
    condition_names: dict[str, str]
    citations: Citations
    with_sources: bool = False
    terms: tuple[Term, ...] = ()  # glossary terms the page uses
    effect_sizes: EffectSizes | None = None  # the benchmarks, if the page quotes a d value


class GlossaryAnswer(NamedTuple):
    terms: tuple[Term, ...]
    citations: Citations
    detailed: bool


class CompareAnswer(NamedTuple):
    therapies: list[Therapy]
    condition_names: dict[str, str]
    citations: Citations


class ConditionEntry(NamedTuple):
    condition: Condition
    uses: list[tuple[Therapy, ConditionUse]]
    see_also: tuple[Condition, ...] = ()


class ConditionsAnswer(NamedTuple):
    entries: list[ConditionEntry]
    citations: Citations
    detailed: bool


class SessionsAnswer(NamedTuple):
    therapies: list[Therapy]
    citations: Citations
    detailed: bool = True


class RefsAnswer(NamedTuple):
    references: list[Reference]
    therapy: Therapy | None = None


class SearchAnswer(NamedTuple):
    query: str
    words: list[str]
    matches: list[lookup.Match]


class RegionsAnswer(NamedTuple):
    kind: str  # the command: "crisis", "find-therapist", or "guide" (its urgent help)
    regions: tuple[Region, ...]
    citations: Citations
    warnings: tuple[str, ...] = ()  # e.g. an overlay that could not be read


class PathsAnswer(NamedTuple):
    files: list[KnowledgeBaseFile]
    user_folder: Path


class ValidatedAnswer(NamedTuple):
    files: list[KnowledgeBaseFile]
    therapies: int
    conditions: int
    references: int
    safety: tuple[str, ...] = ()  # an overlay's disclaimer or urgent-help entries
    warnings: tuple[str, ...] = ()  # pages thinner than the built-in minimums (--strict)


Answer = (
    ListAnswer
    | ShowAnswer
    | CompareAnswer
    | ConditionsAnswer
    | SessionsAnswer
    | RefsAnswer
    | SearchAnswer
    | RegionsAnswer
    | PathsAnswer
    | ValidatedAnswer
    | GlossaryAnswer
)

# "d = 0.69", "d=0.5": an effect size quoted in a statement.
EFFECT_SIZE = re.compile(r"\bd\s*=\s*(\d+(?:\.\d+)?)")
_NON_WORD = re.compile(r"[^\w]+")


def disclaimer(kb: KnowledgeBase) -> str:
    """The disclaimer that ends every output, saying which file it is from if not the built-in."""
    if kb.disclaimer_from is None:
        return kb.disclaimer
    return f"{kb.disclaimer} [This disclaimer is from {kb.disclaimer_from}, not the built-in one.]"


def replacements(kb: KnowledgeBase, region_ids: Iterable[str] | None = None) -> tuple[str, ...]:
    """Warnings for urgent-help entries that come from a user's file, not the built-in one."""
    names = {region.id: region.name for region in kb.crisis}
    wanted = set(names) if region_ids is None else set(region_ids)
    return tuple(
        f"The urgent-help entries for {names[region_id]} are from {path}, "
        "which adds to or replaces the built-in ones."
        for region_id, path in kb.crisis_from.items()
        if region_id in wanted and region_id in names
    )


def list_therapies(kb: KnowledgeBase) -> ListAnswer:
    return ListAnswer(kb.catalogue)


def show(kb: KnowledgeBase, name: str, section: str | None, with_sources: bool) -> ShowAnswer:
    therapy = lookup.resolve_therapy(kb, name)
    wanted = lookup.resolve_section(section)
    sections = [(sid, group) for sid, group in therapy.content() if wanted in (None, sid)]
    if wanted and not sections:
        raise NotFound(
            f"{therapy.name} has no {wanted!r} section in the sources",
            (f"see 'therapy show {therapy.id}' for what there is",),
        )
    shown = [s for _, group in sections for s in group]
    quotes_d = any(EFFECT_SIZE.search(s.text) for s in shown)
    sizes = kb.effect_sizes if quotes_d else None
    citations = Citations(kb, [*shown, sizes.note if sizes else None])
    terms = terms_used(kb, shown)
    return ShowAnswer(
        therapy, sections, _condition_names(kb), citations, with_sources, terms, sizes
    )


def terms_used(kb: KnowledgeBase, statements: Iterable[Statement]) -> tuple[Term, ...]:
    """The glossary terms whose term or an alias appears, as whole words, in `statements`."""
    text = " " + " ".join(_NON_WORD.sub(" ", s.text.casefold()) for s in statements) + " "

    def appears(label: str) -> bool:
        # Short names (RCT, BLS) are left out: as words they match too much that is not them.
        words = _NON_WORD.sub(" ", label.casefold()).strip()
        return len(words) >= 5 and f" {words} " in text

    return tuple(entry for entry in kb.glossary if any(map(appears, (entry.term, *entry.aliases))))


def effect_size_meaning(value: float, sizes: EffectSizes) -> str:
    """Where `value` falls among the benchmarks, e.g. 'medium (0.5 or more; large from 0.8)'."""
    reached = [(start, label) for start, label in sizes.bands if value >= start]
    if not reached:
        start, label = sizes.bands[0]
        return f"below the benchmark for {label} ({start:g})"
    start, label = reached[-1]
    higher = [(s, lab) for s, lab in sizes.bands if s > start]
    beyond = f"; {higher[0][1]} from {higher[0][0]:g}" if higher else ""
    return f"{label} ({start:g} or more{beyond})"


def glossary(kb: KnowledgeBase, term: str | None) -> GlossaryAnswer:
    chosen = (lookup.resolve_term(kb, term),) if term is not None else kb.glossary
    citations = Citations(kb, (t.definition for t in chosen))
    return GlossaryAnswer(chosen, citations, detailed=term is not None)


def compared_statements(therapy: Therapy) -> tuple[Statement | None, ...]:
    """What a comparison says of a therapy, in its order: basis to key evidence."""
    sessions = therapy.sessions
    return (
        therapy.basis,
        therapy.focus,
        sessions.typical,
        sessions.nhs,
        sessions.private,
        sessions.frequency,
        therapy.key_evidence,
    )


def compare(kb: KnowledgeBase, names: list[str]) -> CompareAnswer:
    therapies = [lookup.resolve_therapy(kb, n) for n in names] if names else list(kb.therapies)
    citations = Citations(kb, (s for t in therapies for s in compared_statements(t)))
    return CompareAnswer(therapies, _condition_names(kb), citations)


def conditions(kb: KnowledgeBase, name: str | None) -> ConditionsAnswer:
    chosen = [lookup.resolve_condition(kb, name)] if name is not None else list(kb.conditions)
    entries = [
        ConditionEntry(
            condition,
            [(t, u) for t in kb.therapies for u in t.used_for if u.condition == condition.id],
            kb.see_also(condition),
        )
        for condition in chosen
    ]
    # The matrix of every condition shows marks, not statements, so it cites nothing.
    cited = (
        s
        for entry in (entries if name is not None else [])
        for s in (
            entry.condition.description,
            *entry.condition.guidance,
            *(s for _, use in entry.uses for s in (use.note, *use.caveats)),
        )
    )
    return ConditionsAnswer(entries, Citations(kb, cited), detailed=name is not None)


def charted(sessions: Sessions) -> tuple[Statement | None, Statement | None]:
    """What the chart of every therapy draws: the typical course, and the NHS range if counted."""
    nhs = sessions.nhs if sessions.nhs is not None and sessions.nhs.counted else None
    return sessions.typical, nhs


def sessions(kb: KnowledgeBase, name: str | None) -> SessionsAnswer:
    therapies = [lookup.resolve_therapy(kb, name)] if name is not None else list(kb.therapies)
    shown = session_statements if name is not None else charted
    citations = Citations(kb, (s for t in therapies for s in shown(t.sessions)))
    return SessionsAnswer(therapies, citations, detailed=name is not None)


def refs(kb: KnowledgeBase, therapy_name: str | None) -> RefsAnswer:
    if therapy_name is None:
        return RefsAnswer(list(kb.references))
    therapy = lookup.resolve_therapy(kb, therapy_name)
    citations = Citations(kb, (s for _, group in therapy.content() for s in group))
    return RefsAnswer([ref for _, ref in citations.references], therapy)


def search(kb: KnowledgeBase, query: str) -> SearchAnswer:
    words = lookup.search_words(kb, query)
    matches = lookup.search(kb, words)
    if not matches:
        raise NotFound(
            f"nothing matches {query!r}", ("try fewer or shorter words, or 'therapy list'",)
        )
    return SearchAnswer(query, words, matches)


def regions(
    kb: KnowledgeBase,
    kind: str,
    region: str | None,
    warnings: tuple[str, ...] = (),
    place: str | None = None,
) -> RegionsAnswer:
    """The regions `region` names (None: all), with only the services for guide region `place`."""
    available = kb.crisis if kind == "crisis" else kb.find_therapist
    chosen = tuple(r.serving(place) for r in lookup.resolve_region(available, region))
    citations = Citations(
        kb, (s for r in chosen for service in r.services for s in service.details)
    )
    return RegionsAnswer(kind, chosen, citations, warnings)


def urgent_help(
    everything: Callable[[], KnowledgeBase],
    builtin: Callable[[], KnowledgeBase],
    region: str | None,
    place: str | None = None,
) -> RegionsAnswer:
    """The crisis numbers (for guide region `place`, if given), whatever else is wrong: if a
    file fails to load, the built-in ones and a warning naming the file."""
    try:
        kb = everything()
    except KnowledgeBaseError as error:
        warning = "These are the built-in numbers: a knowledge-base file could not be used."
        warnings = (warning, error.message, *error.hints)
        try:
            return regions(builtin(), "crisis", region, warnings, place)
        except UsageProblem:  # the region was in the file that failed: show every region
            missing = f"There is no built-in region {region!r}, so every region is shown."
            return regions(builtin(), "crisis", None, (*warnings, missing))
    answer = regions(kb, "crisis", region, place=place)
    return answer._replace(warnings=replacements(kb, (r.id for r in answer.regions)))


def paths(files: list[KnowledgeBaseFile]) -> PathsAnswer:
    return PathsAnswer(files, user_folder())


def validated(
    files: list[KnowledgeBaseFile], kb: KnowledgeBase, strict: bool = False
) -> ValidatedAnswer:
    replaced = replacements(kb)
    if kb.disclaimer_from is not None:
        replaced += (f"The disclaimer is from {kb.disclaimer_from}, not the built-in one.",)
    thin = (
        tuple(f"therapies[{t.id}]: {gap}" for t in kb.therapies for gap in page_gaps(t))
        if strict
        else ()
    )
    return ValidatedAnswer(
        files, len(kb.catalogue), len(kb.conditions), len(kb.references), replaced, thin
    )


def _condition_names(kb: KnowledgeBase) -> dict[str, str]:
    return {c.id: c.name for c in kb.conditions}
