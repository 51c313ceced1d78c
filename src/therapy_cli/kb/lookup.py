"""Find things in the knowledge base: names, conditions, free text. Plain functions, no output."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import NamedTuple

from ..errors import NotFound, UsageProblem
from .model import SECTION_IDS, Condition, KnowledgeBase, Region, Statement, Term, Therapy
from .names import Lookup, normalise

_NON_WORD = re.compile(r"[^\w]+")


def resolve_therapy(kb: KnowledgeBase, name: str) -> Therapy:
    """The therapy `name` refers to by id, name or alias, in any case or spelling."""
    return kb.therapy(_resolve(kb, name, "therapy"))


def resolve_condition(kb: KnowledgeBase, name: str) -> Condition:
    """The condition `name` refers to by id, name or synonym."""
    return kb.condition(_resolve(kb, name, "condition"))


def resolve_term(kb: KnowledgeBase, name: str) -> Term:
    """The glossary term `name` refers to by id, term or alias, in any case or spelling."""
    return kb.term(_resolve(kb, name, "term"))


def _resolve(kb: KnowledgeBase, name: str, kind: str) -> str:
    index = kb.name_index[kind]
    wanted = normalise(name, kb.lookup)
    if wanted in index:
        return index[wanted]
    near = difflib.get_close_matches(wanted, list(index), n=5, cutoff=0.6)
    near += [key for key in index if wanted and (key.startswith(wanted) or wanted in key.split())]
    suggestions = list(dict.fromkeys(_display_name(kb, kind, index[key]) for key in near))
    hints = tuple(f"did you mean {s!r}?" for s in suggestions[:3])
    listing = {"therapy": "therapy list", "condition": "therapy conditions"}.get(
        kind, "therapy glossary"
    )
    noun = "glossary term" if kind == "term" else kind
    shown = name if len(name) <= 60 else name[:57] + "…"  # a pasted page is not echoed back
    raise NotFound(f"no {noun} called {shown!r}", (*hints, f"see '{listing}' for them all"))


def _display_name(kb: KnowledgeBase, kind: str, entry_id: str) -> str:
    if kind == "therapy":
        return kb.therapy(entry_id).name
    if kind == "condition":
        return kb.condition(entry_id).name
    return kb.term(entry_id).term


def resolve_region(regions: tuple[Region, ...], region_id: str | None) -> tuple[Region, ...]:
    """The regions to show: all when `region_id` is None, else the one it names."""
    if region_id is None:
        return regions
    wanted = region_id.strip().casefold()
    chosen = tuple(r for r in regions if wanted in (r.id, r.name.casefold()))
    if not chosen:
        raise UsageProblem(
            f"no region {region_id!r}", (f"choose from: {', '.join(r.id for r in regions)}",)
        )
    return chosen


def resolve_section(section_id: str | None) -> str | None:
    if section_id is None or section_id in SECTION_IDS:
        return section_id
    hint = difflib.get_close_matches(section_id, SECTION_IDS, n=1)
    raise UsageProblem(
        f"no section {section_id!r}",
        (*(f"did you mean {h!r}?" for h in hint), f"choose from: {', '.join(SECTION_IDS)}"),
    )


class Match(NamedTuple):
    """A statement (or name) containing the searched words, and where it sits."""

    place: str
    text: str
    sources: tuple[str, ...]


MAX_QUERY = 200  # characters: a search is a few words, not a document
MAX_WORDS = 12


def search_words(kb: KnowledgeBase, query: str) -> list[str]:
    """The words of `query` as search compares them: lower case, British spelling, each once.

    Only letters and digits count: punctuation and symbols separate words, and a single letter
    or digit is left out (it is in nearly every sentence), so `C++ trials` is searched as
    `trials`, and `\\d` or `%s` alone is no search at all; there are no patterns or wildcards.
    """
    if len(query) > MAX_QUERY:
        raise UsageProblem(
            f"a search is at most {MAX_QUERY} characters; this one has {len(query):,}",
            ("search for a few words, e.g. 'therapy search somatic symptoms'",),
        )
    normalised = normalise(query, Lookup(kb.lookup.spellings)).split()
    words = [word for word in dict.fromkeys(normalised) if len(word) > 1]
    if not words:
        raise UsageProblem(
            "a search needs at least one word of two or more letters or digits",
            ("e.g. 'therapy search defence'",),
        )
    if len(words) > MAX_WORDS:
        raise UsageProblem(f"a search has at most {MAX_WORDS} different words")
    return words


def search(kb: KnowledgeBase, words: list[str]) -> list[Match]:
    """Every piece of content that contains each of `words` ("somatic" in "psychosomatic"),
    as `search_words` gives them for a query.

    Only the query is respelt: the content is written in British English already, so each
    statement needs just lower case and plain word breaks, one regex pass, once.
    """
    found = []
    for place, statement in _searchable(kb):
        text = _NON_WORD.sub(" ", statement.text.casefold())
        if all(word in text for word in words):
            found.append(Match(place, statement.text, statement.sources))
    return found


def _searchable(kb: KnowledgeBase) -> Iterator[tuple[str, Statement]]:
    for therapy in kb.therapies:
        names = ", ".join(therapy.labels()[1:])
        yield f"{therapy.name} › names", Statement(names, therapy.summary.sources)
        for section_id, statements in therapy.content():
            for statement in statements:
                yield f"{therapy.name} › {section_id}", statement
    for condition in kb.conditions:
        yield (
            f"condition › {condition.name}",
            Statement(", ".join(condition.labels()[1:]), ()),
        )
        described = (condition.description,) if condition.description else ()
        for statement in (*described, *condition.guidance):
            yield f"condition › {condition.name}", statement
    for heading, regions in (("crisis", kb.crisis), ("find-therapist", kb.find_therapist)):
        for region in regions:
            for service in region.services:
                for statement in service.details:
                    yield f"{heading} › {region.name} › {service.name}", statement
    for entry in kb.glossary:
        yield f"glossary › {entry.term}", entry.definition
    for reference in kb.references:
        yield f"reference › {reference.id}", Statement(reference.title, (reference.id,))
