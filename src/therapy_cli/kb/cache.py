"""A parse cache: the validated knowledge base, pickled, reused while its files are unchanged.

Parsing and checking YAML is most of the work of a command; unpickling the result is ~1 ms. The
cache is only ever a copy: it is written atomically, ignored when unreadable, corrupt or stale,
and skipped when its folder cannot be written. Set THERAPY_CACHE_DIR to move it, or to an empty
string to turn it off.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from .model import KnowledgeBase

ENV_VAR = "THERAPY_CACHE_DIR"
FORMAT = 5  # bump when the model's classes change shape

Stamp = tuple[str, int, int, int, int]


def cache_folder() -> Path | None:
    """Where cache files live, or None when caching is turned off."""
    configured = os.environ.get(ENV_VAR)
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("therapy", appauthor=False))


def stamps(paths: Sequence[Path]) -> list[Stamp] | None:
    """Each file's identity (path, device, inode) and content stamp (size, mtime), or None."""
    found = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            return None  # let the loader say what is wrong with the file
        found.append(
            (str(path.absolute()), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
        )
    return found


def load(paths: Sequence[Path]) -> KnowledgeBase:
    """The knowledge base for `paths`, from the cache when every file is unchanged."""
    folder, current = cache_folder(), stamps(paths)
    if folder is None or current is None:
        return _parse(paths)
    # The name only picks a slot; the stamps inside decide, so a cheap checksum is enough.
    identity = repr((FORMAT, __version__, sys.version_info[:2], [s[0] for s in current]))
    key = f"{zlib.crc32(identity.encode()):08x}"
    file = folder / f"kb-{key}.pickle"
    cached = _read(file, current)
    if cached is not None:
        return cached
    kb = _parse(paths)
    _write(file, (current, kb.without_details().prepare()))
    return kb


def _parse(paths: Sequence[Path]) -> KnowledgeBase:
    from .load import load  # YAML and the schema checks are only needed on a cache miss

    return load(paths)


def _read(file: Path, current: list[Stamp]) -> KnowledgeBase | None:
    try:
        with file.open("rb") as handle:
            saved_stamps, kb = pickle.load(handle)
    except Exception:
        return None
    return kb if saved_stamps == current and isinstance(kb, KnowledgeBase) else None


def _write(file: Path, payload: object) -> None:
    import tempfile  # only a cache miss writes

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".kb-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temporary).replace(file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or missing cache folder only costs speed
