"""Read one YAML file safely, keeping the line of every key and list item."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError

# libyaml's C parser is about ten times faster; the pure-Python one gives the same events.
_Parser: type[yaml.SafeLoader]
try:
    _Parser = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

MAX_FILE_BYTES = 20 * 1024 * 1024


class LineDict(dict[Any, Any]):
    """A mapping that remembers its own line and the line of each key."""

    line: int
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A list that remembers its own line and the line of each item."""

    line: int
    item_lines: list[int]


_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = dict.fromkeys(
    ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True
) | dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False)
_SHARED_LENGTH = 64
_NUMBER_STARTS = frozenset("0123456789+-")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


class RefusedYaml(yaml.MarkedYAMLError):
    """A construct that is valid YAML but not allowed in a knowledge base."""


def _shared(value: str) -> str:
    """Short strings (ids, names) as one shared object, so the parse cache stores each once."""
    return sys.intern(value) if len(value) <= _SHARED_LENGTH else value


def _scalar(event: Any) -> Any:
    """Plain data only: text, whole numbers, true/false and null; every other tag is refused."""
    value, tag = event.value, event.tag
    if tag is None and event.implicit[0]:  # a plain scalar: resolve as YAML 1.1 does
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if value[:1] in _NUMBER_STARTS and _INT.fullmatch(value):
            return _integer(value, event)
        return _shared(value)
    if tag in (None, "!", _TAG + "str"):
        return _shared(value)
    if tag == _TAG + "int" and _INT.fullmatch(value):
        return _integer(value, event)
    raise RefusedYaml(
        None,
        None,
        f"the tag {tag!r} is refused: knowledge-base files are read as plain data only",
        event.start_mark,
    )


MAX_DIGITS = 18  # beyond any count a file needs, and far below Python's own limit of 4,300


def _integer(value: str, event: Any) -> int:
    digits = value.replace("_", "").lstrip("+-")
    if len(digits) > MAX_DIGITS:
        raise RefusedYaml(
            None,
            None,
            f"a number of {len(digits)} digits is too long to be a count",
            event.start_mark,
        )
    return int(value.replace("_", ""))


def _build(events: Iterator[Any]) -> Any:
    """Assemble mappings and lists from parser events, recording lines as they go by.

    Working from events rather than PyYAML's node graph and constructors takes half the time on
    large files, and an alias simply reuses the anchored object, so "billion laughs" stays small.
    The loop is one function on purpose: it runs once per event, 700,000 times for a 16 MB file.
    """
    anchors: dict[str, Any] = {}
    stack: list[Any] = []  # open containers
    pending_keys: list[Any] = []  # for each open mapping, the key waiting for its value
    result: Any = None
    documents = 0
    for event in events:
        kind = type(event)
        opened: LineDict | LineList | None = None
        if kind is yaml.ScalarEvent:
            value = _scalar(event)
            if event.anchor:
                anchors[event.anchor] = value
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                raise RefusedYaml(
                    None,
                    None,
                    f"the tag {event.tag!r} is refused: "
                    "knowledge-base files are read as plain data only",
                    event.start_mark,
                )
            if kind is yaml.MappingStartEvent:
                opened = LineDict()
                opened.key_lines = {}
            else:
                opened = LineList()
                opened.item_lines = []
            opened.line = event.start_mark.line + 1
            if event.anchor:
                anchors[event.anchor] = opened
            value = opened
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            pending_keys.pop()
            continue
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise RefusedYaml(None, None, f"unknown alias *{event.anchor}", event.start_mark)
            value = anchors[event.anchor]
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise RefusedYaml(
                        None, None, "only one YAML document per file", event.start_mark
                    )
            continue

        if not stack:
            result = value
        elif type(parent := stack[-1]) is LineList:
            parent.append(value)
            parent.item_lines.append(event.start_mark.line + 1)
        elif (key := pending_keys[-1]) is not _NO_KEY:
            parent[key] = value
            pending_keys[-1] = _NO_KEY
        else:
            _check_key(value, parent, event.start_mark)
            pending_keys[-1] = value
            parent.key_lines[value] = event.start_mark.line + 1
        if opened is not None:
            stack.append(opened)
            pending_keys.append(_NO_KEY)
    return result


def _check_key(key: Any, mapping: LineDict, mark: Any) -> None:
    if not isinstance(key, str | int | float | bool) and key is not None:
        raise RefusedYaml(None, None, "a key must be plain text", mark)
    if key == "<<":
        raise RefusedYaml(None, None, "merge keys (<<) are not supported", mark)
    if key in mapping:
        raise RefusedYaml(None, None, f"the key {key!r} appears twice", mark)


_NO_KEY = object()


def parse_yaml(text: str, path: Path | str) -> LineDict:
    """Parse `text`, read from `path`, as a YAML mapping; errors name `path` and the line."""
    try:
        data = _build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        what = error.problem or error.context or "invalid YAML"
        kind = "" if isinstance(error, RefusedYaml) else "YAML syntax: "
        raise KnowledgeBaseError(f"{where}: {kind}{what}") from None
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(f"{path}: YAML syntax: {error}") from None
    except RecursionError:
        raise KnowledgeBaseError(f"{path}: nested too deeply to read") from None
    if data is None:
        raise KnowledgeBaseError(f"{path}: the file is empty")
    if not isinstance(data, LineDict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise KnowledgeBaseError(
            f"{path}:1: the top level is {kind}; it must be a mapping with keys such as "
            "schema_version and therapies"
        )
    return data


def read_text(path: Path) -> str:
    """The text of `path`: a regular UTF-8 file within the size limit, else KnowledgeBaseError."""
    try:
        # Non-blocking, so that a FIFO with no writer cannot make the program wait for ever.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise KnowledgeBaseError(f"{path}: is a folder, not a YAML file")
            if not stat.S_ISREG(info.st_mode):
                raise KnowledgeBaseError(
                    f"{path}: is not a regular file (a pipe, device or socket); not read"
                )
            if info.st_size > MAX_FILE_BYTES:
                raise KnowledgeBaseError(
                    f"{path}: {info.st_size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit; "
                    "not read"
                )
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        broken = " (a link to a file that does not exist)" if path.is_symlink() else ""
        raise KnowledgeBaseError(f"{path}: no such file{broken}") from None
    except IsADirectoryError:
        raise KnowledgeBaseError(f"{path}: is a folder, not a YAML file") from None
    except PermissionError:
        raise KnowledgeBaseError(f"{path}: permission denied") from None
    except OSError as error:
        raise KnowledgeBaseError(f"{path}: cannot be read ({error.strerror})") from None
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise KnowledgeBaseError(f"{path}:{line}: binary data (a NUL byte); expected YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise KnowledgeBaseError(
            f"{path}:{line}: not valid UTF-8 (byte {error.start}); save the file as UTF-8"
        ) from None
