"""References as BibTeX, keyed by their stable, readable ids (e.g. `leichsenring2005`)."""

from __future__ import annotations

import re

from ...kb.model import Reference
from ..sanitize import clean
from .authors import page_range

_SPECIAL = re.compile(r"([&%$#_])")
# BibTeX counts every brace, escaped or not, so literal braces are written as LaTeX commands.
_BRACES = str.maketrans({"{": r"{\textbraceleft}", "}": r"{\textbraceright}"})
ENTRY_TYPES = {"paper": "article", "web": "misc", "article": "misc"}


def escape(value: str) -> str:
    """`value` made literal for BibTeX: no control characters, braces and specials escaped."""
    value = clean(" ".join(value.split())).replace("\\", "")
    return _SPECIAL.sub(r"\\\1", value).translate(_BRACES)


def _plain(value: str | None) -> str | None:
    """A field kept verbatim (a DOI, a URL, a number), but never with controls or braces."""
    return clean("".join(ch for ch in value if ch not in "{}\\")) if value else None


def entry(reference: Reference) -> str:
    first, last = page_range(reference.pages)
    fields: list[tuple[str, str | None]] = [
        ("author", " and ".join(escape(a) for a in reference.authors) or None),
        ("title", f"{{{escape(reference.title)}}}"),
        ("journal", escape(reference.container) if reference.container else None),
        ("year", str(reference.year) if reference.year else None),
        ("volume", _plain(reference.volume)),
        ("number", _plain(reference.issue)),
        ("pages", _plain(f"{first}--{last}" if first and last else first)),
        ("publisher", escape(reference.publisher) if reference.publisher else None),
        ("doi", _plain(reference.doi)),
        ("url", _plain(reference.url)),
        ("urldate", _plain(reference.accessed)),
        ("note", escape(" ".join(_notes(reference))) or None),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{ENTRY_TYPES[reference.kind]}{{{reference.id},\n{body}\n}}\n"


def _notes(reference: Reference) -> list[str]:
    notes = list(reference.notes)
    if reference.unconfirmed:
        notes.insert(0, f"Unconfirmed: {', '.join(reference.unconfirmed)}.")
    return notes


def dump(references: list[Reference]) -> str:
    return "\n".join(entry(r) for r in references)


def comment(disclaimer: str) -> str:
    """The disclaimer as a BibTeX comment, which bibliography tools skip."""
    return f"\n@comment{{{escape(' '.join(disclaimer.split()))}}}\n"
