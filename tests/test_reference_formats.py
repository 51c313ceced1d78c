"""`therapy refs --format`: exports that real bibliography tools read back."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from pybtex.database import parse_string

from conftest import Run
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

KB = load([builtin_path()])


def test_bibtex_parses_in_pybtex_with_readable_keys_and_dois(run: Run) -> None:
    result = run("refs", "--format", "bibtex")
    database = parse_string(result.stdout, "bibtex")
    assert set(database.entries) == {r.id for r in KB.references}
    entry = database.entries["abbass2009"]
    assert entry.fields["doi"] == "10.1159/000228247"
    assert entry.fields["number"] == "5"
    assert [str(p) for p in entry.persons["author"]] == ["Abbass, A.", "Kisely, S.", "Kroenke, K."]


def test_bibtex_carries_the_disclaimer_as_a_comment(run: Run) -> None:
    stdout = run("refs", "--format", "bibtex").stdout
    assert "@comment{For general information only." in stdout


def test_ris_reads_in_rispy(run: Run) -> None:
    records = rispy.loads(run("refs", "--format", "ris").stdout)
    assert len(records) == len(KB.references)
    bond = next(r for r in records if r.get("id") == "bond2004")
    assert bond["doi"] == "10.1176/appi.ajp.161.9.1665"
    assert bond["authors"] == ["Bond, M.", "Perry, J. C."]
    assert (bond["start_page"], bond["end_page"]) == ("1665", "1671")


def test_csl_json_renders_in_citeproc(run: Run) -> None:
    items = json.loads(run("refs", "--format", "csl-json").stdout)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain
    )
    bibliography.register(Citation([CitationItem("driessen2010")]))
    rendered = str(bibliography.bibliography()[0])
    assert "Driessen" in rendered
    assert "efficacy of short-term psychodynamic psychotherapy" in rendered


@pytest.mark.parametrize("export", ["ris", "csl-json"])
def test_machine_formats_send_the_disclaimer_to_stderr(run: Run, export: str) -> None:
    result = run("refs", "--format", export)
    assert "For general information only" in result.stderr
    assert "For general information only" not in result.stdout


def test_format_and_therapy_filter_combine(run: Run) -> None:
    items = json.loads(run("refs", "--therapy", "EMDR", "--format", "csl-json").stdout)
    ids = {item["id"] for item in items}
    assert "lewis2020-ptsd-review" in ids and "driessen2010" not in ids


def test_every_article_reference_keeps_its_doi_in_every_format(run: Run) -> None:
    dois = ["10.1176/appi.ajp.161.9.1665", "10.1159/000228247", "10.1016/j.cpr.2009.08.010"]
    for export in ("text", "bibtex", "ris", "csl-json"):
        out = run("refs", "--format", export).stdout
        assert all(doi in out for doi in dois), export


def test_unknown_format_is_a_usage_error(run: Run) -> None:
    assert run("refs", "--format", "docx").exit_code == 2


HOSTILE = """schema_version: 1
references:
  - id: hostile
    kind: paper
    authors: ["Evil, E."]
    year: 2020
    title: "Braces {like} these, a \\\\ backslash, 100% & an \\e[31mescape\\u202e"
    container: "Journal}{of Escapes"
    doi: "10.1/x}y"
    notes: ["A note with \\u2028 a separator"]
"""


@pytest.fixture
def hostile(kb_file: Callable[..., Path]) -> str:
    return str(kb_file(HOSTILE, "hostile.yaml"))


@pytest.mark.parametrize("export", ["bibtex", "ris", "csl-json"])
def test_exports_carry_no_control_characters(run: Run, hostile: str, export: str) -> None:
    out = run("--data", hostile, "refs", "--format", export).stdout
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]", out)


def test_bibtex_escapes_braces_so_every_entry_still_parses(run: Run, hostile: str) -> None:
    database = parse_string(run("--data", hostile, "refs", "--format", "bibtex").stdout, "bibtex")
    entry = database.entries["hostile"]
    assert "like" in entry.fields["title"] and "Escapes" in entry.fields["journal"]
    assert len(database.entries) == len(KB.references) + 1


@pytest.mark.parametrize("bad_id", ["smith,2020", "a{b}", "two words", "Upper"])
def test_an_id_that_would_break_an_export_is_refused(
    run: Run, kb_file: Callable[..., Path], bad_id: str
) -> None:
    text = (
        "schema_version: 1\nreferences:\n"
        f'  - {{id: "{bad_id}", kind: web, title: T, url: https://example.org,\n'
        "      accessed: 2026-01-01}\n"
    )
    result = run("--data", str(kb_file(text)), "list")
    assert result.exit_code == 3
    assert "an id is lower-case letters" in result.stderr
