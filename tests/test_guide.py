"""`therapy guide`: a decision aid that asks, compares and never advises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from conftest import CLEAN_ENV, Run, flat
from therapy_cli.cli import app
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

KB = load([builtin_path()])
assert KB.guide is not None
GUIDE = KB.guide
REGIONS = [r.id for r in GUIDE.regions]
CONDITIONS_WITH_THERAPIES = [
    c.id
    for c in KB.conditions
    if any(u.condition == c.id for t in KB.therapies for u in t.used_for)
]
# Wording that would be advice in the tool's own voice (the sources' advice is attributed).
ADVICE = re.compile(
    r"\b(we recommend|we suggest|we advise|you should|you must|best (option|choice|therapy) for"
    r" you|right (choice|therapy|option) for you|ideal for you|suits you)\b",
    re.IGNORECASE,
)
ENGLAND_ADULT_ROUTE = "adults can refer themselves to NHS Talking Therapies"


def guide_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("guide", "--no-input", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)["data"]
    return data


def ask(*args: str, answers: str) -> Result:
    """Run the guide with its questions asked, answering them with the lines of `answers`."""
    return CliRunner().invoke(app, ["guide", "--ask", *args], input=answers, env=CLEAN_ENV)


# The safety question


def test_in_danger_shows_urgent_help_and_nothing_else(run: Run) -> None:
    result = run("guide", "--in-danger", "--condition", "depression")
    assert result.exit_code == 0
    assert "Urgent help" in result.stdout and "116 123" in result.stdout and "988" in result.stdout
    assert "side by side" not in result.stdout


@pytest.mark.parametrize("other", [["--prefer", "nonsense"], ["-r", "mars"], ["-c", "zzz"]])
def test_in_danger_shows_urgent_help_whatever_else_is_wrong(run: Run, other: list[str]) -> None:
    result = run("guide", "--in-danger", *other)
    assert result.exit_code == 0 and "116 123" in result.stdout


def test_in_danger_shows_the_urgent_help_for_where_the_person_lives(run: Run) -> None:
    out = run("guide", "--in-danger", "--region", "us").stdout
    assert "988" in out and "116 123" not in out


UK_NATION_LINES = {
    "england": "NHS 111, mental health option (England)",
    "scotland": "NHS 24 on 111 (Scotland)",
    "wales": "NHS 111 Wales, press 2 (Wales)",
    "northern-ireland": "Lifeline (Northern Ireland)",
}


@pytest.mark.parametrize("nation", UK_NATION_LINES)
def test_in_danger_shows_a_uk_nation_its_own_line_and_no_other_nation_s(
    run: Run, nation: str
) -> None:
    out = run("guide", "--in-danger", "--region", nation).stdout
    assert UK_NATION_LINES[nation] in out and "116 123" in out
    assert not any(line in out for other, line in UK_NATION_LINES.items() if other != nation)


@pytest.mark.parametrize("nation", UK_NATION_LINES)
def test_the_first_line_points_a_uk_nation_to_its_own_line(run: Run, nation: str) -> None:
    first = flat(run("guide", "--no-input", "--region", nation).stdout.split("Your options")[0])
    assert UK_NATION_LINES[nation] in first
    assert not any(line in first for other, line in UK_NATION_LINES.items() if other != nation)


def test_in_danger_with_no_region_shows_every_nation_s_line(run: Run) -> None:
    out = run("guide", "--in-danger").stdout
    assert all(line in out for line in UK_NATION_LINES.values())


def test_answering_yes_to_the_safety_question_shows_urgent_help_and_stops(run: Run) -> None:
    result = ask(answers="y\n")
    assert result.exit_code == 0
    assert GUIDE.questions["safety"] in result.stderr
    assert "116 123" in result.stdout and "988" in result.stdout
    assert GUIDE.questions["region"] not in result.stderr  # no further question


def test_the_safety_question_shows_urgent_help_even_with_a_broken_file(
    kb_file: Callable[..., Path],
) -> None:
    broken = kb_file("schema_version: 1\ntherapies: [oops\n", "broken.yaml")
    result = CliRunner().invoke(
        app, ["--data", str(broken), "guide", "--ask"], input="yes\n", env=CLEAN_ENV
    )
    assert result.exit_code == 0
    assert "116 123" in result.stdout and "broken.yaml" in result.stdout


@pytest.mark.parametrize("output", ["text", "markdown"])
def test_every_other_guide_starts_with_the_urgent_help_pointer(run: Run, output: str) -> None:
    first = run("guide", "--no-input", "-r", "england", "-c", "ocd", "-f", output).stdout
    assert "116 123" in first.splitlines()[0]


def test_without_a_region_the_pointer_names_every_crisis_region(run: Run) -> None:
    first = run("guide", "--no-input").stdout.splitlines()[0]
    assert "therapy crisis" in first and "United Kingdom" in first


def test_a_broad_condition_points_to_the_guide_for_each_specific_one(run: Run) -> None:
    out = run("guide", "--no-input", "-c", "anxiety").stdout
    section = out.split("\nSee also\n")[1].split("\n\n")[0]
    assert "Panic disorder" in section and "therapy guide -c panic-disorder" in section
    assert out.index("\nSee also\n") < out.index("The options side by side")


def test_json_names_the_conditions_the_guide_points_to(run: Run) -> None:
    data = guide_json(run, "-c", "trauma")
    assert data["see_also"] == [{"id": "ptsd", "name": "Post-traumatic stress disorder"}]


def test_json_names_the_urgent_help_with_its_contacts(run: Run) -> None:
    urgent = guide_json(run, "--region", "us")["urgent_help"]
    assert [r["id"] for r in urgent] == ["us"]
    assert any("988" in c["contact"] for c in urgent[0]["contacts"])


# Where you live


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_shows_its_own_route(run: Run, region: str) -> None:
    data = guide_json(run, "--region", region, "--age", "adult")
    (route,) = data["routes"]
    assert route["region"]["id"] == region
    (place,) = [r for r in GUIDE.regions if r.id == region]
    expected = [s.statement.text for s in place.route if s.applies(region, "adult")]
    assert [s["text"] for s in route["statements"]] == expected


def test_self_referral_is_the_route_in_england_only(run: Run) -> None:
    for region in REGIONS:
        out = flat(run("guide", "--no-input", "-r", region, "--age", "adult").stdout)
        assert (ENGLAND_ADULT_ROUTE in out) == (region == "england"), region


def test_under_18s_in_england_are_given_the_young_peoples_route(run: Run) -> None:
    out = flat(run("guide", "--no-input", "-r", "england", "--age", "under-18").stdout)
    assert "children and young people's mental health services" in out
    assert ENGLAND_ADULT_ROUTE not in out


def test_a_region_with_no_route_says_so_and_points_to_urgent_help(run: Run) -> None:
    out = flat(run("guide", "--no-input", "-r", "elsewhere").stdout)
    assert "Not known: this knowledge base describes routes to therapy in England" in out


def test_without_a_region_every_route_is_shown(run: Run) -> None:
    assert len(guide_json(run)["routes"]) == len(REGIONS)


def test_regions_are_matched_by_name_in_any_case(run: Run) -> None:
    assert (
        guide_json(run, "-r", "Northern Ireland")["answers"]["region"]["id"] == "northern-ireland"
    )


def test_an_unknown_region_is_exit_2_listing_the_regions(run: Run) -> None:
    result = run("guide", "--no-input", "--region", "mars")
    assert result.exit_code == 2
    assert "england, scotland, wales" in result.stderr


# The options


@pytest.mark.parametrize("condition", CONDITIONS_WITH_THERAPIES)
def test_each_condition_sets_up_to_four_options_side_by_side_with_the_same_rows(
    run: Run, condition: str
) -> None:
    data = guide_json(run, "--condition", condition, "--region", "england")
    rows = [row["id"] for row in data["rows"]]
    assert 1 <= len(data["options"]) <= 4
    assert all(list(option["rows"]) == rows for option in data["options"])


@pytest.mark.parametrize("condition", CONDITIONS_WITH_THERAPIES)
def test_every_option_row_is_cited_or_marked_not_known(run: Run, condition: str) -> None:
    out = flat(run("guide", "--no-input", "-c", condition, "-r", "wales").stdout)
    data = guide_json(run, "--condition", condition, "--region", "wales")
    for option in data["options"]:
        for statements in option["rows"].values():
            assert all(s["citations"] for s in statements)
    empty = sum(not s for o in data["options"] for s in o["rows"].values())
    assert out.count("Not known: the sources in this knowledge base do not say.") == empty


def test_nhs_costs_are_shown_only_in_the_uk_nations(run: Run) -> None:
    for region, nhs in (("us", False), ("elsewhere", False), ("wales", True)):
        options = guide_json(run, "-c", "depression", "-r", region)["options"]
        texts = " ".join(s["text"] for o in options for s in o["rows"]["cost"])
        assert ("NHS" in texts) == nhs, region


def test_depression_options_follow_nices_order(run: Run) -> None:
    options = [o["id"] for o in guide_json(run, "-c", "depression")["options"]]
    assert options == [
        "guided-self-help",
        "cbt",
        "behavioural-activation",
        "interpersonal-psychotherapy",
    ]


def test_without_a_sourced_order_the_strongest_evidence_comes_first(run: Run) -> None:
    levels = [o["evidence"] for o in guide_json(run, "-c", "anxiety")["options"]]
    assert levels == sorted(levels, key=["studied", "offered", "listed"].index)


def test_after_the_sourced_order_the_rest_follow_by_evidence(run: Run) -> None:
    data = guide_json(run, "-c", "ocd")
    assert [o["id"] for o in data["options"]][:2] == ["erp", "cbt"]
    rest = [o["evidence"] for o in data["options"][2:]]
    assert rest == sorted(rest, key=["studied", "offered", "listed"].index)
    assert data["order_basis"]["sources"] == ["csj-ocd-guidance-2005"]


def test_the_therapies_left_out_are_named(run: Run) -> None:
    data = guide_json(run, "-c", "depression")
    shown = {o["id"] for o in data["options"]} | {t["id"] for t in data["others"]}
    used = {t.id for t in KB.therapies for u in t.used_for if u.condition == "depression"}
    assert shown == used


def test_what_matters_never_changes_the_options_or_their_order(run: Run) -> None:
    plain = guide_json(run, "-c", "depression")["options"]
    rated = guide_json(
        run, "-c", "depression", "--prefer", "short-course=not-much", "--prefer", "cost=a-lot"
    )["options"]
    assert [o["id"] for o in rated] == [o["id"] for o in plain]


def test_what_matters_is_shown_against_every_option(run: Run) -> None:
    out = run("guide", "--no-input", "-c", "depression", "--prefer", "short-course=a-lot").stdout
    part = out.split("What you said matters, for each option", 1)[1].split("Not starting")[0]
    assert part.count("matters a lot") == 2  # once in each table of two options
    assert all(f"{t} sessions" in part for t in ("6–8", "6–12"))


def test_not_sure_shows_no_options_but_the_conditions_it_can_compare(run: Run) -> None:
    out = flat(run("guide", "--no-input").stdout)
    assert "You did not name a condition" in out and "Depression" in out


def test_a_condition_with_no_therapy_says_so(run: Run, kb_file: Callable[..., Path]) -> None:
    overlay = kb_file("schema_version: 1\nconditions:\n  - {id: boredom, name: Boredom}\n")
    out = flat(run("--data", str(overlay), "guide", "--no-input", "-c", "boredom").stdout)
    assert "The sources connect no therapy in this knowledge base to Boredom" in out


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_condition_is_not_sure(run: Run, blank: str) -> None:
    assert guide_json(run, "--condition", blank)["answers"]["condition"] is None


def test_a_preference_whose_row_an_overlay_leaves_out_still_shows_its_answer(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    rows = "schema_version: 1\nguide:\n  rows:\n    - {id: what-it-is, name: What it is}\n"
    args = ("--data", str(kb_file(rows)), "guide", "--no-input", "-c", "depression")
    result = run(*args, "--prefer", "cost=a-lot", "--prefer", "short-course=a-lot")
    assert result.exit_code == 0
    assert "Free on the NHS or private" in result.stdout and "6–8 sessions" in result.stdout


def test_an_unknown_condition_is_exit_1_with_suggestions(run: Run) -> None:
    result = run("guide", "--no-input", "-c", "depresion")
    assert result.exit_code == 1
    assert "Depression" in result.stderr


@pytest.mark.parametrize(
    "prefer",
    ["colour=a-lot", "short-course=hugely", "short-course", "=a-lot"],
)
def test_a_bad_preference_is_exit_2_saying_what_is_allowed(run: Run, prefer: str) -> None:
    result = run("guide", "--no-input", "--prefer", prefer)
    assert result.exit_code == 2
    assert "use one of" in result.stderr or "WHAT=RATING" in result.stderr


# The rest of the page


def test_the_guide_ends_with_questions_sources_review_date_upkeep_and_funding(run: Run) -> None:
    out = run("guide", "--no-input", "-c", "depression", "-r", "england").stdout
    order = [
        "Not starting therapy now",
        "Questions to ask a GP or therapist",
        "Sources",
        f"Content last reviewed  {GUIDE.reviewed}",
        "Funding",
    ]
    places = [out.index(part) for part in order]
    assert places == sorted(places)


def test_the_markdown_handout_has_a_table_per_two_options(run: Run) -> None:
    out = run("guide", "--no-input", "-c", "depression", "-r", "england", "-f", "markdown").stdout
    assert out.count("| Guided self-help | Cognitive behavioural therapy |") == 1
    assert "| **What NICE and the reviews say** |" in out


HANDOUT_ROWS = [r.name for r in GUIDE.rows if r.handout == "all"]
LEFT_OUT_OF_HANDOUT = [r.name for r in GUIDE.rows if r.handout == "rated"]


def handout(run: Run, *args: str) -> str:
    result = run(
        "guide", "--no-input", "-c", "depression", "-r", "england", "-f", "markdown", *args
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_markdown_handout_leaves_out_rows_about_what_was_not_rated(run: Run) -> None:
    out = handout(run)
    assert LEFT_OUT_OF_HANDOUT
    assert all(f"| **{row}** |" not in out for row in LEFT_OUT_OF_HANDOUT)
    assert all(f"| **{row}** |" in out for row in HANDOUT_ROWS)


def test_the_markdown_handout_says_which_rows_it_left_out_and_how_to_see_them(run: Run) -> None:
    note = next(line for line in handout(run).splitlines() if "Shortened to print" in line)
    assert all(f'"{row}"' in note for row in LEFT_OUT_OF_HANDOUT) and "--full" in note


def test_the_markdown_handout_keeps_a_row_the_person_rated(run: Run) -> None:
    out = handout(run, "--prefer", "cost=a-lot")
    assert "**Free on the NHS or private**" in out.split("## What you said matters")[1]
    assert '"Free on the NHS or private"' not in out


def test_full_gives_the_markdown_handout_every_row(run: Run) -> None:
    out = handout(run, "--full")
    assert all(f"| **{row.name}** |" in out for row in GUIDE.rows)
    assert "Shortened to print" not in out


def test_brief_shortens_the_terminal_guide_too(run: Run) -> None:
    args = ("guide", "--no-input", "-c", "depression", "--brief")
    assert "Shortened to print" in run(*args).stdout
    assert guide_json(run, "-c", "depression", "--brief")["brief"] is True


def test_the_text_and_json_guides_show_every_row_unless_asked(run: Run) -> None:
    assert "Shortened to print" not in run("guide", "--no-input", "-c", "depression").stdout
    data = guide_json(run, "-c", "depression")
    assert data["brief"] is False and len(data["rows"]) == len(GUIDE.rows)


def test_a_row_s_handout_setting_must_be_known(run: Run, kb_file: Callable[..., Path]) -> None:
    overlay = "schema_version: 1\nguide:\n  rows:\n    - {id: cost, name: Cost, handout: some}\n"
    result = run("--data", str(kb_file(overlay, "clinic.yaml")), "guide", "--no-input")
    assert result.exit_code == 3
    assert "clinic.yaml:4:" in result.stderr and "use one of all, rated" in result.stderr


# Never advice


ADVICE_RUNS = [
    [*region, *condition, *age, "--prefer", "short-course=a-lot", "--prefer", "online=a-little"]
    for region in (["-r", r] for r in REGIONS)
    for condition in ([], ["-c", "depression"], ["-c", "ptsd"], ["-c", "self-harm"])
    for age in ([], ["--age", "under-18"])
]


@pytest.mark.parametrize("output", ["text", "markdown", "json"])
def test_no_guide_output_gives_advice_in_its_own_voice(run: Run, output: str) -> None:
    for args in ADVICE_RUNS:
        result = run("guide", "--no-input", *args, "--format", output)
        assert result.exit_code == 0
        found = ADVICE.search(flat(result.stdout))
        assert found is None, (args, found)


@pytest.mark.parametrize("condition", CONDITIONS_WITH_THERAPIES)
def test_no_condition_s_guide_gives_advice(run: Run, condition: str) -> None:
    assert ADVICE.search(flat(run("guide", "--no-input", "-c", condition).stdout)) is None


def test_the_questions_themselves_give_no_advice() -> None:
    result = ask(answers="n\n1\ndepression\n1\n1\n2\n3\n1\n2\n3\n")
    assert ADVICE.search(flat(result.stderr)) is None


# Asking


def test_the_questions_are_asked_one_at_a_time_on_stderr() -> None:
    result = ask(answers="n\n1\ndepression\n1\n1\n\n\n\n\n\n")
    assert result.exit_code == 0
    questions = [GUIDE.questions[k] for k in ("safety", "region", "age", "preferences")]
    places = [result.stderr.index(q) for q in questions]
    assert places == sorted(places)
    assert not any(q in result.stdout for q in questions)


def test_answers_to_the_questions_shape_the_guide() -> None:
    data = json.loads(
        ask("--format", "json", answers="no\n1\ndepression\n2\n1\n\n\n\n\n\n").stdout
    )["data"]
    said = data["answers"]
    assert said["region"]["id"] == "england"
    assert said["condition"]["id"] == "depression"
    assert said["age"]["id"] == "under-18"
    assert [(p["id"], p["rating"]["id"]) for p in said["preferences"]] == [
        ("short-course", "a-lot")
    ]


def test_a_question_can_be_answered_by_name() -> None:
    data = json.loads(ask("--format", "json", answers="n\nWales\n\nadult\n").stdout)["data"]
    assert data["answers"]["region"]["id"] == "wales"
    assert data["answers"]["age"]["id"] == "adult"


def test_every_question_can_be_skipped_with_enter() -> None:
    result = ask("--format", "json", answers="\n\n\n\n" + "\n" * len(GUIDE.preferences))
    said = json.loads(result.stdout)["data"]["answers"]
    assert said == {"region": None, "condition": None, "age": None, "preferences": []}


def test_an_unknown_condition_is_asked_again_with_suggestions() -> None:
    result = ask("--format", "json", answers="n\n\ndepresion\ndepression\n\n")
    assert "did you mean 'Depression'?" in result.stderr
    assert json.loads(result.stdout)["data"]["answers"]["condition"]["id"] == "depression"


def test_a_choice_out_of_range_is_asked_again() -> None:
    result = ask("--format", "json", answers="n\n9\n2\n")
    assert "Not one of the choices" in result.stderr
    assert json.loads(result.stdout)["data"]["answers"]["region"]["id"] == "scotland"


def test_end_of_input_skips_the_remaining_questions() -> None:
    result = ask("-c", "ocd", answers="n\n")
    assert result.exit_code == 0
    assert "The options side by side" in result.stdout


def test_once_input_ends_nothing_more_is_asked() -> None:
    result = ask(answers="")
    assert result.exit_code == 0
    assert GUIDE.questions["safety"] in result.stderr
    assert GUIDE.questions["region"] not in result.stderr


def test_options_given_on_the_command_line_are_not_asked() -> None:
    result = ask("--safe", "-r", "england", "-c", "ocd", "--age", "adult", answers="")
    assert GUIDE.questions["safety"] not in result.stderr
    assert GUIDE.questions["region"] not in result.stderr
    assert GUIDE.questions["preferences"] in result.stderr  # the one left open


def test_it_never_asks_when_stdin_is_not_a_terminal(run: Run) -> None:
    result = CliRunner().invoke(app, ["guide", "-c", "ocd"], input="y\n", env=CLEAN_ENV)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "The options side by side" in result.stdout


def test_no_input_never_asks_even_with_answers_waiting() -> None:
    result = CliRunner().invoke(app, ["guide", "--no-input", "--ask"], input="y\n", env=CLEAN_ENV)
    assert result.stderr == "" and "Your options to talk over" in result.stdout


SCRIPT = Path(sys.executable).parent / "therapy"


@pytest.mark.skipif(
    not SCRIPT.exists() or not hasattr(os, "openpty"), reason="needs the script and a pty"
)
def test_on_a_real_terminal_it_asks_and_keeps_the_questions_out_of_a_redirected_file(
    tmp_path: Path,
) -> None:
    controller, terminal = os.openpty()
    env = {**{k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}, "HOME": str(tmp_path)}
    process = subprocess.Popen(
        [str(SCRIPT), "guide", "-f", "markdown"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env=env,
        cwd=tmp_path,
    )
    os.write(controller, b"n\n1\ndepression\n1\n\n\n\n\n\n\n")
    out, _ = process.communicate(timeout=60)
    os.close(terminal)
    prompts = b""
    try:
        while chunk := os.read(controller, 65536):
            prompts += chunk
    except OSError:  # the terminal has closed: everything has been read
        pass
    os.close(controller)
    assert process.returncode == 0
    assert GUIDE.questions["safety"].encode() in prompts
    assert b"Guided self-help" in out and GUIDE.questions["safety"].encode() not in out


# The knowledge base


LOCAL_ROUTE = """schema_version: 1
references:
  - {id: our-page, kind: web, title: Our clinic, url: https://example.org, accessed: 2026-01-01}
guide:
  regions:
    - id: england
      name: England
      crisis: uk
      route:
        - {text: Our clinic in Leeds takes self-referrals., sources: [our-page]}
"""


def test_a_clinic_overlay_gives_its_own_route(run: Run, kb_file: Callable[..., Path]) -> None:
    out = run("--data", str(kb_file(LOCAL_ROUTE)), "guide", "--no-input", "-r", "england").stdout
    assert "Our clinic in Leeds takes self-referrals." in out
    assert ENGLAND_ADULT_ROUTE not in flat(out)
    assert "Getting therapy: Scotland" not in out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("crisis: uk", "crisis: mars"), "no crisis region has the id 'mars'"),
        (("      name: England", "      name: England\n      shade: blue"), "unknown field"),
        (
            ("- {text: Our", "- {regions: [atlantis], text: Our"),
            "no guide region has the id 'atlantis'",
        ),
        (("guide:\n", "guide:\n  rows:\n    - {id: colour, name: Colour}\n"), "unknown id"),
        (("guide:\n", "guide:\n  reviewed: last week\n"), "expected a date"),
        (
            (
                "guide:\n",
                "crisis:\n  - id: uk\n    name: UK\n    services:\n      - name: A line"
                "\n        regions: [atlantis]\n        details: [{text: A., sources: [our-page]}]"
                "\nguide:\n",
            ),
            "no guide region has the id 'atlantis'",
        ),
    ],
)
def test_a_bad_guide_in_an_overlay_is_exit_3_with_file_and_line(
    run: Run, kb_file: Callable[..., Path], change: tuple[str, str], message: str
) -> None:
    path = kb_file(LOCAL_ROUTE.replace(*change), "clinic.yaml")
    result = run("--data", str(path), "guide", "--no-input")
    assert result.exit_code == 3
    assert re.search(r"clinic\.yaml:\d+:", result.stderr) and message in result.stderr


def test_guide_options_must_be_used_for_their_condition(
    run: Run, kb_file: Callable[..., Path]
) -> None:
    overlay = """schema_version: 1
conditions:
  - id: ptsd
    name: PTSD
    guide_options:
      therapies: [erp]
      basis: {text: A list., sources: [source-article]}
"""
    result = run("--data", str(kb_file(overlay)), "guide", "--no-input")
    assert result.exit_code == 3
    assert "therapy 'erp' is not used for 'ptsd'" in result.stderr
