"""`therapy show NAME`: every section of a therapy, sourced and numbered."""

from __future__ import annotations

import pytest

from conftest import Run

SECTION_TITLES = [
    "Overview",
    "The science",
    "How it works",
    "Session length",
    "Who it helps",
    "Effectiveness",
    "Finding a therapist",
    "See also",
    "References",
]


def test_show_prints_every_section_in_order(run: Run) -> None:
    out = run("show", "psychodynamic").stdout
    positions = [out.index(f"\n{title}\n") for title in SECTION_TITLES]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "name",
    [
        "psychodynamic",
        "Psychodynamic Psychotherapy",
        "STPP",
        "stpp",
        "psychodynamic therapy",
        "  PSYCHODYNAMIC  ",
    ],
)
def test_show_resolves_id_name_and_alias_in_any_case(run: Run, name: str) -> None:
    result = run("show", name)
    assert result.exit_code == 0
    assert result.stdout.startswith("Psychodynamic psychotherapy\n")


def test_psychoanalytical_resolves_to_psychoanalytic_psychotherapy(run: Run) -> None:
    assert run("show", "psychoanalytical").stdout.startswith("Psychoanalytic psychotherapy\n")


# One phrase for each fact of the source article, as the knowledge base words it.
ARTICLE_FACTS = [
    "closely related to psychoanalytic",
    "draws more areas into the therapy process",
    "unconscious mind",
    "past trauma gets pushed to the back of the mind",
    "defence mechanisms to cope",
    "shorter-term therapy than others",
    "not the same as psychoanalytic psychotherapy",
    "into adulthood",
    "psychological disturbance",
    "healthier patterns of thought",
    "wide range of techniques",
    "Sigmund Freud's theory of psychoanalysis",
    "more recent research",
    "hopes for the future, even recent dreams",
    "patterns and recurring themes",
    "relationship between patient and therapist",
    "goes further into the past",
    "come to terms with past events",
    "very rarely go beyond 15 to 20",
    "as few as 6",
    "at most 16",
    "between 6 and 16 sessions on the NHS",
    "as long as they wish",
    "Commitment to the therapeutic process",
    "large improvement in their symptoms",
    "long-term benefits",
    "relapse can happen",
    "Depression:",
    "Anxiety:",
    "Substance-related disorders:",
    "Obsessive-compulsive disorder:",
    "Eating disorders:",
    "Trauma-related conditions:",
    "relationship difficulties, a sense that life has lost its meaning",
    "People without a mental health condition also use it",
    "not everyone finds it helpful",
    "seems to work in most cases",
    "efficacy consistently across studies",
    "long-term, positive changes in defence mechanisms",
    "Somatic disorders have proved hard to treat",
    "severe depression or some personality disorders",
    "object to Freud's theories",
    "it is not for everyone",
    "speaking to your GP",
    "recommend a therapist",
    "therapist directory",
    "adding medication",
    "many other kinds of therapy",
]


@pytest.mark.parametrize("phrase", ARTICLE_FACTS)
def test_show_psychodynamic_holds_each_fact_of_the_article(run: Run, phrase: str) -> None:
    out = " ".join(run("show", "psychodynamic").stdout.split())
    assert phrase in out


def test_show_numbers_citations_and_lists_the_cited_papers(run: Run) -> None:
    out = run("show", "psychodynamic").stdout
    references = out[out.index("\nReferences\n") :]
    for author in (
        "Leichsenring, F. (2005)",
        "Driessen, E.",
        "Bond, M.",
        "Abbass, A.",
        "Anestis, M. D.",
    ):
        assert author in references
    assert "https://doi.org/10.1176/appi.ajp.161.9.1665" in references


def test_show_corrects_the_abbass_issue_number(run: Run) -> None:
    out = " ".join(run("show", "psychodynamic").stdout.split())
    assert "Psychotherapy and Psychosomatics, 78(5), 265–274" in out
    assert "9912" in out  # the correction note names the slip it corrects


def test_show_notes_the_corrected_therapy_name_in_effectiveness(run: Run) -> None:
    out = " ".join(run("show", "psychodynamic").stdout.split())
    assert "Correction: The article names psychoanalytical psychotherapy" in out


def test_show_section_prints_only_that_section(run: Run) -> None:
    out = run("show", "STPP", "--section", "effectiveness").stdout
    assert "\nEffectiveness\n" in out
    assert "\nOverview\n" not in out
    assert "\nReferences\n" in out


def test_show_unknown_section_is_a_usage_error_listing_the_choices(run: Run) -> None:
    result = run("show", "psychodynamic", "--section", "efectiveness")
    assert result.exit_code == 2
    assert "did you mean 'effectiveness'?" in result.stderr


def test_show_sources_lists_sources_under_each_section(run: Run) -> None:
    out = run("show", "psychodynamic", "--sources").stdout
    assert out.count("Sources for this section:") >= 6


def test_show_unknown_therapy_exits_1_with_suggestions_on_stderr(run: Run) -> None:
    result = run("show", "psychodynamc")
    assert result.exit_code == 1
    assert "no therapy called 'psychodynamc'" in result.stderr
    assert "did you mean 'Psychodynamic psychotherapy'?" in result.stderr
    assert result.stdout == ""


def test_show_hides_nothing_when_the_name_has_stray_punctuation(run: Run) -> None:
    assert run("show", "psycho-dynamic").exit_code == 1
    assert run("show", "psychodynamic!").exit_code == 0
