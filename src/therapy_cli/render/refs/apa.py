"""References in APA style, as plain text."""

from __future__ import annotations

from ...kb.model import Reference


def author_list(authors: tuple[str, ...]) -> str:
    """APA's author list: commas, and an ampersand before the last."""
    if len(authors) <= 1:
        return "".join(authors)
    return ", ".join(authors[:-1]) + ", & " + authors[-1]


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def sentence(value: str) -> str:
    """`value` ending in one full stop, unless it already ends in punctuation."""
    return value if value.endswith((".", "?", "!")) else f"{value}."


def apa(reference: Reference) -> str:
    """One reference in APA style, with its unconfirmed parts flagged."""
    year = f"({reference.year})" if reference.year else "(n.d.)"
    if reference.kind == "paper":
        parts = [f"{author_list(reference.authors)} {year}.", sentence(reference.title)]
        where = reference.container or ""
        if reference.volume:
            where += f", {reference.volume}"
            if reference.issue:
                where += f"({reference.issue})"
        if reference.pages:
            where += f", {reference.pages}"
        parts.append(f"{where}.")
    else:
        by = author_list(reference.authors) or reference.publisher or ""
        parts = [f"{by} {year}.".strip(), sentence(reference.title)]
        if reference.publisher and reference.publisher != by:
            parts.append(sentence(reference.publisher))
        if reference.accessed:
            # With no official URL, the copy it was read in is named in the notes.
            parts.append(f"Retrieved {reference.accessed}, from" if reference.url else "")
    if reference.doi:
        parts.append(doi_url(reference.doi))
    if reference.url and (reference.kind != "paper" or not reference.doi):
        parts.append(reference.url)
    if reference.unconfirmed:
        parts.append(f"[Unconfirmed: {', '.join(reference.unconfirmed)}.]")
    return " ".join(p for p in parts if p.strip(". "))
