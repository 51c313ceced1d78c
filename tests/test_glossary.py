"""`therapy glossary`: plain-word meanings, each sourced; and what `show` adds from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import Run, flat
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

KB = load([builtin_path()])
SOURCE = Path(__file__).parents[2] / "shared" / "sources" / "glossary.md"
HEADWORDS = (
    re.findall(r"^### (.+?)(?: \(aliases:.*\))?$", SOURCE.read_text(encoding="utf-8"), re.M)
    if SOURCE.exists()
    else [t.term for t in KB.glossary]
)


@pytest.mark.parametrize("headword", HEADWORDS)
def test_every_term_of_the_sources_glossary_is_answered(run: Run, headword: str) -> None:
    result = run("glossary", headword)
    assert result.exit_code == 0, result.stderr
    assert "[1" in result.stdout  # its definition cites a source


def test_the_glossary_has_about_45_terms() -> None:
    assert len(KB.glossary) >= 45


@pytest.mark.parametrize(("typed", "term"), [("defense mechanism", "defence mechanism"),
                                             ("Transference", "transference"),
                                             ("mentalization", "mentalising")])  # fmt: skip
def test_aliases_and_us_spellings_find_the_term(run: Run, typed: str, term: str) -> None:
    assert run("glossary", typed).stdout.splitlines()[0] == term


def test_an_unknown_term_is_exit_1_with_suggestions(run: Run) -> None:
    result = run("glossary", "transferance")
    assert result.exit_code == 1
    assert "did you mean 'transference'?" in result.stderr


def test_without_a_term_the_glossary_lists_every_term(run: Run) -> None:
    lines = run("glossary").stdout.splitlines()
    ids = {line.split("\t")[0] for line in lines if "\t" in line}
    assert ids == {t.id for t in KB.glossary}


def test_search_finds_glossary_definitions(run: Run) -> None:
    assert "glossary › transference" in run("search", "therapist parent").stdout


def test_show_lists_the_glossary_terms_a_page_uses(run: Run) -> None:
    out = flat(run("show", "psychodynamic").stdout)
    assert "Terms used here: unconscious, defence mechanism, transference" in out


def test_an_effect_size_gets_its_plain_meaning_and_its_source(run: Run) -> None:
    out = flat(run("show", "psychodynamic", "--section", "effectiveness").stdout)
    assert "Effect size: d = 0.69 is medium (0.5 or more; large from 0.8)" in out
    assert "What is an effect size?" in out  # the benchmarks' source is listed


def test_completion_knows_the_terms() -> None:
    from therapy_cli import completion

    assert ("transference", "transference") in completion.terms("transf")
