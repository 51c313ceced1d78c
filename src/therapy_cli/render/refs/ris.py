"""References in RIS, the tagged format reference managers import."""

from __future__ import annotations

from ...kb.model import Reference
from ..sanitize import clean
from .authors import page_range

TYPES = {"paper": "JOUR", "web": "ELEC", "article": "GEN"}


def record(reference: Reference) -> str:
    first, last = page_range(reference.pages)
    lines: list[tuple[str, str | None]] = [
        ("TY", TYPES[reference.kind]),
        ("ID", reference.id),
        *(("AU", author) for author in reference.authors),
        ("PY", str(reference.year) if reference.year else None),
        ("TI", reference.title),
        ("JO", reference.container),
        ("VL", reference.volume),
        ("IS", reference.issue),
        ("SP", first),
        ("EP", last),
        ("PB", reference.publisher),
        ("DO", reference.doi),
        ("UR", reference.url),
        ("Y2", reference.accessed),
        *(("N1", note) for note in reference.notes),
        (
            "N1",
            f"Unconfirmed: {', '.join(reference.unconfirmed)}." if reference.unconfirmed else None,
        ),
        ("ER", ""),
    ]
    return "".join(
        f"{tag}  - {clean(' '.join(value.split()))}\n" for tag, value in lines if value is not None
    )


def dump(references: list[Reference]) -> str:
    return "\n".join(record(r) for r in references)
