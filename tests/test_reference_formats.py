"""`therapy refs --format`: exports that real bibliography tools read back."""

from __future__ import annotations

import json

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
