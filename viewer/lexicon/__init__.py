"""The lexicon stage: topics, tone markers and entities of every language, and what they are called.

It runs after segmentation and before alignment (alignment across languages meets on its
concepts), so it lives below both: align, emphasis, the reports and the window read it through
`Vocabulary`, the one interface they are typed against, and a Comparison carries the lexicon it
was computed with, so a user's topics and tones keep their labels and readings everywhere.
    lexicon.py    reading the TOML files (resources/concepts.toml, resources/lang/*/lexicon.toml,
                  user files) and annotating sentences
    match.py      the term matcher (stems, wildcards, Chinese whole words, negation)
    wordlists.py  normalised per-language word lists (voice verbs, stop words)
    vocabulary.py the Vocabulary interface
"""

from __future__ import annotations

from viewer.lexicon.lexicon import SALIENCES, Lexicon, load_lexicon
from viewer.lexicon.vocabulary import Person, Salience, Vocabulary

__all__ = ["SALIENCES", "Lexicon", "Person", "Salience", "Vocabulary", "load_lexicon"]
