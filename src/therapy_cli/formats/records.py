"""Plain output for pipes: list-like views as one tab-separated record per line."""

from __future__ import annotations

import re
from functools import singledispatch

from ..document import session_range
from ..views import ListView, PathsView, RefsView, SearchView
from .apa import apa

_ONE_LINE = re.compile(r"\s*[\t\n\r]\s*")


def tabbed(*fields: str) -> str:
    """One record: fields joined by tabs, with tabs and newlines inside them made spaces."""
    return "\t".join(
        _ONE_LINE.sub(" ", field) if "\t" in field or "\n" in field or "\r" in field else field
        for field in fields
    )


@singledispatch
def render(view: object) -> list[str] | None:
    """The view as records, or None where it reads better as text (a page, a table)."""
    return None


@render.register
def _(view: ListView) -> list[str]:
    return [tabbed(t.id, t.name, session_range(t), t.summary.text) for t in view.therapies]


@render.register
def _(view: RefsView) -> list[str]:
    return [tabbed(r.id, apa(r), " ".join(r.notes)) for r in view.references]


@render.register
def _(view: SearchView) -> list[str]:
    return [tabbed(m.place, m.text) for m in view.matches]


@render.register
def _(view: PathsView) -> list[str]:
    return [tabbed(str(n), f.origin, str(f.path)) for n, f in enumerate(view.files, start=1)]
