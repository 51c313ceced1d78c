"""Render document blocks as Markdown: headings, lists and tables that print well as a handout."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import singledispatch

from .page import (
    Block,
    Bullets,
    Figure,
    Grid,
    Heading,
    Inline,
    Note,
    Paragraph,
    References,
    Rows,
    Title,
)
from .sanitize import clean

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;:)\]]")


def escape(value: str) -> str:
    """`value` with Markdown's special characters made literal, and URLs made links."""
    parts = []
    position = 0
    for match in _URL.finditer(value):
        parts.append(_SPECIAL.sub(r"\\\1", value[position : match.start()]))
        parts.append(f"<{match.group()}>")
        position = match.end()
    parts.append(_SPECIAL.sub(r"\\\1", value[position:]))
    return clean("".join(parts))


STYLES = {"strong": "**{}**", "mark": "**{}**", "em": "*{}*", "muted": "*{}*"}


def inline(spans: Inline, line_break: str = "  \n") -> str:
    out = []
    for span in spans:
        for number, piece in enumerate(span.text.split("\n")):
            if number:
                out.append(line_break)
            if piece.strip():
                lead, core, trail = _split_space(piece)
                out.append(lead + STYLES.get(span.style, "{}").format(escape(core)) + trail)
            else:
                out.append(piece)
    return "".join(out)


def _split_space(value: str) -> tuple[str, str, str]:
    core = value.strip()
    start = value.index(core)
    return value[:start], core, value[start + len(core) :]


def render(blocks: Iterable[Block]) -> str:
    return "".join(_render(block) for block in blocks)


@singledispatch
def _render(block: object) -> str:
    raise TypeError(f"no Markdown rendering for {type(block).__name__}")


@_render.register
def _(block: Title) -> str:
    return f"# {escape(block.text)}\n\n"


@_render.register
def _(block: Note) -> str:
    return f"*{escape(block.text)}*\n\n"


@_render.register
def _(block: Heading) -> str:
    return f"## {escape(block.text)}\n\n"


@_render.register
def _(block: Paragraph) -> str:
    return f"{inline(block.inline)}\n\n"


@_render.register
def _(block: Bullets) -> str:
    return "".join(f"- {inline(item, chr(10) + '  ')}\n" for item in block.items) + "\n"


@_render.register
def _(block: Rows) -> str:
    return (
        "".join(
            f"- **{escape(label)}:** {inline(value)}\n" if label else f"- {inline(value)}\n"
            for label, value in block.rows
        )
        + "\n"
    )


@_render.register
def _(block: Grid) -> str:
    title = f"**{escape(block.title)}**\n\n" if block.title else ""
    header = "| " + " | ".join(escape(h) or " " for h in block.headers) + " |\n"
    rule = "|" + "|".join(" --- " for _ in block.headers) + "|\n"
    rows = "".join(
        "| " + " | ".join(inline(cell, "<br>") for cell in row) + " |\n" for row in block.rows
    )
    return title + header + rule + rows + "\n"


@_render.register
def _(block: References) -> str:
    heading = f"**{escape(block.heading)}**\n\n" if block.indented else f"## {block.heading}\n\n"
    heading = heading if block.heading else ""
    entries = []
    for number, entry, notes in block.entries:
        lines = [f"- \\[{number}\\] {escape(entry)}"]  # a list that keeps the citation numbers
        lines += [f"   *Note: {escape(note)}*" for note in notes]
        entries.append("  \n".join(lines))
    return heading + "\n".join(entries) + "\n\n"


@_render.register
def _(block: Figure) -> str:
    lines = (clean("".join(span.text for span in line)).rstrip() for line in block.lines)
    return "```text\n" + "\n".join(lines) + "\n```\n\n"


def disclaimer(value: str) -> str:
    return f"---\n\n> {escape(' '.join(value.split()))}\n"
