import os
import pickle
import time

import pytest

from tidings.cache import cache_dir, cached


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture()
def source(tmp_path):
    path = tmp_path / "cities.json"
    path.write_text("[]")
    return path


def builder(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def pickles(folder):
    return sorted(p.name for p in folder.glob("*.pickle"))


def test_cache_builds_once_then_reads_the_file(folder, source):
    build, calls = builder({"kharkiv": (1, 2)})
    assert cached("index", [source], "format 1", build) == {"kharkiv": (1, 2)}
    assert cached("index", [source], "format 1", build) == {"kharkiv": (1, 2)}
    assert len(calls) == 1 and len(pickles(folder)) == 1


def test_cache_a_changed_source_or_format_rebuilds_and_drops_the_stale_file(folder, source):
    cached("index", [source], "format 1", lambda: 1)
    old = pickles(folder)
    source.write_text("[1]")
    assert cached("index", [source], "format 1", lambda: 2) == 2
    assert cached("index", [source], "format 2", lambda: 3) == 3
    assert len(pickles(folder)) == 1 and pickles(folder) != old


def test_cache_sources_elsewhere_keep_their_own_file(folder, source, tmp_path):
    other = tmp_path / "elsewhere" / "cities.json"
    other.parent.mkdir()
    other.write_text("[]")
    cached("index", [source], "format 1", lambda: "here")
    assert cached("index", [other], "format 1", lambda: "there") == "there"
    assert cached("index", [source], "format 1", lambda: "rebuilt") == "here"
    assert len(pickles(folder)) == 2


def test_cache_unreadable_file_is_built_again(folder, source):
    cached("index", [source], "format 1", lambda: [0])
    (path,) = folder.glob("*.pickle")
    path.write_bytes(b"not a pickle")
    assert cached("index", [source], "format 1", lambda: [1]) == [1]
    assert pickle.loads(path.read_bytes()) == [1]


def test_cache_half_written_files_of_killed_runs_are_cleared(folder, source):
    cached("index", [source], "format 1", lambda: 1)
    (path,) = folder.glob("*.pickle")
    stem = path.name.rsplit("-", 1)[0]
    abandoned = folder / f".{stem}-abc123"
    abandoned.write_bytes(b"half")
    os.utime(abandoned, (time.time() - 7200, time.time() - 7200))
    source.write_text("[2]")
    cached("index", [source], "format 1", lambda: 2)
    assert not abandoned.exists()


def test_cache_unwritable_folder_only_costs_a_build(tmp_path, monkeypatch, source):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))
    build, calls = builder(3)
    assert cached("index", [source], "f", build) == 3 and cached("index", [source], "f", build) == 3
    assert len(calls) == 2


def test_cache_off_and_default_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert cache_dir() is None
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "tidings"
