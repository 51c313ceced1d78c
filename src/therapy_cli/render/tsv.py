"""Plain output for pipes: list-like views as one tab-separated record per line."""

from __future__ import annotations

import re
from functools import singledispatch

from ..answers import GlossaryAnswer, ListAnswer, PathsAnswer, RefsAnswer, SearchAnswer
from .page import session_range
from .refs.apa import apa

_ONE_LINE = re.compile(r"\s*[\t\n\r]\s*")


def tabbed(*fields: str) -> str:
    """One record: fields joined by tabs, with tabs and newlines inside them made spaces."""
    return "\t".join(
        _ONE_LINE.sub(" ", field) if "\t" in field or "\n" in field or "\r" in field else field
        for field in fields
    )


@singledispatch
def render(answer: object) -> list[str] | None:
    """The answer as records, or None where it reads better as text (a page, a table)."""
    return None


@render.register
def _(answer: ListAnswer) -> list[str]:
    return [tabbed(t.id, t.name, session_range(t), t.summary.text) for t in answer.therapies]


@render.register
def _(answer: RefsAnswer) -> list[str]:
    return [tabbed(r.id, apa(r), " ".join(r.notes)) for r in answer.references]


@render.register
def _(answer: SearchAnswer) -> list[str]:
    return [tabbed(m.place, m.text) for m in answer.matches]


@render.register
def _(answer: PathsAnswer) -> list[str]:
    return [tabbed(str(n), f.origin, str(f.path)) for n, f in enumerate(answer.files, start=1)]


@render.register
def _(answer: GlossaryAnswer) -> list[str] | None:
    if answer.detailed:
        return None
    return [tabbed(t.id, t.term, t.definition.text) for t in answer.terms]
