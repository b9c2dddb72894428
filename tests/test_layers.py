"""The shape of the code: the analysis core loads no Qt, per-language data is one folder per
language, and the lexicon and the tests' fakes honour the interface the stages read it through."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

from viewer.lang import FILES, codes, language, provides, valid_code
from viewer.lexicon import Lexicon, Vocabulary, load_lexicon

ANALYSED = ("en", "es", "fr", "ru", "zh")


def test_importing_the_core_loads_no_qt():
    code = ("import sys; import viewer.analysis, viewer.cli, viewer.report.json_out, viewer.report.brief, "
            "viewer.report.terminal; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_pair_of_text_files_loads_no_reader_library_nor_chinese_dictionary(tmp_path):
    """Cold start: PDF, HTML and Word readers, jieba and opencc load when their input needs them;
    with the lexicon cached, CLDR's locale data (babel) does not load either."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The two sides held talks in Geneva. They discussed trade.", encoding="utf-8")
    b.write_text("The two sides met in Geneva. They spoke about trade and climate.", encoding="utf-8")
    heavy = ("pypdf", "lxml", "docx", "bs4", "readability", "charset_normalizer", "jieba", "opencc", "babel")
    code = ("import contextlib, io, sys; from viewer.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()): main(['compare', {str(a)!r}, {str(b)!r}])\n"
            f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            for _ in range(2)]  # the first run may build the lexicon's cache entry
    assert runs[1].strip() == "[]"
    docx_pair = code.replace("main(['compare'", "import viewer.ingest.docx_reader; main(['compare'")
    loaded = subprocess.run([sys.executable, "-c", docx_pair], capture_output=True, text=True, check=True).stdout
    assert "docx" in loaded and "lxml" in loaded  # the check sees a reader library when one loads


def test_each_analysed_language_has_its_folder_with_everything_a_linguist_edits():
    for code in ANALYSED:
        assert {"language.toml", "lexicon.toml", "voice.toml", "statements.toml", "stopwords.txt"} <= set(provides(code)), code
        lang = language(code)
        assert lang.name and lang.script and lang.cldr, code


def test_what_each_language_provides_is_listed_in_order():
    listing = {code: provides(code) for code in codes()}
    assert set(ANALYSED) <= set(listing)
    for code, files in listing.items():
        assert files[0] == "language.toml" and files == [f for f in FILES if f in files], code
    # languages detected but not analysed say which script they are written in
    assert language("uk").script == "cyrillic" and language("ja").script == "han"


@pytest.mark.parametrize("code", ["../en", "en/../../x", "", "EN", "toolonglanguage"])
def test_a_language_code_never_names_a_path(code):
    assert not valid_code(code)
    assert language(code).path("lexicon.toml") is None


def _members(cls) -> dict[str, inspect.Signature | None]:
    out = {}
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        out[name] = None if isinstance(value, property) else inspect.signature(value)
    return out


def test_the_lexicon_honours_the_vocabulary_interface():
    lexicon = load_lexicon()
    assert isinstance(lexicon, Vocabulary)
    for name, signature in _members(Vocabulary).items():
        real = getattr(Lexicon, name)
        if signature is not None:
            assert list(inspect.signature(real).parameters) == list(signature.parameters), name


def test_the_test_fakes_honour_the_vocabulary_interface():
    from test_emphasis import FakeLexicon

    assert isinstance(FakeLexicon(), Vocabulary)
    for name, signature in _members(Vocabulary).items():
        fake = getattr(FakeLexicon, name)
        if signature is not None:
            assert list(inspect.signature(fake).parameters) == list(signature.parameters), name
