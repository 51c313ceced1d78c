"""Name resolution: any spelling of a known name finds its entry; anything else is NotFound."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from therapy_cli.errors import NotFound
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load
from therapy_cli.kb.lookup import resolve_condition, resolve_therapy
from therapy_cli.kb.model import KnowledgeBase

KB: KnowledgeBase = load([builtin_path()])
THERAPY_LABELS = [(t.id, label) for t in KB.therapies for label in t.labels()]
CONDITION_LABELS = [(c.id, label) for c in KB.conditions for label in c.labels()]


def recase(label: str, flips: list[bool]) -> str:
    return "".join(c.upper() if flip else c.lower() for c, flip in zip(label, flips, strict=False))


@given(
    st.sampled_from(THERAPY_LABELS),
    st.lists(st.booleans(), min_size=60, max_size=60),
    st.sampled_from(["", " ", "  ", "\t"]),
)
def test_every_therapy_label_resolves_in_any_case_and_padding(
    entry: tuple[str, str], flips: list[bool], pad: str
) -> None:
    therapy_id, label = entry
    assert resolve_therapy(KB, pad + recase(label, flips) + pad).id == therapy_id


@given(st.sampled_from(CONDITION_LABELS), st.lists(st.booleans(), min_size=60, max_size=60))
def test_every_condition_label_resolves_in_any_case(
    entry: tuple[str, str], flips: list[bool]
) -> None:
    condition_id, label = entry
    assert resolve_condition(KB, recase(label, flips)).id == condition_id


@settings(max_examples=300)
@given(st.text())
def test_any_text_either_resolves_or_raises_not_found(name: str) -> None:
    try:
        therapy = resolve_therapy(KB, name)
    except NotFound as error:
        assert error.hints, "a miss always says where to look next"
    else:
        assert therapy in KB.therapies


@pytest.mark.parametrize(
    "typed", ["psychodynamic therapy", "psychodynamic psychotherapy", "psychodynamic"]
)
def test_therapy_and_psychotherapy_may_be_left_off_or_added(typed: str) -> None:
    assert resolve_therapy(KB, typed).id == "psychodynamic"


def test_hyphens_and_spaces_are_the_same() -> None:
    assert resolve_condition(KB, "obsessive compulsive disorder").id == "ocd"
    assert resolve_condition(KB, "obsessive-compulsive-disorder").id == "ocd"
