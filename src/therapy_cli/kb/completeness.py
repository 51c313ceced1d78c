"""How full a therapy's page is, against the minimums the built-in knowledge base keeps."""

from __future__ import annotations

from .model import Therapy

# Statements each section needs for a full page, so that no therapy looks better for having more
# said about it. The built-in knowledge base must meet these; users' files are only warned.
SECTION_MINIMUMS: dict[str, int] = {
    "overview": 2,
    "science": 2,
    "how-it-works": 3,
    "who-it-helps": 3,
    "effectiveness": 3,
    "finding-a-therapist": 2,
    "see-also": 1,
}


def page_gaps(therapy: Therapy) -> list[str]:
    """What a therapy's page lacks for a full page; empty when it has everything."""
    gaps = [
        f"section '{section}' has {have} statement{'s' if have != 1 else ''}; "
        f"a full page has at least {need}"
        for section, need in SECTION_MINIMUMS.items()
        if (have := len(therapy.sections.get(section, ()))) < need
    ]
    gaps += [f"no '{name}' for 'therapy compare'" for name in _missing_glance(therapy)]
    typical = therapy.sessions.typical
    if typical is None or not (typical.counted or typical.label):
        gaps.append(
            "sessions.typical needs a number ('min', 'max' or both), "
            "or a 'label' for a course not counted in sessions"
        )
    # Ongoing groups have no count and some sources give only one of these, so either will do.
    if therapy.sessions.frequency is None and therapy.sessions.duration is None:
        gaps.append("no sessions.frequency or sessions.duration: how often, or how long")
    if not therapy.used_for:
        gaps.append("no 'used_for': which conditions it is used for, and the evidence")
    return gaps


def _missing_glance(therapy: Therapy) -> list[str]:
    fields = {"basis": therapy.basis, "focus": therapy.focus, "key_evidence": therapy.key_evidence}
    return [name for name, value in fields.items() if value is None]
