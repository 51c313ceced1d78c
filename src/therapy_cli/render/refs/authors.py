"""Split "Family, I." author strings into their parts, for structured export formats."""

from __future__ import annotations


def split_author(author: str) -> tuple[str, str]:
    """("Family", "Given") from "Family, Given"; a lone name is all family."""
    family, _, given = author.partition(",")
    return family.strip(), given.strip()


def page_range(pages: str | None) -> tuple[str | None, str | None]:
    """The first and last page of "841–868" (an en dash or a hyphen)."""
    if not pages:
        return None, None
    first, _, last = pages.replace("–", "-").partition("-")
    return first.strip() or None, last.strip() or None
