"""Measuring and breaking text in terminal cells, shared by the text renderer."""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"\S+")


@functools.lru_cache(maxsize=4096)
def cells(value: str) -> int:
    """How many terminal cells `value` takes: wide characters (CJK, emoji) take two."""
    if value.isascii():
        return len(value)
    from rich.cells import cell_len  # maintained width tables, loaded only for non-ASCII text

    return cell_len(value)


def fit(value: str, width: int) -> str:
    """`value` cut to fewer than `width` cells (with an ellipsis) and padded to `width` cells."""
    if cells(value) >= width:
        while value and cells(value) > width - 2:
            value = value[:-1]
        value += "…"
    return pad(value, width)


def pad(value: str, width: int) -> str:
    """`value` followed by spaces up to `width` cells."""
    return value + " " * max(width - cells(value), 0)


def line_breaks(value: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `value` wrapped at `width` cells.

    Lines break at spaces, `value`'s own newlines are kept, and a word longer than a line (a URL)
    gets a line of its own rather than being cut, so that it still works when copied.
    """
    offsets: list[tuple[int, int]] = []
    start = 0
    for paragraph in value.split("\n"):
        line_start: int | None = None
        line_end = start
        used = 0
        for word in _WORD.finditer(paragraph):
            begin, end = start + word.start(), start + word.end()
            if line_start is None:
                line_start = begin
                used = cells(word.group())
            else:
                added = cells(value[line_end:end])
                if used + added > width:
                    offsets.append((line_start, line_end))
                    line_start, used = begin, cells(word.group())
                else:
                    used += added
            line_end = end
        offsets.append((start if line_start is None else line_start, line_end))
        start += len(paragraph) + 1
    return offsets
