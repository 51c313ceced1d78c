"""Fuzz the knowledge-base loader: `python tests/fuzz_loader.py [--examples N]`.

Feeds arbitrary bytes, arbitrary text and YAML-shaped documents to the loader and fails on any
outcome other than a valid knowledge base or a KnowledgeBaseError (which becomes exit 3).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from therapy_cli.errors import KnowledgeBaseError
from therapy_cli.kb.files import builtin_path
from therapy_cli.kb.load import load

YAML_SNIPPETS = st.sampled_from(
    [
        "schema_version: 1\n",
        "therapies:\n",
        "  - id: x\n",
        "    name: X\n",
        "references: []\n",
        "    summary: {text: t, sources: [source-article]}\n",
        "&a [*a]\n",
        "!!python/none\n",
        "conditions:\n  - {id: c, name: C}\n",
        "- \n",
        ": :\n",
        "'\n",
        "\t\n",
        "{",
        "]",
        "*x\n",
        "sections: {overview: [{text: t, sources: [nope]}]}\n",
        "<<: {a: 1}\n",
        "%YAML 1.1\n---\n",
    ]
)
DOCUMENTS = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(YAML_SNIPPETS, max_size=30).map(lambda parts: "".join(parts).encode()),
)


def check(document: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(document)
        try:
            load([builtin_path(), path])
        except KnowledgeBaseError as error:
            assert error.message, "every failure says what is wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    examples = parser.parse_args().examples

    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(DOCUMENTS)
    def fuzz(document: bytes) -> None:
        check(document)

    fuzz()
    print(f"fuzz_loader: {examples} documents, no unexpected outcome")


if __name__ == "__main__":
    main()
