"""References as CSL-JSON, the input of citeproc processors (Zotero, Pandoc and others)."""

from __future__ import annotations

import json
from typing import Any

from ...kb.model import Reference
from ..sanitize import clean
from .authors import split_author

TYPES = {"paper": "article-journal", "web": "webpage", "article": "document"}


def item(reference: Reference) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": reference.id,
        "type": TYPES[reference.kind],
        "title": reference.title,
    }
    if reference.authors:
        data["author"] = [_name(a) for a in reference.authors]
    optional = {
        "container-title": reference.container,
        "volume": reference.volume,
        "issue": reference.issue,
        "page": reference.pages.replace("–", "-") if reference.pages else None,
        "publisher": reference.publisher,
        "DOI": reference.doi,
        "URL": reference.url,
        "note": " ".join(reference.notes) or None,
    }
    data.update({key: value for key, value in optional.items() if value})
    if reference.year:
        data["issued"] = {"date-parts": [[reference.year]]}
    if reference.accessed:
        data["accessed"] = {"date-parts": [[int(p) for p in reference.accessed.split("-")]]}
    return data


def _name(author: str) -> dict[str, str]:
    family, given = split_author(author)
    return {"family": family, "given": given} if given else {"family": family}


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    return value


def dump(references: list[Reference]) -> str:
    # Escaped to ASCII, like every JSON this tool writes, so that any encoding carries it.
    return json.dumps([_cleaned(item(r)) for r in references], ensure_ascii=True, indent=2) + "\n"
