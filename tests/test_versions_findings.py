"""Findings for two versions of one text: what changed, never what two lexicons count differently.

The texts are written here: an English readout and a Spanish translation that drops one sentence
and one clause, and an English readout edited in place.
"""

from __future__ import annotations

import pytest

from viewer.analysis import compare
from viewer.model import Readout

ENGLISH = [
    "Foreign Minister Wang Yi spoke by telephone with the Russian Foreign Minister on Monday.",
    "The two ministers agreed to deepen cooperation on trade and energy in the coming year.",
    "They reviewed the preparations for the summit of the two presidents.",
    "Wang Yi said that the situation in Afghanistan remains fragile and that all parties should support a political settlement.",
    "Both sides stressed that the United Nations Security Council must play its central role, and they agreed that "
    "the ministers of finance of the two countries will meet in Moscow in March to prepare the new investment agreement.",
    "The Russian side said it was ready to strengthen coordination at the United Nations.",
    "The two ministers also discussed the situation on the Korean Peninsula.",
    "They called on all parties to exercise restraint and to resume dialogue.",
    "The two sides agreed to stay in close contact.",
]
SPANISH = [
    "El ministro de Asuntos Exteriores Wang Yi habló por teléfono con el ministro de Asuntos Exteriores de Rusia el lunes.",
    "Los dos ministros acordaron profundizar la cooperación en comercio y energía en el próximo año.",
    "Repasaron los preparativos de la cumbre de los dos presidentes.",
    "Ambas partes subrayaron que el Consejo de Seguridad de las Naciones Unidas debe desempeñar su papel central.",
    "La parte rusa dijo estar dispuesta a reforzar la coordinación en las Naciones Unidas.",
    "Los dos ministros también hablaron de la situación en la península de Corea.",
    "Pidieron a todas las partes moderación y la reanudación del diálogo.",
    "Las dos partes acordaron mantener un estrecho contacto.",
]


@pytest.fixture(scope="module")
def translation():
    return compare(Readout("\n\n".join(ENGLISH), label="Xinhua"), Readout("\n\n".join(SPANISH), label="Xinhua"))


def test_a_translation_names_the_dropped_sentence_first(translation):
    assert translation.mode == "versions"
    top = translation.findings[0]
    assert top.kind == "omission" and top.topic == "afghanistan" and top.side == "A"
    assert top.text.startswith("The Spanish version drops a sentence on Afghanistan")
    assert "«Wang Yi said that the situation in Afghanistan" in top.text
    assert [(e.side, e.sentence) for e in top.evidence] == [("A", 3)]


def test_a_translation_names_the_dropped_clause_where_it_sits(translation):
    [clause] = [f for f in translation.findings if "shortens" in f.text]
    assert clause.kind == "omission" and clause.side == "A"
    assert "only the English version names" in clause.text and "March" in clause.text
    assert "Moscow in March" in clause.text  # quoted from where the clause sits, not the sentence start
    assert {(e.side, e.sentence) for e in clause.evidence} == {("A", 4), ("B", 3)}


def test_a_translation_has_no_lexicon_artefacts(translation):
    """Only the two real changes: no lede, share, tone, voice or distinctive-words findings."""
    assert len(translation.findings) == 2
    assert {f.kind for f in translation.findings} == {"omission"}
    assert all(0 < f.weight <= 1 and f.evidence for f in translation.findings)


EDITED = [
    "The two presidents met in Geneva on Tuesday.",
    "They discussed trade and the pandemic.",
    "The president said the United States opposes any change to the status quo.",
    "Both leaders agreed to set up a working group on climate.",
    "They agreed to meet again next year.",
]
EDIT = [
    "The two presidents met in Geneva on Tuesday.",
    "Both leaders agreed to set up a working group on climate.",
    "They discussed trade and the pandemic.",
    "The president said the United States firmly opposes any change to the status quo.",
    "They agreed to meet again next year.",
]


@pytest.fixture(scope="module")
def edited():
    return compare(Readout(" ".join(EDITED), label="Draft"), Readout(" ".join(EDIT), label="Final"))


def test_an_edit_names_the_added_adverb(edited):
    assert edited.mode == "versions"
    [added] = [f for f in edited.findings if f.kind == "wording"]
    assert added.text.startswith("The Final version adds “firmly”: «The president said")
    assert added.side == "B" and {(e.side, e.sentence) for e in added.evidence} == {("A", 2), ("B", 3)}


def test_an_edit_names_the_moved_sentence(edited):
    [moved] = [f for f in edited.findings if f.kind == "prominence"]
    assert moved.text.startswith("The Final version moves a sentence up")
    assert "«Both leaders agreed to set up a working group on climate.»" in moved.text
    assert {(e.side, e.sentence) for e in moved.evidence} == {("A", 3), ("B", 1)}


def test_an_edit_reports_nothing_else(edited):
    assert {f.kind for f in edited.findings} == {"wording", "prominence"}
    assert [f.weight for f in edited.findings] == sorted((f.weight for f in edited.findings), reverse=True)


AGENDA = [
    "The two ministers met in Lisbon.",
    "They discussed the Taiwan Strait, human rights and fentanyl at length.",
    "They agreed to stay in touch.",
]
PARED = [
    "The two ministers met in Lisbon.",
    "They agreed to stay in touch.",
    "Taiwan was raised again in closing.",
]


def test_a_dropped_run_names_only_the_topics_the_other_version_never_mentions():
    """Taiwan is still in the other version: the note must not claim it never mentions Taiwan."""
    c = compare(Readout(" ".join(AGENDA), label="Draft"), Readout(" ".join(PARED), label="Final"), mode="versions")
    [dropped] = [f for f in c.findings if "drops" in f.text]
    assert "on human rights and democracy, and counternarcotics (topics it never mentions) as well as Taiwan" in dropped.text
    assert dropped.topic == "human-rights"  # high salience: the news comes first
