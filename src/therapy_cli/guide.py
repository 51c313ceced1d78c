"""`therapy guide`: a decision aid's answer, built from the person's choices; nothing printed here.

The options it sets side by side are chosen and ordered by what the sources say about the
evidence for the condition (a condition's `guide_options`, else the recorded evidence level),
never by what the person said matters: their ratings are shown against every option alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple, TypeVar

from .answers import Citations
from .errors import KnowledgeBaseError, UsageProblem
from .kb import lookup
from .kb.model import (
    EVIDENCE_LEVELS,
    Choice,
    Condition,
    ConditionUse,
    Guide,
    GuideRegion,
    GuideRow,
    KnowledgeBase,
    Preference,
    Region,
    Statement,
    Therapy,
)
from .kb.names import NO_LOOKUP, normalise

MAX_OPTIONS = 4  # an Option Grid compares a few reasonable options, not every one


class Choices(NamedTuple):
    """What the person said, as they typed it; None where they skipped or were not asked."""

    region: str | None = None
    condition: str | None = None
    age: str | None = None
    ratings: Mapping[str, str] = {}  # preference id -> rating id
    brief: bool = False  # the short printed handout: rows kept as each row's `handout` says


class Option(NamedTuple):
    """One therapy in the comparison: for each row of the guide, what the sources say."""

    therapy: Therapy
    cells: Mapping[str, tuple[Statement, ...]]  # row id -> statements; empty: not known
    use: ConditionUse


class GuideAnswer(NamedTuple):
    guide: Guide
    region: GuideRegion | None
    condition: Condition | None
    age: Choice | None
    rated: tuple[tuple[Preference, Choice], ...]
    rows: tuple[GuideRow, ...]  # the comparison's rows, in order
    brief: bool  # whether rows were left out for the printed handout
    options: tuple[Option, ...]
    others: tuple[Therapy, ...]  # also used for the condition, not set side by side
    order_basis: Statement | None  # the source of the options' order, when a condition gives it
    see_also: tuple[Condition, ...]  # related conditions the guide can compare therapies for
    routes: tuple[tuple[GuideRegion, tuple[Statement, ...]], ...]
    crisis: tuple[Region, ...]  # the urgent help the first line points to
    linked_conditions: tuple[Condition, ...]  # when no condition was given: those with options
    citations: Citations


def guide(kb: KnowledgeBase, choices: Choices) -> GuideAnswer:
    """The comparison for `choices`: options, their rows, routes and questions to ask."""
    content = kb.guide
    if content is None:
        raise KnowledgeBaseError(
            "this knowledge base has no guide (a top-level 'guide' section)",
            ("see docs/knowledge-base.md",),
        )
    region = resolve_region(content, choices.region)
    age = _resolve_choice(content.ages, choices.age, "age")
    rated = resolve_ratings(content, choices.ratings)
    named = (choices.condition or "").strip()
    condition = lookup.resolve_condition(kb, named) if named else None
    uses = _uses(kb, condition) if condition else []
    options, others, basis = _ordered(uses, condition)
    region_id, age_id = (region.id if region else None), (age.id if age else None)
    rows = tuple(r for r in content.rows if not (choices.brief and r.handout == "rated"))
    # The rows shown, then any row only a rated preference shows (an overlay may drop a row).
    shown_rows = list(dict.fromkeys([*(r.id for r in rows), *(p.row for p, _ in rated)]))
    built = tuple(
        Option(therapy, _cells(shown_rows, therapy, use, region_id, age_id), use)
        for therapy, use in options
    )
    routes = tuple(
        (r, tuple(s.statement for s in r.route if s.applies(region_id, age_id)))
        for r in (content.regions if region is None else (region,))
    )
    crisis = tuple(r for r in kb.crisis if region is None or r.id == region.crisis) or kb.crisis
    crisis = tuple(r.serving(region_id) for r in crisis)
    linked = tuple(c for c in kb.conditions if condition is None and _uses(kb, c))
    cited = [
        basis,
        *(s for option in built for row in shown_rows for s in option.cells[row]),
        *(s for _, statements in routes for s in statements),
        *content.not_now,
        *content.questions_to_ask,
    ]
    return GuideAnswer(
        content,
        region,
        condition,
        age,
        rated,
        rows,
        choices.brief,
        built,
        tuple(t for t, _ in others),
        basis,
        kb.see_also(condition) if condition else (),
        routes,
        crisis,
        linked,
        Citations(kb, cited),
    )


def resolve_region(content: Guide, name: str | None) -> GuideRegion | None:
    """The guide region `name` gives, by id or name in any case; None for none given."""
    return _resolve_choice(content.regions, name, "region")


def resolve_ratings(
    content: Guide, given: Mapping[str, str]
) -> tuple[tuple[Preference, Choice], ...]:
    """Each rated preference with its rating, in the knowledge base's order of preferences."""
    preferences = {normalise(p.id, NO_LOOKUP): p for p in content.preferences}
    ratings = {normalise(r.id, NO_LOOKUP): r for r in content.ratings}
    ratings.update({normalise(r.name, NO_LOOKUP): r for r in content.ratings})
    chosen: dict[str, Choice] = {}
    for name, rating in given.items():
        preference = preferences.get(normalise(name, NO_LOOKUP))
        if preference is None:
            raise UsageProblem(
                f"no preference called {name!r}",
                (f"use one of: {', '.join(p.id for p in content.preferences)}",),
            )
        found = ratings.get(normalise(rating, NO_LOOKUP))
        if found is None:
            raise UsageProblem(
                f"no rating called {rating!r} for {preference.id!r}",
                (f"use one of: {', '.join(r.id for r in content.ratings)}",),
            )
        chosen[preference.id] = found
    return tuple((p, chosen[p.id]) for p in content.preferences if p.id in chosen)


Named = TypeVar("Named", Choice, GuideRegion)


def _resolve_choice(choices: Iterable[Named], name: str | None, noun: str) -> Named | None:
    if name is None or not name.strip():
        return None
    offered = list(choices)
    wanted = normalise(name, NO_LOOKUP)
    for choice in offered:
        if wanted in (normalise(choice.id, NO_LOOKUP), normalise(choice.name, NO_LOOKUP)):
            return choice
    names = ", ".join(choice.id for choice in offered)
    raise UsageProblem(f"no {noun} called {name!r}", (f"use one of: {names}",))


def _uses(kb: KnowledgeBase, condition: Condition) -> list[tuple[Therapy, ConditionUse]]:
    return [(t, u) for t in kb.therapies for u in t.used_for if u.condition == condition.id]


def _ordered(
    uses: list[tuple[Therapy, ConditionUse]], condition: Condition | None
) -> tuple[
    list[tuple[Therapy, ConditionUse]], list[tuple[Therapy, ConditionUse]], Statement | None
]:
    """The options shown and the others, and the source of their order if a condition gives one.

    The therapies a condition's `guide_options` names come first, in its order; the rest follow
    by the strongest recorded evidence, keeping the knowledge base's order within a level.
    """
    listed = condition.options.therapies if condition and condition.options else ()
    level = {name: n for n, name in enumerate(EVIDENCE_LEVELS)}

    def place(use: tuple[Therapy, ConditionUse]) -> tuple[int, int]:
        therapy_id = use[0].id
        if therapy_id in listed:
            return (0, listed.index(therapy_id))
        return (1, level[use[1].evidence])

    ranked = sorted(uses, key=place)
    basis = condition.options.basis if condition and condition.options else None
    return ranked[:MAX_OPTIONS], ranked[MAX_OPTIONS:], basis


def _cells(
    rows: list[str], therapy: Therapy, use: ConditionUse, region: str | None, age: str | None
) -> dict[str, tuple[Statement, ...]]:
    """What fills each of the guide's rows for `therapy`."""
    notes = therapy.guide
    sessions = therapy.sessions
    found: dict[str, Iterable[Statement | None]] = {
        "what-it-is": (therapy.summary,),
        "focus": (therapy.focus,),
        "sessions": (sessions.typical, sessions.duration),
        "in-sessions": (notes.in_sessions,),
        "asks-of-you": (notes.asks_of_you,),
        "formats": (notes.formats,),
        "delivery": (notes.delivery,),
        "cost": tuple(s.statement for s in notes.cost if s.applies(region, age)),
        "evidence": (use.note, *use.caveats),
        "may-not-suit": (notes.may_not_suit,),
        "access": tuple(s.statement for s in notes.access if s.applies(region, age)),
    }
    return {row: tuple(s for s in found[row] if s is not None) for row in rows}
