"""The typed knowledge base: what `load` builds and every other module reads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, cast

from .names import NO_LOOKUP, Lookup, normalise

# The order in which `therapy show` prints a therapy's sections; ids are what `--section` takes.
SECTION_IDS: tuple[str, ...] = (
    "overview",
    "science",
    "how-it-works",
    "session-length",
    "who-it-helps",
    "effectiveness",
    "finding-a-therapist",
    "see-also",
)
# Sections built from structured fields rather than written as statements.
DERIVED_SECTION_IDS = frozenset({"session-length"})

REFERENCE_KINDS = ("paper", "web", "article")


class Statement(NamedTuple):
    """One sentence or short paragraph of content with the sources it rests on.

    A statement about a number of sessions also carries the numbers, for tables and charts,
    or a short label ("ongoing") for a course the sources do not count in sessions.
    """

    text: str
    sources: tuple[str, ...]
    correction: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    label: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the statement gives a number of sessions."""
        return self.minimum is not None or self.maximum is not None


class Reference(NamedTuple):
    """A cited work: a paper, a web page, or the source article itself."""

    id: str
    kind: str
    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    url: str | None = None
    publisher: str | None = None
    accessed: str | None = None
    read_in: str | None = None
    unconfirmed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class Sessions(NamedTuple):
    """Session-length guidance; any part may be missing when the sources are silent."""

    typical: Statement | None = None
    nhs: Statement | None = None
    private: Statement | None = None
    frequency: Statement | None = None
    duration: Statement | None = None
    longer_term: Statement | None = None


# How the sources describe a therapy's use for a condition, strongest first.
EVIDENCE_LEVELS = ("studied", "offered", "listed")


class ConditionUse(NamedTuple):
    """That a therapy is used for a condition, how well-evidenced, and the caveats."""

    condition: str
    note: Statement
    caveats: tuple[Statement, ...] = ()
    evidence: str = "listed"


class Scoped(NamedTuple):
    """A statement that holds only in some regions or for some ages (none given: everywhere)."""

    statement: Statement
    regions: tuple[str, ...] = ()
    ages: tuple[str, ...] = ()

    def applies(self, region: str | None, age: str | None) -> bool:
        """Whether it holds for `region` and `age`; an unknown one matches every statement."""
        return (region is None or not self.regions or region in self.regions) and (
            age is None or not self.ages or age in self.ages
        )


# What `therapy guide` can say of each therapy beyond its page, one statement a row.
GUIDE_FIELDS = ("in_sessions", "asks_of_you", "may_not_suit", "formats", "delivery")


class TherapyGuide(NamedTuple):
    """The short answers a decision aid gives for one therapy; any may be unknown."""

    in_sessions: Statement | None = None
    asks_of_you: Statement | None = None
    may_not_suit: Statement | None = None
    formats: Statement | None = None
    delivery: Statement | None = None
    cost: tuple[Scoped, ...] = ()  # by region: what is free on the NHS is not free in the US
    access: tuple[Scoped, ...] = ()


class Therapy(NamedTuple):
    id: str
    name: str
    summary: Statement
    aliases: tuple[str, ...] = ()
    basis: Statement | None = None
    focus: Statement | None = None
    key_evidence: Statement | None = None
    sessions: Sessions = Sessions()
    used_for: tuple[ConditionUse, ...] = ()
    sections: Mapping[str, tuple[Statement, ...]] = {}
    guide: TherapyGuide = TherapyGuide()

    def labels(self) -> tuple[str, ...]:
        """Every name it may be looked up by: id, name and aliases."""
        return (self.id, self.name, *self.aliases)

    def content(self) -> list[tuple[str, tuple[Statement, ...]]]:
        """Every statement, grouped by section id, in the order `show` prints them."""
        glance = tuple(s for s in (self.basis, self.focus, self.key_evidence) if s)
        grouped = [("summary", (self.summary,)), ("at-a-glance", glance)]
        for section_id in SECTION_IDS:
            statements = list(self.sections.get(section_id, ()))
            if section_id == "session-length":
                statements = session_statements(self.sessions)
            elif section_id == "who-it-helps":
                uses = [s for use in self.used_for for s in (use.note, *use.caveats)]
                statements = uses + statements
            grouped.append((section_id, tuple(statements)))
        return [(section_id, group) for section_id, group in grouped if group]


def session_statements(sessions: Sessions) -> list[Statement]:
    """The session guidance as statements, in reading order (the order of Sessions' fields)."""
    return [part for part in sessions if part is not None]


class GuideOptions(NamedTuple):
    """The therapies the guide sets side by side for a condition, in the order a source gives."""

    therapies: tuple[str, ...]
    basis: Statement


class Condition(NamedTuple):
    id: str
    name: str
    synonyms: tuple[str, ...] = ()
    description: Statement | None = None
    guidance: tuple[Statement, ...] = ()
    options: GuideOptions | None = None
    see_also: tuple[str, ...] = ()  # ids of related conditions, e.g. a broad one's specific ones

    def labels(self) -> tuple[str, ...]:
        """Every name it may be looked up by: id, name and synonyms."""
        return (self.id, self.name, *self.synonyms)


class Term(NamedTuple):
    """A glossary entry: a word used in therapy, in plain words."""

    id: str
    term: str
    definition: Statement
    aliases: tuple[str, ...] = ()

    def labels(self) -> tuple[str, ...]:
        """Every name it may be looked up by: id, term and aliases."""
        return (self.id, self.term, *self.aliases)


class EffectSizes(NamedTuple):
    """The conventional benchmarks for an effect size d, lowest first, with their sources."""

    bands: tuple[tuple[float, str], ...]
    note: Statement


class Service(NamedTuple):
    """A helpline, emergency number or directory, with what the sources say of it."""

    name: str
    details: tuple[Statement, ...]
    contact: str | None = None
    url: str | None = None
    regions: tuple[str, ...] = ()  # guide region ids it is for (none given: all of them)


class Region(NamedTuple):
    id: str
    name: str
    services: tuple[Service, ...]

    def serving(self, place: str | None) -> Region:
        """This region with only the services for guide region `place` (None: every one)."""
        if place is None:
            return self
        return self._replace(
            services=tuple(s for s in self.services if not s.regions or place in s.regions)
        )


class Choice(NamedTuple):
    """One answer the guide offers to a question: an id and the words shown for it."""

    id: str
    name: str


class GuideRegion(NamedTuple):
    """Where a person lives: its crisis help and the route to therapy there."""

    id: str
    name: str
    crisis: str  # the id of the crisis region whose numbers apply
    route: tuple[Scoped, ...]


class Preference(NamedTuple):
    """Something that may matter to a person, and the guide row that answers it."""

    id: str
    question: str
    label: str
    row: str


# The rows of the guide's comparison, each answered for every option, and what fills them.
GUIDE_ROWS = (
    "what-it-is",
    "focus",
    "sessions",
    "in-sessions",
    "asks-of-you",
    "formats",
    "delivery",
    "cost",
    "evidence",
    "may-not-suit",
    "access",
)
RATINGS = ("a-lot", "a-little", "not-much")
# Whether the short printed handout keeps a row always, or only when the person rated the
# preference it answers.
HANDOUT_KEEPS = ("all", "rated")


class GuideRow(NamedTuple):
    """One row of the guide's comparison, and whether the short handout keeps it."""

    id: str
    name: str
    handout: str = "all"


class Guide(NamedTuple):
    """What `therapy guide` asks and the parts of its answer that are not about one therapy."""

    about: str
    reviewed: str
    upkeep: str
    funding: str
    questions: Mapping[str, str]
    ratings: tuple[Choice, ...]
    ages: tuple[Choice, ...]
    regions: tuple[GuideRegion, ...]
    rows: tuple[GuideRow, ...]
    preferences: tuple[Preference, ...]
    questions_to_ask: tuple[Statement, ...]
    not_now: tuple[Statement, ...]


# The guide's questions, in the order it asks them; each is worded in the knowledge base.
GUIDE_QUESTIONS = ("safety", "region", "condition", "age", "preferences")


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything loaded. `catalogue` lists every therapy by name, summary and sessions (read from
    the parse cache, that is all it holds); `therapy(id)` and `therapies` give them complete."""

    schema_version: int
    disclaimer: str
    catalogue: tuple[Therapy, ...]
    conditions: tuple[Condition, ...]
    references: tuple[Reference, ...]
    crisis: tuple[Region, ...] = ()
    find_therapist: tuple[Region, ...] = ()
    glossary: tuple[Term, ...] = ()
    effect_sizes: EffectSizes | None = None
    guide: Guide | None = None
    lookup: Lookup = NO_LOOKUP
    files: tuple[str, ...] = ()
    # Where the safety-critical content came from when not from the first (built-in) file:
    # the overlay that set the disclaimer, and each crisis region's overlay, by region id.
    disclaimer_from: str | None = None
    crisis_from: Mapping[str, str] = field(default_factory=dict)
    # Read from the parse cache, `catalogue` holds each therapy's names, summary and sessions
    # only, and this completes one when a command asks for it (see kb/codec.py).
    complete: Callable[[Therapy], Therapy] | None = None

    @cached_property
    def therapies(self) -> tuple[Therapy, ...]:
        """Every therapy, complete."""
        return tuple(self.therapy(t.id) for t in self.catalogue)

    def therapy(self, therapy_id: str) -> Therapy:
        """One therapy, complete: read from the cache, only its own details are decoded."""
        therapy = cast(Therapy, self._by_id["therapies"][therapy_id])
        if self.complete is None:
            return therapy
        completed = self._completed
        if therapy_id not in completed:
            completed[therapy_id] = self.complete(therapy)
        return completed[therapy_id]

    @cached_property
    def _completed(self) -> dict[str, Therapy]:
        return {}

    @cached_property
    def name_index(self) -> dict[str, dict[str, str]]:
        """For therapies and conditions: every id, name, alias and synonym, normalised, to its id.

        Built once at load and kept in the parse cache, so that a lookup is one dict access
        however large the knowledge base.
        """
        return {
            "therapy": {
                normalise(label, self.lookup): t.id
                for t in reversed(self.catalogue)  # on a clash the first therapy keeps the name
                for label in t.labels()
            },
            "condition": {
                normalise(label, self.lookup): c.id
                for c in reversed(self.conditions)
                for label in c.labels()
            },
            "term": {
                normalise(label, self.lookup): t.id
                for t in reversed(self.glossary)
                for label in t.labels()
            },
        }

    @cached_property
    def _by_id(self) -> dict[str, dict[str, Any]]:
        return {
            "therapies": {t.id: t for t in self.catalogue},
            "conditions": {c.id: c for c in self.conditions},
            "terms": {t.id: t for t in self.glossary},
            "references": {r.id: r for r in self.references},
        }

    def condition(self, condition_id: str) -> Condition:
        return cast(Condition, self._by_id["conditions"][condition_id])

    def see_also(self, condition: Condition) -> tuple[Condition, ...]:
        """The conditions `condition` points to, in its order."""
        return tuple(self.condition(c) for c in condition.see_also)

    def term(self, term_id: str) -> Term:
        return cast(Term, self._by_id["terms"][term_id])

    def reference(self, reference_id: str) -> Reference:
        return cast(Reference, self._by_id["references"][reference_id])
