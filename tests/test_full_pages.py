"""Every built-in therapy has a full page, so no option looks better for having more said."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run, flat
from therapy_cli.kb.completeness import page_gaps
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load
from therapy_cli.kb.lookup import resolve_therapy

KB = load([builtin_path()])
THERAPY_IDS = [t.id for t in KB.therapies]


# Pages not yet rewritten to the minimums (issue 9). This list only shrinks: a page that becomes
# full fails the second test until it is taken off, and any other page must stay full.
@pytest.mark.parametrize("therapy_id", THERAPY_IDS)
def test_every_builtin_page_meets_the_minimums(therapy_id: str) -> None:
    assert page_gaps(KB.therapy(therapy_id)) == []


def test_list_never_says_not_stated_for_a_builtin_therapy(run: Run) -> None:
    assert "not stated" not in run("list").stdout


def test_a_course_not_counted_in_sessions_shows_its_label_in_the_chart(run: Run) -> None:
    out = flat(run("sessions").stdout)
    assert "ongoing (not counted in sessions)" in out


def test_a_thin_user_page_is_valid(run: Run, kb_file: Callable[[str], Path]) -> None:
    path = kb_file(THIN_PAGE)
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert "Warnings" not in result.stdout


def test_validate_strict_warns_about_a_thin_user_page_without_failing(
    run: Run, kb_file: Callable[[str], Path]
) -> None:
    result = run("validate", "--strict", str(kb_file(THIN_PAGE)))
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "therapies[thin]: section 'overview' has 0 statements" in out
    assert "therapies[psychodynamic]" not in out


THIN_PAGE = """\
schema_version: 1
therapies:
  - id: thin
    name: Thin therapy
    summary: {text: A one-line page., sources: [source-article]}
"""


def test_the_builtin_knowledge_base_has_twenty_two_or_more_therapies() -> None:
    assert len(KB.therapies) >= 22


def test_emdr_page_says_what_the_letters_stand_for(run: Run) -> None:
    out = flat(run("show", "emdr").stdout).lower()
    assert "eye movement desensitisation and reprocessing" in out


@pytest.mark.parametrize(
    ("typed", "therapy_id"),
    [
        ("DBT", "dbt"),
        ("dialectical behavior therapy", "dbt"),
        ("MBT", "mbt"),
        ("mentalization-based treatment", "mbt"),
        ("mentalisation-based treatment", "mbt"),
        ("CAT", "cat"),
        ("eye movement desensitisation and reprocessing", "emdr"),
        ("ACT", "act"),
        ("ERP", "erp"),
        ("TF-CBT", "tf-cbt"),
        ("trauma-focused CBT", "tf-cbt"),
        ("CFT", "cft"),
        ("art therapy", "arts-therapies"),
        ("music therapy", "arts-therapies"),
        ("drama therapy", "arts-therapies"),
        ("family therapy", "family-and-systemic-therapy"),
        ("systemic therapy", "family-and-systemic-therapy"),
        ("group therapy", "group-analytic-psychotherapy"),
        ("group analysis", "group-analytic-psychotherapy"),
        ("person-centered experiential therapy", "counselling-for-depression"),
    ],
)
def test_names_people_type_resolve(typed: str, therapy_id: str) -> None:
    assert resolve_therapy(KB, typed).id == therapy_id


@pytest.mark.parametrize(
    ("condition", "therapy_names"),
    [
        ("borderline personality disorder", ["Dialectical behaviour therapy", "Mentali"]),
        ("EUPD", ["Dialectical behaviour therapy", "Mentali"]),
        ("self-harm", ["Dialectical behaviour therapy"]),
        ("chronic pain", ["Acceptance and commitment therapy"]),
        ("OCD", ["Exposure and response prevention"]),
        ("PTSD", ["Trauma-focused", "EMDR"]),
        ("anorexia", ["Family and systemic therapy"]),
        ("schizophrenia", ["Family and systemic therapy"]),
    ],
)
def test_new_conditions_list_their_therapies(
    run: Run, condition: str, therapy_names: list[str]
) -> None:
    result = run("conditions", condition)
    assert result.exit_code == 0
    for name in therapy_names:
        assert name in result.stdout


ESCAPES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


@pytest.mark.parametrize(
    ("command", "decorated"),
    [
        *(
            (command, decorated)
            for command in ("conditions", "sessions", "compare")
            for decorated in (False, True)
        ),
        ("list", True),  # a pipe gets one tab-separated record per line, for cut and awk
    ],
)
def test_overviews_of_every_therapy_fit_80_columns(run: Run, command: str, decorated: bool) -> None:
    colour = ["--color", "always"] if decorated else []
    result = run(*colour, command, env={"COLUMNS": "80", "NO_COLOR": None})
    lines = ESCAPES.sub("", result.stdout).splitlines()
    # A URL longer than a line keeps a line of its own, so that it still works when copied.
    assert max(len(line) for line in lines if " " in line.strip()) <= 80


def test_refs_never_point_to_where_a_copy_of_the_article_is_kept(run: Run) -> None:
    out = run("refs").stdout
    assert "shared/" not in out
    assert "https://www.mentalhealthgeneral.com/psychodynamic-psychotherapy-" in out
