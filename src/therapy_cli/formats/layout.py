"""Line breaking shared by the terminal renderers: where a paragraph wraps, as offsets."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")


def line_breaks(value: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of `value` wrapped at `width` characters.

    Lines break at spaces, `value`'s own newlines are kept, and a word longer than a line (a URL)
    gets a line of its own rather than being cut, so that it still works when copied. Counting
    characters rather than terminal cells is exact for this content, which is single-width text.
    """
    offsets: list[tuple[int, int]] = []
    start = 0
    for paragraph in value.split("\n"):
        line_start: int | None = None
        line_end = start
        for word in _WORD.finditer(paragraph):
            begin, end = start + word.start(), start + word.end()
            if line_start is None:
                line_start = begin
            elif end - line_start > width:
                offsets.append((line_start, line_end))
                line_start = begin
            line_end = end
        offsets.append((start if line_start is None else line_start, line_end))
        start += len(paragraph) + 1
    return offsets
