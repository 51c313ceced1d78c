"""Shell-completion candidates: therapy names, conditions, section ids and regions.

Completion runs on every Tab press, so it reads the knowledge base through the parse cache and
returns nothing, rather than an error, when the knowledge base cannot be read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .kb.model import SECTION_IDS, KnowledgeBase

Candidates = list[tuple[str, str]]


def _knowledge_base() -> KnowledgeBase | None:
    from .errors import TherapyError
    from .kb import cache
    from .kb.files import discover

    try:
        return cache.load([f.path for f in discover([])])
    except TherapyError:
        return None


def _matching(incomplete: str, pairs: Iterable[tuple[str, str]]) -> Candidates:
    wanted = incomplete.casefold()
    seen: dict[str, str] = {}
    for value, help_text in pairs:
        if value.casefold().startswith(wanted) and value not in seen:
            seen[value] = help_text
    return list(seen.items())


def _from_knowledge_base(
    pairs: Callable[[KnowledgeBase], Iterable[tuple[str, str]]],
) -> Callable[[str], Candidates]:
    def complete(incomplete: str) -> Candidates:
        kb = _knowledge_base()
        return _matching(incomplete, pairs(kb)) if kb else []

    return complete


therapies = _from_knowledge_base(
    lambda kb: ((label, t.name) for t in kb.catalogue for label in (t.id, t.name, *t.aliases))
)
conditions = _from_knowledge_base(
    lambda kb: ((label, c.name) for c in kb.conditions for label in (c.id, c.name, *c.synonyms))
)
terms = _from_knowledge_base(
    lambda kb: ((label, t.term) for t in kb.glossary for label in (t.id, t.term, *t.aliases))
)
regions = _from_knowledge_base(
    lambda kb: ((r.id, r.name) for r in (*kb.crisis, *kb.find_therapist))
)

guide_regions = _from_knowledge_base(
    lambda kb: ((r.id, r.name) for r in (kb.guide.regions if kb.guide else ()))
)
preferences = _from_knowledge_base(
    lambda kb: (
        (f"{p.id}={r.id}", f"{p.label}: {r.name}")
        for guide in (kb.guide,)
        if guide
        for p in guide.preferences
        for r in guide.ratings
    )
)


def sections(incomplete: str) -> Candidates:
    return _matching(incomplete, ((s, "section") for s in SECTION_IDS))
