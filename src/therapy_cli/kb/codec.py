"""The knowledge base as plain JSON data for the parse cache, and back: nothing in it can run.

Records are written as lists of their fields, in order. The document has two parts: a header
with everything but the therapies' details (for each therapy only its names, summary and typical
course), and each therapy's details (basis, focus, key evidence, sessions, uses and sections:
most of the text) as a JSON text of its own, decoded only when a command asks for that therapy.
So a warm `therapy list` decodes no page at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .model import (
    Choice,
    Condition,
    ConditionUse,
    EffectSizes,
    Guide,
    GuideOptions,
    GuideRegion,
    GuideRow,
    KnowledgeBase,
    Preference,
    Reference,
    Region,
    Scoped,
    Service,
    Sessions,
    Statement,
    Term,
    Therapy,
    TherapyGuide,
)
from .names import Lookup

Decode = Callable[[Any], Any]


def to_json(value: Any) -> str:
    """`value` as JSON: records and tuples as arrays (json writes NamedTuples so), mappings as
    objects."""
    return json.dumps(value, default=_mapping)


def _mapping(value: Any) -> dict[Any, Any]:
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"the cache cannot store {type(value).__name__}")


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
scoped = _record(Scoped, statement, _strings, _strings)
therapy_guide = _record(TherapyGuide, *[_maybe] * 5, _many(scoped), _many(scoped))


def sections(value: Mapping[str, Any]) -> dict[str, tuple[Statement, ...]]:
    return {section_id: _statements(group) for section_id, group in value.items()}


def _light(v: list[Any]) -> Therapy:
    """A catalogue entry: names, summary and typical course; the details come later."""
    therapy_id, name, summary, aliases, typical = v
    summary_statement, names = statement(summary), _strings(aliases)
    return Therapy(
        therapy_id, name, summary_statement, names, sessions=Sessions(typical=_maybe(typical))
    )


def _details(light: Therapy, v: list[Any]) -> Therapy:
    basis, focus, key_evidence, all_sessions, uses, grouped, guide = v
    return light._replace(
        guide=therapy_guide(guide),
        basis=_maybe(basis),
        focus=_maybe(focus),
        key_evidence=_maybe(key_evidence),
        sessions=sessions(all_sessions),
        used_for=_many(use)(uses),
        sections=sections(grouped),
    )


options = _optional(_record(GuideOptions, _strings, statement))
condition = _record(Condition, str, str, _strings, _maybe, _statements, options, _strings)
_choices = _many(_record(Choice, str, str))


def guide(v: list[Any]) -> Guide:
    about, reviewed, upkeep, funding, questions, ratings, ages, regions, rows, *rest = v
    preferences, questions_to_ask, not_now = rest
    return Guide(
        about,
        reviewed,
        upkeep,
        funding,
        {str(key): str(text) for key, text in questions.items()},
        _choices(ratings),
        _choices(ages),
        _many(_record(GuideRegion, str, str, str, _many(scoped)))(regions),
        _many(_record(GuideRow, str, str, str))(rows),
        _many(_record(Preference, str, str, str, str))(preferences),
        _statements(questions_to_ask),
        _statements(not_now),
    )


term = _record(Term, str, str, statement, _strings)


def effect_sizes(v: list[Any]) -> EffectSizes:
    bands, note = v
    return EffectSizes(tuple((float(start), str(label)) for start, label in bands), statement(note))


region = _record(
    Region, str, str, _many(_record(Service, str, _statements, _same, _same, _strings))
)


def dump(kb: KnowledgeBase) -> tuple[dict[str, Any], dict[str, bytes]]:
    """`kb` as a header for `to_json`, and each therapy's details as JSON bytes of their own."""
    therapies = kb.therapies
    header = {
        "schema_version": kb.schema_version,
        "disclaimer": kb.disclaimer,
        "catalogue": [(t.id, t.name, t.summary, t.aliases, t.sessions.typical) for t in therapies],
        "conditions": kb.conditions,
        "references": kb.references,
        "crisis": kb.crisis,
        "find_therapist": kb.find_therapist,
        "glossary": kb.glossary,
        "effect_sizes": kb.effect_sizes,
        "guide": kb.guide,
        "lookup": kb.lookup,
        "files": list(kb.files),
        "disclaimer_from": kb.disclaimer_from,
        "crisis_from": dict(kb.crisis_from),
        "name_index": kb.name_index,
    }
    details = {
        t.id: to_json(
            (t.basis, t.focus, t.key_evidence, t.sessions, t.used_for, t.sections, t.guide)
        ).encode("utf-8")
        for t in therapies
    }
    return header, details


def load(
    header: Mapping[str, Any],
    details: Callable[[str], bytes],
    damaged: Callable[[Therapy], Therapy],
) -> KnowledgeBase:
    """The knowledge base `dump` wrote, reading a therapy's details with `details(id)` when
    asked for it, or from `damaged(therapy)` if they cannot be read back; raises ValueError,
    KeyError or TypeError if the header is not such a dump."""

    def complete(light: Therapy) -> Therapy:
        try:
            return _details(light, json.loads(details(light.id)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return damaged(light)

    spellings, optional_words = header["lookup"]
    kb = KnowledgeBase(
        schema_version=int(header["schema_version"]),
        disclaimer=str(header["disclaimer"]),
        catalogue=_many(_light)(header["catalogue"]),
        conditions=_many(condition)(header["conditions"]),
        references=_many(reference)(header["references"]),
        crisis=_many(region)(header["crisis"]),
        find_therapist=_many(region)(header["find_therapist"]),
        glossary=_many(term)(header["glossary"]),
        effect_sizes=_optional(effect_sizes)(header["effect_sizes"]),
        guide=_optional(guide)(header["guide"]),
        lookup=Lookup(dict(spellings), _strings(optional_words)),
        files=_strings(header["files"]),
        disclaimer_from=_optional(str)(header["disclaimer_from"]),
        crisis_from=dict(header["crisis_from"]),
        complete=complete,
    )
    index = header["name_index"]
    vars(kb)["name_index"] = {kind: dict(index[kind]) for kind in ("therapy", "condition", "term")}
    return kb
