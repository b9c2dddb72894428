"""Segmentation: language, paragraphs, sentences and tokens of a readout."""

from __future__ import annotations

from viewer.lang import language as language_data
from viewer.model import Document, Readout, Sentence
from viewer.text import chinese
from viewer.text.language import detect_language, dominant_script, other_script_pattern
from viewer.text.paragraphs import paragraph_spans
from viewer.text.sentence_limit import cap_lengths
from viewer.text.sentences import is_heading, sentence_spans
from viewer.text.tokens import tokenize

__all__ = ["detect_language", "segment"]



def segment(readout: Readout) -> Document:
    """Split a readout into paragraphs and sentences with tokens (language detected unless forced)."""
    text = readout.text
    language = _forced(readout.language) or detect_language(text)
    script = None
    if language == "zh":
        script = "Hant" if chinese.is_traditional(text) else "Hans"
    paragraphs = paragraph_spans(text)
    sentences: list[Sentence] = []
    for p, (p_start, p_end) in enumerate(paragraphs):
        spans = cap_lengths(text, sentence_spans(text, language, p_start, p_end))
        for k, (start, end) in enumerate(spans):
            sentence_text = text[start:end]
            lang = _sentence_language(sentence_text, language)
            sentences.append(
                Sentence(
                    i=len(sentences),
                    paragraph=p,
                    start=start,
                    end=end,
                    text=sentence_text,
                    tokens=tokenize(sentence_text, lang, start),
                    language=lang,
                    # the readout's title is a heading however long (ingest recognised it)
                    heading=k == len(spans) - 1 and (is_heading(sentence_text) or sentence_text == readout.title),
                )
            )
    return Document(readout=readout, language=language, sentences=sentences,
                    paragraphs=paragraphs, script=script)


def _forced(language: str | None) -> str | None:
    """"zh-Hant", "RU", "en_GB" -> "zh", "ru", "en"."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].casefold()


def _sentence_language(sentence: str, document_language: str) -> str:
    expected = language_data(document_language).script
    # A sentence in another script than its language's (a Russian quotation inside an English
    # readout) gets a language of its own; the script of each language is in its language.toml.
    if not other_script_pattern(expected).search(sentence):
        return document_language
    script = dominant_script(sentence)
    if script is None or script == expected:
        return document_language
    return detect_language(sentence)
