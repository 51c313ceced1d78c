"""The other commands: list, compare, conditions, sessions, refs, search, crisis, find-therapist."""

from __future__ import annotations

import json
import time

import pytest

from conftest import Run, flat


def test_list_shows_every_therapy_with_its_typical_sessions(run: Run) -> None:
    out = run("list").stdout
    assert "Psychodynamic psychotherapy" in out
    assert "Psychoanalytic psychotherapy" in out
    assert "6–16" in out


def test_compare_defaults_to_every_therapy(run: Run) -> None:
    out = run("compare").stdout
    for first_word in ("Psychodynami", "Psychoanalyt", "Cognitive", "EMDR", "Couple"):
        assert first_word in out


@pytest.mark.parametrize(
    "row",
    [
        "Basis",
        "Focus",
        "Typical sessions",
        "On the NHS",
        "Privately",
        "How often",
        "Used for",
        "Key evidence",
    ],
)
def test_compare_has_a_row_for_each_aspect(run: Run, row: str) -> None:
    assert f"\n{row}\n  Psychodynamic psychotherapy: " in run("compare").stdout


def test_compare_named_therapies_only(run: Run) -> None:
    therapies = json.loads(run("compare", "STPP", "--format", "json").stdout)["data"]["therapies"]
    assert [t["id"] for t in therapies] == ["psychodynamic"]


def test_compare_unknown_therapy_exits_1(run: Run) -> None:
    assert run("compare", "psychodynamic", "nonsense").exit_code == 1


@pytest.mark.parametrize(
    "synonym", ["OCD", "obsessive-compulsive disorder", "ocd", "Obsessive Compulsive Disorder"]
)
def test_conditions_resolves_synonyms(run: Run, synonym: str) -> None:
    assert run("conditions", synonym).stdout.startswith("Obsessive-compulsive disorder\n")


def test_conditions_maps_addiction_to_substance_related_disorders(run: Run) -> None:
    assert run("conditions", "addiction").stdout.startswith("Substance-related disorders\n")


def test_conditions_depression_carries_the_severe_depression_caveat(run: Run) -> None:
    out = flat(run("conditions", "depression").stdout)
    assert "Caveat: The article says that for severe depression a longer-term therapy" in out
    assert "Psychoanalytic psychotherapy" in out


def test_conditions_without_argument_is_an_evidence_matrix(run: Run) -> None:
    lines = run("conditions").stdout.splitlines()
    depression = next(line for line in lines if line.startswith("Depression "))
    assert depression.split()[1:4] == ["●", "●", "◐"]  # psychodynamic, psychoanalytic, CBT
    assert "●  studied: the sources cite trials, reviews or meta-analyses" in lines


def test_evidence_matrix_fits_80_columns(run: Run) -> None:
    out = run("conditions", env={"COLUMNS": "80"}).stdout
    assert max(len(line) for line in out.split("\nKey\n")[0].splitlines()) <= 80


def test_conditions_unknown_exits_1_with_a_suggestion(run: Run) -> None:
    result = run("conditions", "depresion")
    assert result.exit_code == 1
    assert "did you mean 'Depression'?" in result.stderr


def see_also(out: str) -> str:
    return out.split("\nSee also\n")[1].split("\n\n")[0]


def test_a_broad_condition_lists_its_specific_ones_with_the_command_for_each(run: Run) -> None:
    assert see_also(run("conditions", "trauma").stdout) == (
        "Post-traumatic stress disorder  therapy conditions ptsd"
    )


def test_a_condition_with_no_see_also_has_no_such_heading(run: Run) -> None:
    assert "\nSee also\n" not in run("conditions", "ptsd").stdout


def test_conditions_json_gives_each_condition_s_see_also_ids(run: Run) -> None:
    result = run("conditions", "personality disorders", "--format", "json")
    [condition] = json.loads(result.stdout)["data"]["conditions"]
    assert condition["see_also"] == ["borderline-personality-disorder"]


def test_sessions_gives_typical_nhs_and_private_guidance(run: Run) -> None:
    out = flat(run("sessions", "psychodynamic").stdout)
    for label in ("Typical course", "On the NHS", "Privately", "Longer-term work"):
        assert label in out
    assert "between 6 and 16 sessions" in out


def test_sessions_without_argument_charts_every_therapy(run: Run) -> None:
    lines = run("sessions").stdout.splitlines()
    psychodynamic = next(line for line in lines if line.startswith("Psychodynamic psychotherapy"))
    assert "█" in psychodynamic and psychodynamic.endswith("6–16 [1]")
    assert any(
        line.startswith("Mentalisation-based treatment") and "12–18 months" in line
        for line in lines
    )


def test_session_chart_has_a_scale_and_a_legend(run: Run) -> None:
    out = run("sessions").stdout
    assert "sessions\n" in out
    assert any(line.split() == ["10", "20", "30", "40", "50", "60"] for line in out.splitlines())
    assert "█  typical course" in out and "▶  private or longer-term work can go further" in out


def test_session_chart_fits_80_columns(run: Run) -> None:
    out = run("sessions", env={"COLUMNS": "80"}).stdout
    chart = out.split("█  typical course")[0]
    assert max(len(line) for line in chart.splitlines()) <= 80


def test_refs_lists_the_six_article_references_in_apa_style(run: Run) -> None:
    out = flat(run("refs").stdout)
    for citation in (
        "Leichsenring, F. (2005).",
        "Driessen, E., Cuijpers, P., de Maat, S. C. M., Abbass, A. A., de Jonghe, F., & "
        "Dekker, J. J. M. (2010).",
        "Bond, M., & Perry, J. C. (2004).",
        "Abbass, A., Kisely, S., & Kroenke, K. (2009).",
        "Leichsenring, F., Abbass, A., Luyten, P., Hilsenroth, M. J., & Rabung, S. (2013).",
        "Anestis, M. D., Anestis, J. C., & Lilienfeld, S. O. (2011).",
    ):
        assert citation in out


def test_refs_flags_unconfirmed_fields(run: Run) -> None:
    assert "[Unconfirmed: issue, doi.]" in flat(run("refs").stdout)


def test_refs_for_one_therapy_lists_only_what_it_cites(run: Run) -> None:
    out = run("refs", "--therapy", "psychoanalytic").stdout
    assert "Tavistock" in out
    assert "Samaritans" not in out


def test_search_shows_where_each_match_is(run: Run) -> None:
    out = run("search", "somatic").stdout
    assert "Psychodynamic psychotherapy › effectiveness" in out


def test_search_accepts_us_spellings(run: Run) -> None:
    assert "defence mechanisms" in flat(run("search", "defense mechanisms").stdout)


def test_search_without_a_match_exits_1(run: Run) -> None:
    result = run("search", "xylophone")
    assert result.exit_code == 1
    assert "nothing matches 'xylophone'" in result.stderr


@pytest.mark.parametrize(
    "number", ["116 123", "111", "999", "85258", "988", "911", "1-800-662-HELP (4357)"]
)
def test_crisis_shows_every_region_by_default(run: Run, number: str) -> None:
    assert number in flat(run("crisis").stdout)


def test_crisis_region_limits_to_that_region(run: Run) -> None:
    out = run("crisis", "--region", "us").stdout
    assert "988" in out
    assert "116 123" not in out


def test_crisis_unknown_region_is_a_usage_error(run: Run) -> None:
    result = run("crisis", "--region", "mars")
    assert result.exit_code == 2
    assert "uk, us, international" in result.stderr


def test_find_therapist_uk_covers_gp_and_registers(run: Run) -> None:
    out = flat(run("find-therapist", "--region", "uk").stdout)
    for phrase in ("GP", "BACP", "UKCP", "British Psychoanalytic Council"):
        assert phrase in out


def test_version_prints_the_version(run: Run) -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("therapy 0.")


@pytest.mark.parametrize(
    "command",
    [
        "list",
        "show",
        "compare",
        "conditions",
        "sessions",
        "refs",
        "search",
        "crisis",
        "find-therapist",
    ],
)
def test_every_command_help_shows_examples(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert "Usage" in result.stdout + result.stderr


def test_unknown_command_is_a_usage_error(run: Run) -> None:
    assert run("shwo").exit_code == 2


def test_a_very_long_search_is_refused_at_once_with_exit_2(run: Run) -> None:
    started = time.monotonic()
    result = run("search", "depression " * 1000)
    assert result.exit_code == 2
    assert "a search is at most 200 characters; this one has 11,000" in result.stderr
    assert time.monotonic() - started < 1


def test_a_search_repeating_a_word_searches_it_once(run: Run) -> None:
    once, repeated = run("search", "somatic").stdout, run("search", "somatic " * 20).stdout
    assert once == repeated


def test_search_finds_a_word_inside_a_longer_one(run: Run) -> None:
    assert "psychosomatic" in run("search", "somatic").stdout


def test_search_ignores_symbols_and_single_letters(run: Run) -> None:
    assert run("search", "C++ Freud").stdout == run("search", "freud").stdout


@pytest.mark.parametrize("query", ["%%% ++", "C++", "\\d", "%s"])
def test_a_search_with_no_real_word_is_a_usage_error(run: Run, query: str) -> None:
    result = run("search", query)
    assert result.exit_code == 2
    assert "at least one word of two or more letters or digits" in result.stderr


@pytest.mark.parametrize("us", ["recognized", "randomized", "organization"])
def test_search_finds_british_spellings_from_us_ones(run: Run, us: str) -> None:
    assert run("search", us).exit_code == 0


def test_an_unknown_name_pasted_at_length_is_not_echoed_back_whole(run: Run) -> None:
    result = run("show", "x" * 30_000)
    assert result.exit_code == 1
    assert len(result.stderr) < 500
