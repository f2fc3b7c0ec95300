"""Indexes built from bundled data, kept on disk so that later processes load them at once.

An index is stored under a name and the fingerprint of everything it was built from (the
source files' sizes and modification times, and the index format), so a changed source
or format is a different file and a stale one is never read. The folder is
``$TIDINGS_CACHE_DIR``, else ``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``;
``TIDINGS_CACHE_DIR=off`` turns caching off. A cache that cannot be read or written only
costs the time to build the index again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

_T = TypeVar("_T")


def cache_dir() -> Path | None:
    """Where indexes are kept; None when caching is off."""
    chosen = os.environ.get("TIDINGS_CACHE_DIR")
    if chosen:
        return None if chosen == "off" else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tidings"


def fingerprint(sources: Iterable[Path], version: str) -> str:
    """A short hash of the source files' names, sizes and modification times."""
    digest = hashlib.sha256(version.encode())
    for path in sources:
        stat = path.stat()
        digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def cached(name: str, key: str, build: Callable[[], _T]) -> _T:
    """The index `name` for `key`: read from the cache, or built and then stored there."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as file:
            value: _T = pickle.load(file)
        return value
    except FileNotFoundError:
        pass
    except Exception as e:  # a truncated or foreign file: build it again
        log.debug("ignoring unreadable cache file %s: %s", path, e)
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write atomically, so that a concurrent reader sees the whole file or none, and drop
    the files this index was stored in for other keys."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}",
                                         delete=False) as file:
            temporary = Path(file.name)
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        temporary = None
        name = path.name.rsplit("-", 1)[0]
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as e:
        log.debug("cannot cache %s: %s", path, e)
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
