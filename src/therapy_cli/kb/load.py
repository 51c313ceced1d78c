"""Load knowledge-base files into one validated `KnowledgeBase`: the only place data is checked."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError
from .model import (
    DERIVED_SECTION_IDS,
    EVIDENCE_LEVELS,
    GUIDE_FIELDS,
    GUIDE_QUESTIONS,
    GUIDE_ROWS,
    HANDOUT_KEEPS,
    RATINGS,
    REFERENCE_KINDS,
    SECTION_IDS,
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
from .names import Lookup, normalise
from .schema import Node, Problem, Report, closest, each
from .yamlfile import parse_yaml, read_text

SCHEMA_VERSION = 1
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
MAX_PROBLEMS_SHOWN = 50
MAX_SESSIONS = 1000  # far beyond any course the sources describe; a larger number is a slip
TOP_LEVEL_KEYS = (
    "schema_version",
    "disclaimer",
    "lookup",
    "references",
    "conditions",
    "therapies",
    "crisis",
    "find_therapist",
    "glossary",
    "effect_sizes",
    "guide",
)
KINDS = ("references", "conditions", "therapies", "crisis", "find_therapist", "glossary")


@dataclass
class FileContent:
    """What one file contributes; entries replace earlier ones with the same id."""

    path: str
    disclaimer: str | None = None
    lookup: Lookup | None = None
    references: tuple[Reference, ...] = ()
    conditions: tuple[Condition, ...] = ()
    therapies: tuple[Therapy, ...] = ()
    crisis: tuple[Region, ...] = ()
    find_therapist: tuple[Region, ...] = ()
    glossary: tuple[Term, ...] = ()
    effect_sizes: EffectSizes | None = None
    guide: dict[str, Any] = field(default_factory=dict)  # the guide's parts this file gives
    id_lines: dict[tuple[str, str], int] = field(default_factory=dict)


def load(paths: Sequence[Path]) -> KnowledgeBase:
    """Load `paths` in order (later files override earlier ones) or raise with every problem."""
    problems: list[Problem] = []
    contents: list[FileContent] = []
    reports: list[Report] = []
    for path in paths:
        try:
            text = read_text(path)
            parse = _parsed if len(text) <= KEEP_PARSED_UP_TO else _parse
            content, report = parse(str(path), text)
        except KnowledgeBaseError as error:
            problems.append(Problem(str(path), 0, "", error.message))
            continue
        contents.append(content)
        reports.append(report)
        problems += report.problems
    if problems:
        raise _error(problems)
    kb = _merge(contents)
    problems += _check_links(kb, [m for r in reports for m in r.mentions], contents)
    if problems:
        raise _error(problems)
    return kb


# Files up to this size keep their parse for the run: the built-in file is under 1 MB. A
# generated knowledge base of 1,000 therapies (16 MB) would keep some 40 MiB of checks alive.
KEEP_PARSED_UP_TO = 2_000_000


def _parse(path: str, text: str) -> tuple[FileContent, Report]:
    """One file's content and what checking it found, from its text."""
    report = Report(path)
    return _build_file(Node(report, parse_yaml(text, path), ""), path), report


# Kept for the text it was read from, so that a run that falls back to the built-in file
# (urgent help after a broken overlay) parses it once; the results are only read, never changed.
_parsed = functools.lru_cache(maxsize=4)(_parse)


def _error(problems: list[Problem]) -> KnowledgeBaseError:
    lines = [p.message if p.line == 0 and not p.path else str(p) for p in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    shown = lines[:MAX_PROBLEMS_SHOWN]
    if len(lines) > len(shown):
        shown.append(f"... and {len(lines) - len(shown)} more")
    return KnowledgeBaseError(
        f"invalid knowledge base ({len(lines)} {noun}):\n" + "\n".join(f"  {x}" for x in shown)
    )


def _build_file(top: Node, path: str) -> FileContent:
    top.allow(*TOP_LEVEL_KEYS)
    version = top.integer("schema_version")
    if version is not None and version != SCHEMA_VERSION:
        top.problem(
            f"this version of therapy reads schema {SCHEMA_VERSION}, not {version}",
            key="schema_version",
        )
    content = FileContent(path)
    content.disclaimer = top.text("disclaimer", required=False)
    if content.disclaimer is not None and not any(ch.isalnum() for ch in content.disclaimer):
        top.problem("the disclaimer has no visible text", key="disclaimer")
    lookup = top.child("lookup", required=False)
    content.lookup = _lookup(lookup) if lookup else None
    content.references = each(top.children("references"), _reference)
    content.conditions = each(top.children("conditions"), _condition)
    content.therapies = each(top.children("therapies"), _therapy)
    content.crisis = each(top.children("crisis"), _region)
    content.find_therapist = each(top.children("find_therapist"), _region)
    content.glossary = each(top.children("glossary"), _term)
    sizes = top.child("effect_sizes", required=False)
    content.effect_sizes = _effect_sizes(sizes) if sizes else None
    guide = top.child("guide", required=False)
    content.guide = _guide(guide) if guide else {}
    for kind in KINDS:
        for item_id, line in _id_lines(top, kind).items():
            content.id_lines[(kind, item_id)] = line
    return content


def _id_lines(node: Node, key: str) -> dict[str, int]:
    """The line of each id in the list `key`, reporting any id given twice."""
    seen: dict[str, int] = {}
    for item, line in node.items(key):
        item_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(item_id, str):
            continue
        if item_id in seen:
            node.problem(
                f"duplicate id {item_id!r} (first at line {seen[item_id]})",
                key=f"{key}[{item_id}]",
                line=line,
            )
        seen.setdefault(item_id, line)
    return seen


def _lookup(node: Node) -> Lookup:
    node.allow("spellings", "optional_words")
    spellings = {}
    for us, value, line in node.mapping("spellings"):
        if not str(us).strip():
            node.problem("a spelling needs a US word to respell", key="spellings", line=line)
        elif isinstance(value, str) and value.strip():
            spellings[str(us).strip().casefold()] = value.strip().casefold()
        else:
            node.problem("expected the British spelling as text", key=f"spellings.{us}", line=line)
    words = tuple(w.casefold() for w in node.texts("optional_words"))
    return Lookup(spellings, words)


def _statement(node: Node) -> Statement | None:
    node.allow("text", "sources", "correction")
    return _statement_fields(node)


def _sources(node: Node) -> tuple[str, ...]:
    if "sources" not in node.data:
        node.problem("unsourced statement: add 'sources' with at least one reference id")
        return ()
    sources = node.ids("references", "sources", required=True)
    return node.report.shared_sources.setdefault(sources, sources)  # one object per source list


def _optional_statement(parent: Node, key: str) -> Statement | None:
    node = parent.child(key, required=False)
    return _statement(node) if node else None


def _one_of(node: Node, key: str, value: str | None, allowed: tuple[str, ...], noun: str) -> bool:
    """Whether `value` is missing or one of `allowed`; if not, a problem naming the nearest."""
    if value is None or value in allowed:
        return True
    hint = closest(value, allowed)
    node.problem(
        f"unknown {noun} {value!r}; use one of {', '.join(allowed)}"
        + (f" (did you mean {hint!r}?)" if hint else ""),
        key=key,
    )
    return False


def _identity(node: Node) -> str | None:
    value = node.text("id")
    # Ids become BibTeX keys, RIS and CSL ids and command-line arguments: plain characters only.
    if value is not None and not _ID.fullmatch(value):
        node.problem(
            "an id is lower-case letters, digits, hyphens, dots and underscores, e.g. 'our-clinic'",
            key="id",
        )
    return value


def _reference(node: Node) -> Reference | None:
    names = list(Reference._fields)
    node.allow(*names)
    ref_id = _identity(node)
    kind = node.text("kind")
    _one_of(node, "kind", kind, REFERENCE_KINDS, "kind")
    title = node.text("title")
    values: dict[str, Any] = {
        name: node.text(name, required=False)
        for name in names
        if name not in ("id", "kind", "title", "authors", "year", "unconfirmed", "notes")
    }
    if kind == "web" and not (values["url"] or values["read_in"]):
        node.problem("a web source needs its 'url', or 'read_in' for the copy it was read in")
    if kind == "web" and not values["accessed"]:
        node.problem("a web source needs 'accessed', the date it was read (YYYY-MM-DD)")
    if values["accessed"] and not _ISO_DATE.fullmatch(values["accessed"]):
        node.problem("expected a date as YYYY-MM-DD", key="accessed")
    unconfirmed = node.texts("unconfirmed")
    for index, name in enumerate(unconfirmed):
        if name not in names:
            node.problem(f"{name!r} is not a reference field", key=f"unconfirmed[{index}]")
    if ref_id is None or kind is None or title is None:
        return None
    return Reference(
        id=ref_id,
        kind=kind,
        title=title,
        authors=node.texts("authors"),
        year=node.integer("year", required=kind == "paper", most=9999),
        unconfirmed=unconfirmed,
        # The copy an official document was read in is always shown, so it is kept as a note too.
        notes=node.texts("notes")
        + ((f"Read in a copy at {values['read_in']}.",) if values["read_in"] else ()),
        **values,
    )


def _condition(node: Node) -> Condition | None:
    node.allow("id", "name", "synonyms", "description", "guidance", "guide_options", "see_also")
    condition_id, name = _identity(node), node.text("name")
    synonyms, description = node.texts("synonyms"), _optional_statement(node, "description")
    guidance = each(node.children("guidance"), _statement)
    options_node = node.child("guide_options", required=False)
    options = _guide_options(options_node) if options_node else None
    see_also = node.ids("conditions", "see_also")
    if condition_id in see_also:
        node.problem("a condition cannot be its own 'see also'", key="see_also")
    if condition_id is None or name is None:
        return None
    return Condition(condition_id, name, synonyms, description, guidance, options, see_also)


def _guide_options(node: Node) -> GuideOptions | None:
    node.allow("therapies", "basis")
    therapies = node.ids("therapies", "therapies", required=True)
    basis = _optional_statement(node, "basis")
    if basis is None:
        node.problem("missing required field 'basis': the source for the order", key="basis")
    return GuideOptions(therapies, basis) if therapies and basis else None


def _session_count(parent: Node, key: str) -> Statement | None:
    node = parent.child(key, required=False)
    if node is None:
        return None
    node.allow("min", "max", "label", "text", "sources", "correction")
    statement = _statement_fields(node)
    low = node.integer("min", required=False, most=MAX_SESSIONS)
    high = node.integer("max", required=False, most=MAX_SESSIONS)
    label = node.text("label", required=False)
    if low is not None and high is not None and low > high:
        node.problem(f"min ({low}) is more than max ({high})", key="min")
    if label is not None and (low is not None or high is not None):
        node.problem("give either 'label' or 'min'/'max', not both", key="label")
    if statement is None:
        return None
    return statement._replace(minimum=low, maximum=high, label=label)


def _statement_fields(node: Node) -> Statement | None:
    text, sources = node.text("text"), _sources(node)
    if text is None or not sources:
        return None
    return Statement(text, sources, node.text("correction", required=False))


COUNTED_SESSION_FIELDS = ("typical", "nhs")  # these may also give min and max, or a label


def _sessions(node: Node | None) -> Sessions:
    if node is None:
        return Sessions()
    node.allow(*Sessions._fields)
    return Sessions(
        *(
            (_session_count if field in COUNTED_SESSION_FIELDS else _optional_statement)(
                node, field
            )
            for field in Sessions._fields
        )
    )


def _use(node: Node) -> ConditionUse | None:
    node.allow("condition", "evidence", "note", "caveats")
    condition = node.text("condition")
    evidence = node.text("evidence", required=False) or "listed"
    _one_of(node, "evidence", evidence, EVIDENCE_LEVELS, "evidence level")
    if condition is not None:
        node.mention("conditions", condition, "condition")
    note_node = node.child("note")
    note = _statement(note_node) if note_node else None
    caveats = each(node.children("caveats"), _statement)
    if condition is None or note is None:
        return None
    return ConditionUse(condition, note, caveats, evidence)


def _therapy(node: Node) -> Therapy | None:
    node.allow(
        "id",
        "name",
        "aliases",
        "summary",
        "basis",
        "focus",
        "key_evidence",
        "sessions",
        "used_for",
        "sections",
        "guide",
    )
    therapy_id, name = _identity(node), node.text("name")
    summary_node = node.child("summary")
    summary = _statement(summary_node) if summary_node else None
    therapy = Therapy(
        id=therapy_id or "",
        name=name or "",
        summary=summary or Statement("", ()),
        aliases=node.texts("aliases"),
        basis=_optional_statement(node, "basis"),
        focus=_optional_statement(node, "focus"),
        key_evidence=_optional_statement(node, "key_evidence"),
        sessions=_sessions(node.child("sessions", required=False)),
        used_for=each(node.children("used_for"), _use),
        sections=_sections(node.child("sections", required=False)),
        guide=_therapy_guide(node.child("guide", required=False)),
    )
    return therapy if therapy_id and name and summary else None


def _therapy_guide(node: Node | None) -> TherapyGuide:
    if node is None:
        return TherapyGuide()
    node.allow(*GUIDE_FIELDS, "cost", "access")
    in_sessions, asks_of_you, may_not_suit, formats, delivery = (
        _optional_statement(node, name) for name in GUIDE_FIELDS
    )
    cost, access = (each(node.children(name), _scoped) for name in ("cost", "access"))
    return TherapyGuide(in_sessions, asks_of_you, may_not_suit, formats, delivery, cost, access)


AGES = ("adult", "under-18")


def _scoped(node: Node) -> Scoped | None:
    """A statement with optional `regions` (guide region ids) and `ages`."""
    node.allow("text", "sources", "correction", "regions", "ages")
    statement = _statement_fields(node)
    regions = node.ids("regions", "regions")
    ages = node.texts("ages")
    for index, age in enumerate(ages):
        if age not in AGES:
            node.problem(f"unknown age {age!r}; use {' or '.join(AGES)}", key=f"ages[{index}]")
    return Scoped(statement, regions, ages) if statement else None


def _sections(node: Node | None) -> dict[str, tuple[Statement, ...]]:
    if node is None:
        return {}
    writable = [s for s in SECTION_IDS if s not in DERIVED_SECTION_IDS]
    node.allow(*writable)
    return {
        section_id: each(node.children(section_id, required=True), _statement)
        for section_id in writable
        if section_id in node.data
    }


def _term(node: Node) -> Term | None:
    node.allow("id", "term", "aliases", "definition")
    term_id, term, aliases = _identity(node), node.text("term"), node.texts("aliases")
    definition_node = node.child("definition")
    definition = _statement(definition_node) if definition_node else None
    if term_id is None or term is None or definition is None:
        return None
    return Term(term_id, term, definition, aliases)


def _effect_sizes(node: Node) -> EffectSizes | None:
    node.allow("bands", "text", "sources")
    note = _statement_fields(node)
    bands = []
    for band in node.children("bands", required=True):
        band.allow("from", "label")
        label, start = band.text("label"), band.text("from")
        try:
            value = float(start) if start is not None else None
        except ValueError:
            value = None
        if value is None or not 0 < value < 10:
            band.problem("expected a number such as 0.5", key="from")
        elif label is not None:
            bands.append((value, label))
    if note is None or not bands:
        return None
    return EffectSizes(tuple(sorted(bands)), note)


GUIDE_TEXTS = ("about", "reviewed", "upkeep", "funding")
GUIDE_LISTS = ("ratings", "ages", "rows", "preferences", "regions", "questions_to_ask", "not_now")


def _guide(node: Node) -> dict[str, Any]:
    """The parts of the guide this file gives; an overlay may give only some of them."""
    node.allow(*GUIDE_TEXTS, "questions", *GUIDE_LISTS)
    parts: dict[str, Any] = {key: node.text(key, required=False) for key in GUIDE_TEXTS}
    if parts["reviewed"] and not _ISO_DATE.fullmatch(parts["reviewed"]):
        node.problem("expected a date as YYYY-MM-DD", key="reviewed")
    questions = node.child("questions", required=False)
    if questions:
        questions.allow(*GUIDE_QUESTIONS)
        parts["questions"] = {
            key: text
            for key in GUIDE_QUESTIONS
            if (text := questions.text(key, required=False)) is not None
        }
    parts["ratings"] = _choices(node, "ratings", RATINGS)
    parts["ages"] = _choices(node, "ages", AGES)
    parts["rows"] = each(node.children("rows"), _guide_row)
    parts["preferences"] = each(node.children("preferences"), _preference)
    parts["regions"] = each(node.children("regions"), _guide_region)
    for key in ("questions_to_ask", "not_now"):
        parts[key] = each(node.children(key), _statement)
    for key in ("preferences", "regions", "ratings", "ages", "rows"):
        _id_lines(node, key)
    # A list or text the file leaves out is not given; one it gives replaces the earlier one.
    return {key: value for key, value in parts.items() if key in node.data}


def _choices(node: Node, key: str, allowed: tuple[str, ...]) -> tuple[Choice, ...]:
    found = []
    for child in node.children(key):
        child.allow("id", "name")
        choice_id, name = child.text("id"), child.text("name")
        if _one_of(child, "id", choice_id, allowed, "id") and choice_id and name:
            found.append(Choice(choice_id, name))
    return tuple(found)


def _guide_row(node: Node) -> GuideRow | None:
    node.allow("id", "name", "handout")
    row_id, name = node.text("id"), node.text("name")
    handout = node.text("handout", required=False) or "all"
    known = _one_of(node, "id", row_id, GUIDE_ROWS, "id")
    if not _one_of(node, "handout", handout, HANDOUT_KEEPS, "value") or not known:
        return None
    return GuideRow(row_id, name, handout) if row_id and name else None


def _preference(node: Node) -> Preference | None:
    node.allow("id", "question", "label", "row")
    pref_id, question, label = _identity(node), node.text("question"), node.text("label")
    row = node.text("row")
    if not _one_of(node, "row", row, GUIDE_ROWS, "row"):
        return None
    if pref_id is None or question is None or label is None or row is None:
        return None
    return Preference(pref_id, question, label, row)


def _guide_region(node: Node) -> GuideRegion | None:
    node.allow("id", "name", "crisis", "route")
    region_id, name, crisis = _identity(node), node.text("name"), node.text("crisis")
    if crisis is not None:
        node.mention("crisis", crisis, "crisis")
    route = each(node.children("route", required="route" not in node.data), _scoped)
    if region_id is None or name is None or crisis is None:
        return None
    return GuideRegion(region_id, name, crisis, route)


def _region(node: Node) -> Region | None:
    node.allow("id", "name", "services")
    region_id, name = _identity(node), node.text("name")
    services = each(node.children("services", required=True), _service)
    if region_id is None or name is None:
        return None
    return Region(region_id, name, services)


def _service(node: Node) -> Service | None:
    node.allow("name", "contact", "url", "details", "regions")
    name = node.text("name")
    details = each(node.children("details", required=True), _statement)
    contact, url = node.text("contact", required=False), node.text("url", required=False)
    regions = node.ids("regions", "regions")
    return Service(name, details, contact, url, regions) if name and details else None


def _merge(contents: Iterable[FileContent]) -> KnowledgeBase:
    disclaimer, lookup, files = "", Lookup(), []
    disclaimer_from: str | None = None
    crisis_from: dict[str, str] = {}
    effect_sizes: EffectSizes | None = None
    tables: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    for number, content in enumerate(contents):
        files.append(content.path)
        if content.disclaimer:
            disclaimer = content.disclaimer
            disclaimer_from = content.path if number else None
        lookup = content.lookup or lookup
        effect_sizes = content.effect_sizes or effect_sizes
        for kind, table in tables.items():
            for entry in getattr(content, kind):
                table[entry.id] = entry
        for region in content.crisis if number else ():
            crisis_from[region.id] = content.path
    return KnowledgeBase(
        guide=_merged_guide(contents),
        schema_version=SCHEMA_VERSION,
        disclaimer=disclaimer,
        references=tuple(tables["references"].values()),
        conditions=tuple(tables["conditions"].values()),
        catalogue=tuple(tables["therapies"].values()),
        crisis=tuple(tables["crisis"].values()),
        find_therapist=tuple(tables["find_therapist"].values()),
        glossary=tuple(tables["glossary"].values()),
        effect_sizes=effect_sizes,
        lookup=lookup,
        files=tuple(files),
        disclaimer_from=disclaimer_from,
        crisis_from=crisis_from,
    )


MERGED_BY_ID = ("preferences", "regions")  # an overlay adds to these or replaces one by id


def _guide_parts(contents: Iterable[FileContent]) -> dict[str, Any]:
    """Every file's guide parts, later ones replacing earlier ones."""
    merged: dict[str, Any] = {}
    for content in contents:
        for key, value in content.guide.items():
            if key in MERGED_BY_ID:
                entries = {entry.id: entry for entry in merged.get(key, ())}
                entries.update({entry.id: entry for entry in value})
                value = tuple(entries.values())
            elif key == "questions":
                value = {**merged.get(key, {}), **value}
            merged[key] = value
    return merged


def _merged_guide(contents: Iterable[FileContent]) -> Guide | None:
    parts = _guide_parts(contents)
    if set(Guide._fields) - set(parts) or set(GUIDE_QUESTIONS) - set(parts["questions"]):
        return None  # incomplete: _check_links says what is missing
    return Guide(**parts)


def _guide_gaps(contents: list[FileContent]) -> list[Problem]:
    """What the guide lacks, if any file gives one: each part and each question is required."""
    parts = _guide_parts(contents)
    if not parts:
        return []
    where = next(c.path for c in reversed(contents) if c.guide)
    missing = [f"'{key}'" for key in Guide._fields if key not in parts] + [
        f"'questions.{key}'" for key in GUIDE_QUESTIONS if key not in parts.get("questions", {})
    ]
    if not missing:
        return []
    return [Problem(where, 0, "guide", f"no file gives the guide's {', '.join(missing)}")]


def _check_links(
    kb: KnowledgeBase, mentions: list[Any], contents: list[FileContent]
) -> list[Problem]:
    problems: list[Problem] = []
    last = contents[-1].path if contents else "(none)"
    if not kb.disclaimer:
        problems.append(Problem(last, 1, "disclaimer", "no file gives the required disclaimer"))
    known = {
        "references": {r.id for r in kb.references},
        "conditions": {c.id for c in kb.conditions},
        "therapies": {t.id for t in kb.catalogue},
        "crisis": {r.id for r in kb.crisis},
        "regions": {r.id for r in _guide_parts(contents).get("regions", ())},
    }
    names = {"therapies": "therapy", "crisis": "crisis region", "regions": "guide region"}
    for mention in mentions:
        ids = known[mention.kind]
        if mention.target not in ids:
            hint = closest(mention.target, sorted(ids))
            problems.append(
                Problem(
                    mention.file,
                    mention.line,
                    mention.path,
                    f"no {names.get(mention.kind, mention.kind[:-1])} has the id "
                    f"{mention.target!r}" + (f"; did you mean {hint!r}?" if hint else ""),
                )
            )
    problems += _alias_collisions(kb, contents)
    problems += _guide_gaps(contents)
    problems += _unlinked_options(kb, contents)
    return problems


def _unlinked_options(kb: KnowledgeBase, contents: list[FileContent]) -> list[Problem]:
    """A condition's guide options must be therapies the knowledge base uses for it."""
    problems = []
    lines = {
        key[1]: (c.path, line)
        for c in contents
        for key, line in c.id_lines.items()
        if key[0] == "conditions"
    }
    known = {t.id for t in kb.catalogue}
    for condition in kb.conditions:
        for therapy_id in condition.options.therapies if condition.options else ():
            if therapy_id in known and not any(
                use.condition == condition.id for use in kb.therapy(therapy_id).used_for
            ):
                file, line = lines.get(condition.id, ("?", 0))
                problems.append(
                    Problem(
                        file,
                        line,
                        f"conditions[{condition.id}].guide_options",
                        f"therapy {therapy_id!r} is not used for {condition.id!r} in its "
                        "'used_for'",
                    )
                )
    return problems


def _alias_collisions(kb: KnowledgeBase, contents: list[FileContent]) -> list[Problem]:
    """Names shared by two therapies, or two conditions, each reported in the later file: that
    is the one the user wrote, since the built-in file comes first."""
    problems = []
    kinds = (
        ("therapies", "therapy", "aliases", kb.catalogue),
        ("conditions", "condition", "synonyms", kb.conditions),
        ("glossary", "term", "aliases", kb.glossary),
    )
    for kind, noun, field_name, entries in kinds:
        where = {
            key[1]: (number, c.path, line)
            for number, c in enumerate(contents)
            for key, line in c.id_lines.items()
            if key[0] == kind
        }
        owner: dict[str, tuple[str, str]] = {}
        for entry in entries:
            for label in entry.labels():
                key = normalise(label, kb.lookup)
                first_id, first_label = owner.setdefault(key, (entry.id, label))
                if first_id == entry.id:
                    continue
                ours, theirs = where.get(entry.id, (0, "?", 0)), where.get(first_id, (0, "?", 0))
                culprit, other, named = (
                    (entry.id, first_id, label)
                    if ours[0] >= theirs[0]
                    else (first_id, entry.id, first_label)
                )
                _, file, line = where.get(culprit, (0, "?", 0))
                problems.append(
                    Problem(
                        file,
                        line,
                        f"{kind}[{culprit}].{field_name}",
                        f"{named!r} also names {noun} {other!r}; each name must be unique",
                    )
                )
    return problems
