"""Build a valid knowledge-base overlay of N therapies from the shipped data.

    python benchmarks/generate.py 1000 /tmp/kb-1000.yaml

Each generated therapy copies a built-in one (all its sourced statements) under a new id, name
and aliases, so the file passes every check and cites only the built-in references.
"""

from __future__ import annotations

import argparse
import copy
from pathlib import Path
from typing import Any

import yaml

from therapy_cli.kb.files import builtin_path


def generate(count: int) -> dict[str, Any]:
    shipped = yaml.safe_load(builtin_path().read_text(encoding="utf-8"))
    templates = shipped["therapies"]
    therapies = []
    for number in range(1, count + 1):
        therapy = copy.deepcopy(templates[number % len(templates)])  # no YAML anchors
        therapy["id"] = f"generated-{number}"
        therapy["name"] = f"Generated therapy {number}"
        therapy["aliases"] = [f"GT{number}", f"generated alias {number}"]
        therapies.append(therapy)
    return {"schema_version": shipped["schema_version"], "therapies": therapies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    arguments = parser.parse_args()
    arguments.output.write_text(
        yaml.safe_dump(generate(arguments.count), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
