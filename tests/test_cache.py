import pickle

import pytest

from tidings.cache import cache_dir, cached, fingerprint


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def builder(value):
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_cache_builds_once_then_reads_the_file(folder):
    build, calls = builder({"kharkiv": (1, 2)})
    assert cached("index", "k1", build) == {"kharkiv": (1, 2)}
    assert cached("index", "k1", build) == {"kharkiv": (1, 2)}
    assert len(calls) == 1
    assert [p.name for p in folder.iterdir()] == ["index-k1.pickle"]


def test_cache_new_key_rebuilds_and_drops_the_stale_file(folder):
    cached("index", "old", lambda: 1)
    assert cached("index", "new", lambda: 2) == 2
    assert [p.name for p in folder.iterdir()] == ["index-new.pickle"]


def test_cache_unreadable_file_is_built_again(folder):
    folder.mkdir()
    (folder / "index-k.pickle").write_bytes(b"not a pickle")
    assert cached("index", "k", lambda: [1]) == [1]
    assert pickle.loads((folder / "index-k.pickle").read_bytes()) == [1]


def test_cache_unwritable_folder_only_costs_a_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("TIDINGS_CACHE_DIR", str(blocker / "cache"))
    build, calls = builder(3)
    assert cached("index", "k", build) == 3 and cached("index", "k", build) == 3
    assert len(calls) == 2


def test_cache_off_and_default_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("TIDINGS_CACHE_DIR", "off")
    assert cache_dir() is None
    monkeypatch.delenv("TIDINGS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "tidings"


def test_cache_fingerprint_follows_the_sources_and_the_format(tmp_path):
    source = tmp_path / "cities.json"
    source.write_text("[]")
    first = fingerprint([source], "format 1")
    assert fingerprint([source], "format 2") != first
    source.write_text("[1]")
    assert fingerprint([source], "format 1") != first
