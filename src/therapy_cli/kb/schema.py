"""Check raw YAML data against the knowledge-base schema, collecting every problem at once."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from .yamlfile import LineDict, LineList

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one line, in one field."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class Mention(NamedTuple):  # a tuple: a large file makes 100,000 of them
    """An id that must name an entry of `kind` once every file is loaded."""

    kind: str
    target: str
    file: str
    line: int
    path: str


@dataclass
class Report:
    """What checking a file found: its problems and the ids it mentions."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    seen_containers: set[int] = field(default_factory=set)
    shared_sources: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice nearest to `word`, if any is near enough to suggest."""
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def type_name(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


class Node:
    """A mapping in a file, with its place, that hands out checked fields."""

    def __init__(self, report: Report, data: LineDict, path: str, line: int | None = None) -> None:
        self.report = report
        self.data = data
        self.path = path
        self.line = line or data.line  # where the mapping is named: its key or its list item

    def problem(self, message: str, key: str | None = None, line: int | None = None) -> None:
        where = line or (self.data.key_lines.get(key, self.line) if key else self.line)
        path = f"{self.path}.{key}" if key and self.path else (key or self.path or "(top)")
        self.report.problems.append(Problem(self.report.file, where, path, message))

    def line_of(self, key: str) -> int:
        return self.data.key_lines.get(key, self.line)

    def allow(self, *keys: str) -> None:
        """Report every key that is not one of `keys`, with the nearest valid one."""
        for key in self.data:
            if key not in keys:
                hint = closest(str(key), keys)
                also = f"; did you mean {hint!r}?" if hint else f"; valid: {', '.join(keys)}"
                self.problem(f"unknown field {key!r}{also}", key=str(key))

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problem(f"missing required field {key!r}", key=key)
            return None
        return self.data[key]

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(f"expected text, found {type_name(value)}", key=key)
            return None
        if not value.strip():
            self.problem("is empty", key=key)
            return None
        return value.strip()

    def integer(self, key: str, required: bool = True, most: int | None = None) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"expected a whole number, found {type_name(value)}", key=key)
            return None
        if value < 0:
            self.problem("must not be negative", key=key)
            return None
        if most is not None and value > most:
            self.problem(f"{value:,} is more than {most:,}", key=key)
            return None
        return value

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        return tuple(text for _, text, _ in self._text_items(key, required))

    def ids(self, kind: str, key: str, required: bool = False) -> tuple[str, ...]:
        """The texts of the list `key`: ids of `kind`, each checked once every file is loaded."""
        found = self._text_items(key, required)
        for index, text, line in found:
            self.mention(kind, text, f"{key}[{index}]", line)
        return tuple(text for _, text, _ in found)

    def _text_items(self, key: str, required: bool) -> list[tuple[int, str, int]]:
        """Each text item of the list `key`, with its index and line; a problem for any other."""
        found = []
        for index, (item, line) in enumerate(self.items(key, required)):
            if isinstance(item, str) and item.strip():
                found.append((index, item.strip(), line))
            else:
                self.problem(
                    f"expected text, found {type_name(item)}", key=f"{key}[{index}]", line=line
                )
        return found

    def items(self, key: str, required: bool = False) -> list[tuple[Any, int]]:
        """The items of a list field with their lines; a problem if it is not a list."""
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, LineList):
            self.problem(f"expected a list, found {type_name(value)}", key=key)
            return []
        if required and not value:
            self.problem("is an empty list", key=key)
        return list(zip(value, value.item_lines, strict=True))

    def child(self, key: str, required: bool = True) -> Node | None:
        value = self._get(key, required)
        if value is None:
            return None
        return self._as_node(value, f"{self.path}.{key}" if self.path else key, self.line_of(key))

    def children(self, key: str, required: bool = False) -> Iterator[Node]:
        """Each item of a list of mappings; items with an `id` are named by it in paths."""
        base = f"{self.path}.{key}" if self.path else key
        for index, (item, line) in enumerate(self.items(key, required)):
            label = item.get("id") if isinstance(item, dict) else None
            name = f"{base}[{label}]" if isinstance(label, str) else f"{base}[{index}]"
            node = self._as_node(item, name, line)
            if node is not None:
                yield node

    def mapping(self, key: str, required: bool = False) -> Iterator[tuple[str, Any, int]]:
        """The entries of a mapping field with the line of each key."""
        node = self.child(key, required)
        if node is None:
            return
        for entry_key, value in node.data.items():
            yield str(entry_key), value, node.line_of(entry_key)

    def _as_node(self, value: Any, path: str, line: int) -> Node | None:
        if not isinstance(value, LineDict):
            self.report.problems.append(
                Problem(
                    self.report.file, line, path, f"expected a mapping, found {type_name(value)}"
                )
            )
            return None
        if id(value) in self.report.seen_containers:
            self.report.problems.append(
                Problem(
                    self.report.file,
                    line,
                    path,
                    "repeats an anchored value (*alias); aliases of mappings are not supported",
                )
            )
            return None
        self.report.seen_containers.add(id(value))
        return Node(self.report, value, path, line)

    def mention(self, kind: str, target: str, key: str, line: int | None = None) -> None:
        path = f"{self.path}.{key}" if self.path else key
        self.report.mentions.append(
            Mention(kind, target, self.report.file, line or self.line_of(key.split("[")[0]), path)
        )


def each(nodes: Iterator[Node], build: Callable[[Node], T | None]) -> tuple[T, ...]:
    """Build every node, keeping those that came out whole."""
    built = (build(node) for node in nodes)
    return tuple(item for item in built if item is not None)
