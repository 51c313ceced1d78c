"""The knowledge base as plain JSON data for the parse cache, and back: nothing in it can run.

Records are written as lists of their fields, in order. Each therapy's sections (most of the
text) stay a JSON string inside the document until a command asks for that therapy, so a warm
run decodes only what it shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .model import (
    Condition,
    ConditionUse,
    KnowledgeBase,
    Reference,
    Region,
    Service,
    Sessions,
    Statement,
    Therapy,
)
from .names import Lookup

Decode = Callable[[Any], Any]


def plain(value: Any) -> Any:
    """`value` as JSON data: records and tuples as lists, mappings as objects."""
    if isinstance(value, tuple):  # NamedTuple records are tuples too
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    return value


def _same(value: Any) -> Any:
    return value


def _optional(decode: Decode) -> Decode:
    return lambda value: None if value is None else decode(value)


def _many(decode: Decode) -> Decode:
    return lambda values: tuple(decode(value) for value in values)


def _record(cls: Callable[..., Any], *fields: Decode) -> Decode:
    def decode(values: list[Any]) -> Any:
        if len(values) != len(fields):
            raise ValueError(f"{getattr(cls, '__name__', cls)}: {len(values)} fields")
        return cls(*(field(value) for field, value in zip(fields, values, strict=True)))

    return decode


_strings = _many(str)


def statement(v: list[Any]) -> Statement:
    # Written out rather than built with _record: a warm run decodes thousands of these.
    if len(v) != 6:
        raise ValueError("Statement: wrong number of fields")
    return Statement(v[0], tuple(v[1]), v[2], v[3], v[4], v[5])


def reference(v: list[Any]) -> Reference:
    if len(v) != 16:
        raise ValueError("Reference: wrong number of fields")
    year, container, volume, issue, pages, doi, url, publisher, accessed, read_in = v[4:14]
    return Reference(
        v[0], v[1], v[2], tuple(v[3]), year, container, volume, issue, pages, doi, url,
        publisher, accessed, read_in, tuple(v[14]), tuple(v[15]),
    )  # fmt: skip


_statements = _many(statement)
_maybe = _optional(statement)
sessions = _record(Sessions, *[_maybe] * 6)
use = _record(ConditionUse, str, statement, _statements, str)


def sections(value: Mapping[str, Any]) -> dict[str, tuple[Statement, ...]]:
    return {section_id: _statements(group) for section_id, group in value.items()}


therapy = _record(
    Therapy, str, str, statement, _strings, _maybe, _maybe, _maybe, sessions, _many(use), sections
)
condition = _record(Condition, str, str, _strings, _maybe, _statements)
region = _record(Region, str, str, _many(_record(Service, str, _statements, _same, _same)))


def dump(kb: KnowledgeBase) -> dict[str, Any]:
    """`kb` as JSON data; each therapy's sections as a string of their own."""
    therapies = kb.therapies
    return {
        "schema_version": kb.schema_version,
        "disclaimer": kb.disclaimer,
        "catalogue": [plain(t._replace(sections={})) for t in therapies],
        "details": {t.id: json.dumps(plain(t.sections), ensure_ascii=False) for t in therapies},
        "conditions": plain(kb.conditions),
        "references": plain(kb.references),
        "crisis": plain(kb.crisis),
        "find_therapist": plain(kb.find_therapist),
        "lookup": plain(kb.lookup),
        "files": list(kb.files),
        "disclaimer_from": kb.disclaimer_from,
        "crisis_from": dict(kb.crisis_from),
        "name_index": kb.name_index,
    }


def load(data: Mapping[str, Any]) -> KnowledgeBase:
    """The knowledge base `dump` wrote; raises ValueError, KeyError or TypeError if it is not."""
    details: Mapping[str, str] = data["details"]

    def sections_of(therapy_id: str) -> dict[str, tuple[Statement, ...]]:
        return sections(json.loads(details[therapy_id]))

    spellings, optional_words = data["lookup"]
    kb = KnowledgeBase(
        schema_version=int(data["schema_version"]),
        disclaimer=str(data["disclaimer"]),
        catalogue=_many(therapy)(data["catalogue"]),
        conditions=_many(condition)(data["conditions"]),
        references=_many(reference)(data["references"]),
        crisis=_many(region)(data["crisis"]),
        find_therapist=_many(region)(data["find_therapist"]),
        lookup=Lookup(dict(spellings), _strings(optional_words)),
        files=_strings(data["files"]),
        disclaimer_from=_optional(str)(data["disclaimer_from"]),
        crisis_from=dict(data["crisis_from"]),
        sections_of=sections_of,
    )
    index = data["name_index"]
    vars(kb)["name_index"] = {kind: dict(index[kind]) for kind in ("therapy", "condition")}
    return kb
