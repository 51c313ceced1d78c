"""Every view as one JSON envelope: schema_version, command, data and the disclaimer.

The key names here are a public contract (docs/json.md, pinned by tests/test_json_contract.py):
they are written out by hand rather than derived from the model, so that renaming a field in the
code cannot silently change what scripts receive.
"""

from __future__ import annotations

import json
from functools import singledispatch
from typing import Any

from ..model import KnowledgeBase, Reference, Region, Sessions, Statement, Therapy
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

SCHEMA_VERSION = 1
COMMANDS = {
    ListView: "list",
    ShowView: "show",
    CompareView: "compare",
    ConditionsView: "conditions",
    SessionsView: "sessions",
    RefsView: "refs",
    SearchView: "search",
    PathsView: "paths",
    ValidatedView: "validate",
}


def render(view: object, kb: KnowledgeBase) -> str:
    """The envelope for `view`, as indented JSON text."""
    command = view.kind.replace("_", "-") if isinstance(view, RegionsView) else COMMANDS[type(view)]
    envelope = {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "data": data(view),
        "disclaimer": " ".join(kb.disclaimer.split()),
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2) + "\n"


def statement(value: Statement | None, citations: Citations | None = None) -> Any:
    if value is None:
        return None
    out: dict[str, Any] = {"text": value.text, "sources": list(value.sources)}
    if citations is not None:
        out["citations"] = list(citations.cite(value))
    out["correction"] = value.correction
    if value.counted:
        out["min"], out["max"] = value.minimum, value.maximum
    if value.label:
        out["label"] = value.label
    return out


def reference(value: Reference, number: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"number": number} if number is not None else {}
    out.update(
        id=value.id, kind=value.kind, title=value.title, authors=list(value.authors),
        year=value.year, container=value.container, volume=value.volume, issue=value.issue,
        pages=value.pages, doi=value.doi, url=value.url, publisher=value.publisher,
        accessed=value.accessed, read_in=value.read_in, unconfirmed=list(value.unconfirmed),
        notes=list(value.notes),
    )  # fmt: skip
    return out


def numbered(citations: Citations) -> list[dict[str, Any]]:
    return [reference(ref, number) for number, ref in citations.references()]


def therapy_names(value: Therapy) -> dict[str, Any]:
    return {"id": value.id, "name": value.name, "aliases": list(value.aliases)}


def session_range(value: Therapy) -> dict[str, Any]:
    typical = value.sessions.typical
    return {
        "min": typical.minimum if typical else None,
        "max": typical.maximum if typical else None,
        "label": typical.label if typical else None,
    }


def sessions(value: Sessions, citations: Citations | None = None) -> dict[str, Any]:
    return {
        field: statement(part, citations) for field, part in zip(value._fields, value, strict=True)
    }


def regions(values: tuple[Region, ...], citations: Citations) -> list[dict[str, Any]]:
    return [
        {
            "id": region.id,
            "name": region.name,
            "services": [
                {
                    "name": service.name,
                    "contact": service.contact,
                    "url": service.url,
                    "details": [statement(s, citations) for s in service.details],
                }
                for service in region.services
            ],
        }
        for region in values
    ]


@singledispatch
def data(view: object) -> dict[str, Any]:
    raise TypeError(f"no JSON for {type(view).__name__}")


@data.register
def _(view: ListView) -> dict[str, Any]:
    return {
        "therapies": [
            {**therapy_names(t), "summary": t.summary.text, "sessions": session_range(t)}
            for t in view.therapies
        ]
    }


@data.register
def _(view: ShowView) -> dict[str, Any]:
    therapy, citations = view.therapy, view.citations
    return {
        "therapy": therapy_names(therapy),
        "sections": [
            {"id": section_id, "statements": [statement(s, citations) for s in group]}
            for section_id, group in view.sections
        ],
        "used_for": [
            {
                "condition": use.condition,
                "note": statement(use.note, citations),
                "caveats": [statement(c, citations) for c in use.caveats],
                "evidence": use.evidence,
            }
            for use in therapy.used_for
        ],
        "references": numbered(citations),
    }


@data.register
def _(view: CompareView) -> dict[str, Any]:
    citations = view.citations
    return {
        "therapies": [
            {
                **therapy_names(t),
                "basis": statement(t.basis, citations),
                "focus": statement(t.focus, citations),
                "sessions": session_range(t),
                "nhs": statement(t.sessions.nhs, citations),
                "private": statement(t.sessions.private, citations),
                "frequency": statement(t.sessions.frequency, citations),
                "used_for": [use.condition for use in t.used_for],
                "key_evidence": statement(t.key_evidence, citations),
            }
            for t in view.therapies
        ],
        "references": numbered(citations),
    }


@data.register
def _(view: ConditionsView) -> dict[str, Any]:
    citations = view.citations if view.detailed else None
    entries = []
    for entry in view.entries:
        condition = entry.condition
        item: dict[str, Any] = {
            "id": condition.id,
            "name": condition.name,
            "synonyms": list(condition.synonyms),
        }
        if view.detailed:
            item["description"] = statement(condition.description, citations)
            item["guidance"] = [statement(s, citations) for s in condition.guidance]
        item["therapies"] = [
            {
                "id": therapy.id,
                "name": therapy.name,
                "evidence": use.evidence,
                **(
                    {
                        "note": statement(use.note, citations),
                        "caveats": [statement(c, citations) for c in use.caveats],
                    }
                    if view.detailed
                    else {}
                ),
            }
            for therapy, use in entry.uses
        ]
        entries.append(item)
    out: dict[str, Any] = {"conditions": entries}
    if view.detailed:
        out["references"] = numbered(view.citations)
    return out


@data.register
def _(view: SessionsView) -> dict[str, Any]:
    return {
        "therapies": [
            {**therapy_names(t), "sessions": sessions(t.sessions, view.citations)}
            for t in view.therapies
        ],
        "references": numbered(view.citations),
    }


@data.register
def _(view: RefsView) -> dict[str, Any]:
    return {
        "therapy": view.therapy.id if view.therapy else None,
        "references": [reference(r, n) for n, r in enumerate(view.references, start=1)],
    }


@data.register
def _(view: SearchView) -> dict[str, Any]:
    return {
        "query": view.query,
        "matches": [
            {"place": m.place, "text": m.text, "sources": list(m.sources)} for m in view.matches
        ],
    }


@data.register
def _(view: RegionsView) -> dict[str, Any]:
    return {
        "regions": regions(view.regions, view.citations),
        "references": numbered(view.citations),
    }


@data.register
def _(view: PathsView) -> dict[str, Any]:
    return {
        "files": [{"path": str(f.path), "origin": f.origin} for f in view.files],
        "user_folder": str(view.user_folder),
    }


@data.register
def _(view: ValidatedView) -> dict[str, Any]:
    return {
        "valid": True,
        "files": [{"path": str(f.path), "origin": f.origin} for f in view.files],
        "therapies": view.therapies,
        "conditions": view.conditions,
        "references": view.references,
        "warnings": list(view.warnings),
    }
