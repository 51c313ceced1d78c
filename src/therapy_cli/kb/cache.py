"""A parse cache: the validated knowledge base as JSON, reused while its files' contents match.

Parsing and checking YAML is most of the work of a command. The cache is only ever a copy, and
never a way in: it is plain JSON (reading it cannot run code), it is used only in a folder that
belongs to the user and that no one else can write to, and an entry is used only while the
contents of every file it was built from still match (size and Adler-32 of the bytes). It is
written atomically, ignored when unreadable, corrupt or stale, skipped when its folder cannot be
written, and old entries are removed. THERAPY_CACHE_DIR moves it (an absolute path; anything
else turns it off).
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from .model import KnowledgeBase, Therapy

ENV_VAR = "THERAPY_CACHE_DIR"
FORMAT = 13  # bump when the model's records or the file's layout change
KEEP = 16  # cache entries kept; the least recently written go first
ABANDONED_AFTER = 600  # seconds after which a leftover temporary file is removed


def cache_folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where cache files live, or None when caching is off (an empty or relative setting)."""
    configured = environ.get(ENV_VAR)
    if configured is not None:
        path = Path(configured)
        return path if configured.strip() and path.is_absolute() else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("therapy", appauthor=False))


def fingerprints(paths: Sequence[Path]) -> list[list[str]] | None:
    """Each file's absolute path, and its size and Adler-32, or None if one cannot be read.

    Taken from the bytes, not from the file's size and time, so that an edit that keeps both
    (a tarball unpacked with a fixed mtime) is still seen. A checksum is enough: only someone
    who can already edit the file could make a colliding one.
    """
    found = []
    for path in paths:
        try:
            checksum = _checksum(path) if path.is_file() else None
        except OSError:
            checksum = None
        if checksum is None:
            return None  # let the loader say what is wrong with the file
        found.append([str(path.absolute()), checksum])
    return found


CHUNK_BYTES = 1 << 20


def _checksum(path: Path) -> str:
    """`size:adler32` of the file's bytes, read through one small buffer.

    A warm run reads every file just to check it: for a 16 MB file, filling a fresh 16 MB
    buffer costs three times as long as reusing a 1 MB one.
    """
    buffer = bytearray(CHUNK_BYTES)
    view = memoryview(buffer)
    size, adler = 0, zlib.adler32(b"")
    with path.open("rb", buffering=0) as handle:
        while count := handle.readinto(buffer):
            adler = zlib.adler32(view[:count], adler)
            size += count
    return f"{size}:{adler:08x}"


def load(paths: Sequence[Path]) -> KnowledgeBase:
    """The knowledge base for `paths`, from the cache when every file's content is unchanged."""
    folder = cache_folder()
    current = fingerprints(paths) if folder is not None else None
    if folder is None or current is None:
        return _parse(paths)
    # The name only picks a slot; the fingerprints inside decide.
    identity = repr((FORMAT, __version__, sys.version_info[:2], [f[0] for f in current]))
    file = folder / f"kb-{zlib.crc32(identity.encode()):08x}.json"
    cached = _read(file, current, lambda: _parse(paths))
    if cached is not None:
        return cached
    kb = _parse(paths)
    _write(file, current, kb)
    return kb


def _parse(paths: Sequence[Path]) -> KnowledgeBase:
    from .load import load  # YAML and the schema checks are only needed on a cache miss

    return load(paths)


def _private(info: os.stat_result) -> bool:
    """Whether only this user can have written it: owned by us, not writable by group or others."""
    if not hasattr(os, "getuid"):  # Windows: folder permissions are the user profile's
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(
    file: Path, current: list[list[str]], parse: Callable[[], KnowledgeBase]
) -> KnowledgeBase | None:
    """The entry in `file`: a header line, then each therapy's details, read when asked for.

    The file stays open for the rest of the run, so that a newer entry written meanwhile (the
    old one replaced, never changed in place) cannot mix with what has been read. If a
    therapy's details turn out to be damaged, the entry is removed and that therapy is taken
    from the files themselves (`parse`), once.
    """
    from . import codec

    parsed: list[KnowledgeBase] = []

    def damaged(light: Therapy) -> Therapy:
        file.unlink(missing_ok=True)
        if not parsed:
            parsed.append(parse())
        return parsed[0].therapy(light.id)

    try:
        if not _private(file.parent.stat()):
            return None
        # Non-blocking and checked as a regular file: a FIFO planted here must not hang a run.
        handle = os.fdopen(os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb")
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or not _private(info):
            handle.close()
            return None
        saved: dict[str, Any] = json.loads(handle.readline())
        if saved.get("format") != FORMAT or saved.get("files") != current:
            handle.close()
            return None
        start, where = handle.tell(), saved["details"]

        def details(therapy_id: str) -> bytes:
            offset, length = where[therapy_id]
            handle.seek(start + offset)
            found = handle.read(length)
            if len(found) != length:
                raise ValueError(f"{file}: the cache entry is cut short")
            return found

        return codec.load(saved["kb"], details, damaged)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(file: Path, current: list[list[str]], kb: KnowledgeBase) -> None:
    import tempfile  # only a cache miss writes

    from . import codec

    header, details = codec.dump(kb)
    where, offset = {}, 0
    for therapy_id, blob in details.items():
        where[therapy_id] = (offset, len(blob))
        offset += len(blob)
    line = codec.to_json({"format": FORMAT, "files": current, "kb": header, "details": where})
    try:
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(file.parent.stat()):
            return  # a folder others can write to is never trusted, so never written either
        handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=".kb-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(line.encode("utf-8") + b"\n")
                out.writelines(details.values())
                out.flush()
                os.fsync(out.fileno())  # on disk before it takes the entry's name
            Path(temporary).replace(file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _evict(file.parent)
    except OSError:
        pass  # a read-only, full or missing cache folder only costs speed


def _evict(folder: Path) -> None:
    """Keep the newest entries; remove older ones, older formats and abandoned temporary files."""
    now = time.time()
    entries = []
    for path in folder.iterdir():
        try:
            modified = path.stat().st_mtime
            if path.name.startswith(".kb-") and path.suffix == ".tmp":
                if now - modified > ABANDONED_AFTER:
                    path.unlink()
            elif path.name.startswith("kb-") and path.suffix == ".pickle":
                path.unlink()  # written by an older version, in a format no longer read
            elif path.name.startswith("kb-") and path.suffix == ".json":
                entries.append((modified, path))
        except OSError:
            continue
    for _, path in sorted(entries, reverse=True)[KEEP:]:
        path.unlink(missing_ok=True)
