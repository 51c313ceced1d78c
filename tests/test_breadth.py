"""The wider knowledge base: ten or more therapies, conditions as a vocabulary, NICE NG222."""

from __future__ import annotations

import pytest

from conftest import Run, flat
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load
from therapy_cli.kb.lookup import resolve_therapy

KB = load([builtin_path()])


def test_the_builtin_knowledge_base_has_ten_or_more_therapies() -> None:
    assert len(KB.therapies) >= 10


@pytest.mark.parametrize(
    ("typed", "therapy_id"),
    [
        ("CBT", "cbt"),
        ("cognitive behavioral therapy", "cbt"),
        ("IPT", "interpersonal-psychotherapy"),
        ("interpersonal", "interpersonal-psychotherapy"),
        ("DIT", "dynamic-interpersonal-therapy"),
        ("EMDR", "emdr"),
        ("MBCT", "mbct"),
        ("BA", "behavioural-activation"),
        ("behavioral activation", "behavioural-activation"),
        ("counseling", "counselling"),
        ("counseling for depression", "counselling-for-depression"),
        ("STPP", "psychodynamic"),
    ],
)
def test_abbreviations_and_us_spellings_resolve(typed: str, therapy_id: str) -> None:
    assert resolve_therapy(KB, typed).id == therapy_id


@pytest.mark.parametrize("therapy_id", [t.id for t in KB.therapies])
def test_every_show_page_has_its_sources(run: Run, therapy_id: str) -> None:
    out = run("show", therapy_id, "--sources").stdout
    assert "\nReferences\n" in out
    assert "Sources for this section:" in out


def test_every_statement_cites_a_known_reference() -> None:
    known = {r.id for r in KB.references}
    for therapy in KB.therapies:
        for _, statements in therapy.content():
            for statement in statements:
                assert statement.sources and set(statement.sources) <= known


def test_conditions_ptsd_lists_emdr_and_trauma_focused_cbt(run: Run) -> None:
    out = flat(run("conditions", "PTSD").stdout)
    assert "• EMDR " in out
    assert "• Trauma-focused cognitive behavioural therapy " in out


def test_conditions_depression_lists_every_therapy_connected_to_it(run: Run) -> None:
    out = run("conditions", "depression").stdout
    for therapy in KB.therapies:
        if any(use.condition == "depression" for use in therapy.used_for):
            assert f"• {therapy.name}\n" in out


def test_conditions_depression_shows_nice_ng222(run: Run) -> None:
    out = flat(run("conditions", "depression").stdout)
    assert "NG222" in out
    assert "short-term psychodynamic psychotherapy last" in out
    assert "ranked 7th" in out
    assert "less cost-effective" in out


@pytest.mark.parametrize(
    "synonym",
    [
        "post-traumatic stress disorder",
        "addiction",
        "substance misuse",
        "low mood",
        "GAD",
        "social phobia",
    ],
)
def test_condition_synonyms_resolve(run: Run, synonym: str) -> None:
    assert run("conditions", synonym).exit_code == 0


def test_secondary_sources_are_marked_as_such(run: Run) -> None:
    out = flat(run("refs").stdout)
    assert "A secondary source: a pharmacy training module quoting an older NHS table" in out


def test_refs_lists_web_sources_with_url_and_date_read(run: Run) -> None:
    out = flat(run("refs").stdout)
    assert "Retrieved 2026-11-25, from https://www.england.nhs.uk/mental-health/adults/" in out


def test_compare_all_splits_into_readable_tables(run: Run) -> None:
    out = run("--color", "always", "compare", env={"COLUMNS": "120"}).stdout
    assert out.count("Basis") == -(-len(KB.therapies) // 3)
