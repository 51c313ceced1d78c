"""Every view as one JSON envelope: schema_version, command, data and the disclaimer.

The key names here are a public contract (docs/json.md, pinned by tests/test_json_contract.py):
they are written out by hand rather than derived from the model, so that renaming a field in the
code cannot silently change what scripts receive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import singledispatch
from typing import Any

from ..answers import (
    Citations,
    CompareAnswer,
    ConditionsAnswer,
    GlossaryAnswer,
    ListAnswer,
    PathsAnswer,
    RefsAnswer,
    RegionsAnswer,
    SearchAnswer,
    SessionsAnswer,
    ShowAnswer,
    ValidatedAnswer,
    charted,
)
from ..guide import GuideAnswer
from ..kb.model import (
    Choice,
    Condition,
    GuideRegion,
    Reference,
    Region,
    Sessions,
    Statement,
    Therapy,
)

SCHEMA_VERSION = 2
COMMANDS = {
    ListAnswer: "list",
    ShowAnswer: "show",
    CompareAnswer: "compare",
    ConditionsAnswer: "conditions",
    SessionsAnswer: "sessions",
    RefsAnswer: "refs",
    SearchAnswer: "search",
    PathsAnswer: "paths",
    ValidatedAnswer: "validate",
    GlossaryAnswer: "glossary",
    GuideAnswer: "guide",
}


def render(answer: object, disclaimer: str) -> str:
    """The envelope for `answer`, as indented JSON text."""
    command = answer.kind if isinstance(answer, RegionsAnswer) else COMMANDS[type(answer)]
    payload: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "data": data(answer),
    }
    if isinstance(answer, RegionsAnswer) and answer.warnings:
        payload["warnings"] = list(answer.warnings)
    return _dump({**payload, "disclaimer": " ".join(disclaimer.split())})


def error(message: str, hints: tuple[str, ...], code: int, command: str, disclaimer: str) -> str:
    """The envelope for an error: its exit code, message and hints instead of `data`."""
    return _dump(
        {
            "schema_version": SCHEMA_VERSION,
            "command": command,
            "error": {"code": int(code), "message": message, "hints": list(hints)},
            "disclaimer": " ".join(disclaimer.split()),
        }
    )


def _dump(envelope: dict[str, Any]) -> str:
    # ASCII escapes keep the document valid JSON whatever the output encoding can show.
    return json.dumps(envelope, ensure_ascii=True, indent=2) + "\n"


def statement(value: Statement | None, citations: Citations | None = None) -> Any:
    if value is None:
        return None
    out: dict[str, Any] = {"text": value.text, "sources": list(value.sources)}
    if citations is not None:
        out["citations"] = list(citations.of(value))
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
    return [reference(ref, number) for number, ref in citations.references]


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
                    "regions": list(service.regions),
                    "details": [statement(s, citations) for s in service.details],
                }
                for service in region.services
            ],
        }
        for region in values
    ]


@singledispatch
def data(answer: object) -> dict[str, Any]:
    raise TypeError(f"no JSON for {type(answer).__name__}")


@data.register
def _(answer: ListAnswer) -> dict[str, Any]:
    return {
        "therapies": [
            {**therapy_names(t), "summary": t.summary.text, "sessions": session_range(t)}
            for t in answer.therapies
        ]
    }


@data.register
def _(answer: ShowAnswer) -> dict[str, Any]:
    therapy, citations = answer.therapy, answer.citations
    return {
        "therapy": therapy_names(therapy),
        "sections": [
            {"id": section_id, "statements": [statement(s, citations) for s in group]}
            for section_id, group in answer.sections
        ],
        "used_for": [
            {
                "condition": use.condition,
                "note": statement(use.note, citations),
                "caveats": [statement(c, citations) for c in use.caveats],
                "evidence": use.evidence,
            }
            for use in therapy.used_for
            if any(section_id == "who-it-helps" for section_id, _ in answer.sections)
        ],
        "terms": [t.id for t in answer.terms],
        "effect_sizes": (
            {
                "bands": [{"from": start, "label": label} for start, label in sizes.bands],
                "note": statement(sizes.note, citations),
            }
            if (sizes := answer.effect_sizes)
            else None
        ),
        "references": numbered(citations),
    }


@data.register
def _(answer: CompareAnswer) -> dict[str, Any]:
    citations = answer.citations
    return {
        "therapies": [
            {
                **therapy_names(t),
                "basis": statement(t.basis, citations),
                "focus": statement(t.focus, citations),
                "sessions": session_range(t),
                "typical": statement(t.sessions.typical, citations),
                "nhs": statement(t.sessions.nhs, citations),
                "private": statement(t.sessions.private, citations),
                "frequency": statement(t.sessions.frequency, citations),
                "used_for": [use.condition for use in t.used_for],
                "key_evidence": statement(t.key_evidence, citations),
            }
            for t in answer.therapies
        ],
        "references": numbered(citations),
    }


@data.register
def _(answer: ConditionsAnswer) -> dict[str, Any]:
    citations = answer.citations if answer.detailed else None
    entries = []
    for entry in answer.entries:
        condition = entry.condition
        item: dict[str, Any] = {
            "id": condition.id,
            "name": condition.name,
            "synonyms": list(condition.synonyms),
            "see_also": list(condition.see_also),
        }
        if answer.detailed:
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
                    if answer.detailed
                    else {}
                ),
            }
            for therapy, use in entry.uses
        ]
        entries.append(item)
    out: dict[str, Any] = {"conditions": entries}
    if answer.detailed:
        out["references"] = numbered(answer.citations)
    return out


@data.register
def _(answer: SessionsAnswer) -> dict[str, Any]:
    def drawn(value: Sessions) -> dict[str, Any]:
        typical, nhs = charted(value)
        return {
            "typical": statement(typical, answer.citations),
            "nhs": statement(nhs, answer.citations),
        }

    return {
        "therapies": [
            {
                **therapy_names(t),
                "sessions": (
                    sessions(t.sessions, answer.citations) if answer.detailed else drawn(t.sessions)
                ),
            }
            for t in answer.therapies
        ],
        "references": numbered(answer.citations),
    }


@data.register
def _(answer: RefsAnswer) -> dict[str, Any]:
    return {
        "therapy": answer.therapy.id if answer.therapy else None,
        "references": [reference(r, n) for n, r in enumerate(answer.references, start=1)],
    }


@data.register
def _(answer: SearchAnswer) -> dict[str, Any]:
    return {
        "query": answer.query,
        "matches": [
            {"place": m.place, "text": m.text, "sources": list(m.sources)} for m in answer.matches
        ],
    }


@data.register
def _(answer: RegionsAnswer) -> dict[str, Any]:
    return {
        "regions": regions(answer.regions, answer.citations),
        "references": numbered(answer.citations),
    }


@data.register
def _(answer: PathsAnswer) -> dict[str, Any]:
    return {
        "files": [{"path": str(f.path), "origin": f.origin} for f in answer.files],
        "user_folder": str(answer.user_folder),
    }


@data.register
def _(answer: ValidatedAnswer) -> dict[str, Any]:
    return {
        "valid": True,
        "files": [{"path": str(f.path), "origin": f.origin} for f in answer.files],
        "therapies": answer.therapies,
        "conditions": answer.conditions,
        "references": answer.references,
        "warnings": list(answer.warnings),
        "safety": list(answer.safety),
    }


@data.register
def _(answer: GlossaryAnswer) -> dict[str, Any]:
    return {
        "terms": [
            {
                "id": t.id,
                "term": t.term,
                "aliases": list(t.aliases),
                "definition": statement(t.definition, answer.citations),
            }
            for t in answer.terms
        ],
        "references": numbered(answer.citations),
    }


@data.register
def _(answer: GuideAnswer) -> dict[str, Any]:
    content, cite = answer.guide, answer.citations

    def listed(values: Iterable[Statement]) -> list[Any]:
        return [statement(s, cite) for s in values]

    def named(value: Choice | GuideRegion | Condition | None) -> dict[str, str] | None:
        return {"id": value.id, "name": value.name} if value else None

    return {
        "about": content.about,
        "urgent_help": [
            {
                "id": region.id,
                "name": region.name,
                "contacts": [
                    {"name": service.name, "contact": service.contact}
                    for service in region.services
                    if service.contact
                ],
            }
            for region in answer.crisis
        ],
        "answers": {
            "region": named(answer.region),
            "condition": named(answer.condition),
            "age": named(answer.age),
            "preferences": [
                {"id": p.id, "label": p.label, "row": p.row, "rating": named(r)}
                for p, r in answer.rated
            ],
        },
        "brief": answer.brief,
        "rows": [{"id": row.id, "name": row.name} for row in answer.rows],
        "options": [
            {
                **therapy_names(option.therapy),
                "evidence": option.use.evidence,
                "sessions": session_range(option.therapy),
                "rows": {row.id: listed(option.cells[row.id]) for row in answer.rows},
            }
            for option in answer.options
        ],
        "order_basis": statement(answer.order_basis, cite),
        "see_also": [named(c) for c in answer.see_also],
        "others": [therapy_names(t) for t in answer.others],
        "conditions_with_options": [named(c) for c in answer.linked_conditions],
        "not_now": listed(content.not_now),
        "routes": [
            {"region": named(region), "statements": listed(statements)}
            for region, statements in answer.routes
        ],
        "questions_to_ask": listed(content.questions_to_ask),
        "reviewed": content.reviewed,
        "upkeep": content.upkeep,
        "funding": content.funding,
        "references": numbered(cite),
    }
