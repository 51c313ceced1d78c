"""Which knowledge-base files to read, and in what order (later files override earlier ones)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

ENV_VAR = "THERAPY_DATA"
USER_FOLDER_NAME = "therapies.d"


class KnowledgeBaseFile(NamedTuple):
    path: Path
    origin: str


def builtin_path() -> Path:
    """The knowledge base shipped inside the package."""
    return Path(__file__).parent.parent / "data" / "therapies.yaml"


def user_folder() -> Path:
    """The folder whose *.yaml files every run adds: `therapies.d` in the user config dir."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("therapy", appauthor=False)) / USER_FOLDER_NAME


def discover(
    data: Sequence[Path], environ: Mapping[str, str] = os.environ
) -> list[KnowledgeBaseFile]:
    """Built-in, then the user folder (by name), then $THERAPY_DATA, then each --data."""
    files = [KnowledgeBaseFile(builtin_path(), "built-in")]
    try:
        # A link to a missing file is listed too, so that loading reports it, as for --data.
        mine = sorted(p for p in user_folder().glob("*.yaml") if p.is_file() or p.is_symlink())
    except OSError:  # an unreadable folder adds nothing rather than breaking every command
        mine = []
    files += [KnowledgeBaseFile(path, "user folder") for path in mine]
    from_env = [Path(p) for p in environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    files += [KnowledgeBaseFile(path, ENV_VAR) for path in from_env]
    files += [KnowledgeBaseFile(path, "--data") for path in data]
    return files
