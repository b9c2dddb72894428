"""The cache folder of prebuilt data: re-used while its key holds, rebuilt when stale or corrupt,
and never an error when the folder cannot be written."""

from __future__ import annotations

import os
import pickle
import tempfile

import pytest

from viewer import cache
from viewer.lexicon import lexicon as lexicon_module
from viewer.lexicon import load_lexicon
from viewer.model import Document, Readout
from viewer.text import segment


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_an_entry_is_built_once_and_rebuilt_when_its_key_changes(folder):
    build, calls = _counting({"x": [1, 2]})
    assert cache.cached("thing", ("v", 1), build) == {"x": [1, 2]}
    assert cache.cached("thing", ("v", 1), build) == {"x": [1, 2]}
    assert len(calls) == 1 and (folder / "thing.pickle").is_file()
    cache.cached("thing", ("v", 2), build)
    assert len(calls) == 2


def test_a_corrupt_entry_is_rebuilt(folder):
    build, calls = _counting("fresh")
    cache.cached("thing", 1, build)
    (folder / "thing.pickle").write_bytes(pickle.dumps(cache.FORMAT)[:-1] + b"garbage")
    assert cache.cached("thing", 1, build) == "fresh" and len(calls) == 2


def test_a_read_only_folder_means_building_in_memory(folder, monkeypatch):
    folder.mkdir()
    folder.chmod(0o555)

    def refuse(*args, **kwargs):  # what a read-only folder does, also to a test run as root
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    build, calls = _counting("built")
    try:
        assert cache.cached("thing", 1, build) == "built"
        assert cache.cached("thing", 1, build) == "built"
    finally:
        folder.chmod(0o755)
    assert len(calls) == 2 and not os.listdir(folder)


def test_a_file_key_changes_with_the_file(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text("a", encoding="utf-8")
    before = cache.file_key([path])
    path.write_text("ab", encoding="utf-8")
    assert cache.file_key([path]) != before
    assert cache.file_key([tmp_path / "missing"]) == ((str(tmp_path / "missing"), 0, 0),)


def _topics(lexicon, text: str) -> set[str]:
    doc: Document = segment(Readout(text, label="A"))
    lexicon.annotate(doc)
    return {h.topic for s in doc.sentences for h in s.hits}


def test_an_edited_user_lexicon_is_read_again_not_taken_from_the_cache(folder, tmp_path):
    user = tmp_path / "mine.toml"
    user.write_text('language = "en"\n[topic.moon]\nlabel = "The Moon"\nterms = ["lunar base"]\n', encoding="utf-8")
    text = "The sides discussed the lunar base and the crater station."
    assert "moon" in _topics(load_lexicon([user]), text)
    assert len(list(folder.glob("lexicon-*.pickle"))) == 1
    user.write_text('language = "en"\n[topic.moon]\nlabel = "The Moon"\nterms = ["crater station"]\n'
                    '[topic.mars]\nlabel = "Mars"\nterms = ["lunar base"]\n', encoding="utf-8")
    os.utime(user, ns=(1, 1))  # a different modification time, however fast the test runs
    lexicon_module._load.cache_clear()  # a new process: only the cache folder remembers
    assert {"moon", "mars"} <= _topics(load_lexicon([user]), text)


def test_the_cached_lexicon_matches_like_a_built_one(folder):
    text = "The United States and China discussed Taiwan, trade and climate change; Ukraine was raised."
    lexicon_module._load.cache_clear()
    built = load_lexicon()
    lexicon_module._load.cache_clear()
    cached = load_lexicon()
    assert cached is not built and _topics(cached, text) == _topics(built, text) != set()
    assert cached.entity_label("country:UA", "es") == "Ucrania"
