"""Read one YAML file safely, keeping the line of every key and list item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import KnowledgeBaseError

# libyaml's C parser is about ten times faster; the pure-Python one gives the same results.
_SafeLoader: type[yaml.SafeLoader]
try:
    _SafeLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _SafeLoader = yaml.SafeLoader

MAX_FILE_BYTES = 20 * 1024 * 1024


class LineDict(dict[Any, Any]):
    """A mapping that remembers its own line and the line of each key."""

    line: int
    key_lines: dict[Any, int]


class LineList(list[Any]):
    """A list that remembers its own line and the line of each item."""

    line: int
    item_lines: list[int]


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _refuse_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    raise yaml.constructor.ConstructorError(
        None,
        None,
        f"the tag {node.tag!r} is refused: knowledge-base files are read as plain data only",
        node.start_mark,
    )


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_multi_constructor("", _refuse_tag)


def read_yaml(path: Path) -> LineDict:
    """Parse `path` as a YAML mapping, or raise KnowledgeBaseError saying where and what."""
    text = _read_text(path)
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        what = error.problem or error.context or "invalid YAML"
        raise KnowledgeBaseError(f"{where}: YAML syntax: {what}") from None
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


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise KnowledgeBaseError(f"{path}: is a folder, not a YAML file")
        if size > MAX_FILE_BYTES:
            raise KnowledgeBaseError(
                f"{path}: {size:,} bytes is over the {MAX_FILE_BYTES:,}-byte limit; not read"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KnowledgeBaseError(f"{path}: no such file") from None
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
