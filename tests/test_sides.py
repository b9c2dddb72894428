"""Whose account each readout is and what a brief calls it: from a label, a publisher (a mirror site
named after the ministry it mirrors) or, in a user's plain file, from the text alone; never a file
name, a headline or a cut title."""

from __future__ import annotations

import pytest

from viewer.analysis import compare, first_stage
from viewer.ingest import read_source
from viewer.model import Readout

US = ("Readout of President Joseph R. Biden Jr.'s Call with President Xi Jinping of the People's Republic of China\n\n"
      "President Joseph R. Biden, Jr. spoke today with President Xi Jinping of the People's Republic of China.\n\n"
      "President Biden underscored that the United States will continue to compete vigorously.")
CN = ("习近平同美国总统拜登通电话\n\n国家主席习近平应约同美国总统拜登通电话。\n\n习近平指出，中美关系不应该是零和博弈。\n\n"
      "拜登表示，美方不寻求“新冷战”。")
RU = ("Владимир Путин провел телефонный разговор с Председателем КНР Си Цзиньпином.\n\n"
      "Президент России подчеркнул важность координации.\n\nПодчеркнута важность совместной работы в ООН.")
STATE = ("Secretary Blinken's Call with PRC Foreign Minister Wang Yi\n\nSecretary of State Antony J. Blinken spoke today "
         "with PRC State Councilor and Foreign Minister Wang Yi.\n\nThe Secretary stressed the importance of open channels.")


def test_plain_files_without_a_header_are_named_from_their_text(tmp_path):
    paths = {}
    for name, text in (("us-wh-en", US), ("cn-cctv-zh", CN), ("ru-kremlin-ru", RU), ("us-state-en", STATE)):
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    c = compare(read_source(str(paths["us-wh-en"])), read_source(str(paths["cn-cctv-zh"])))
    assert c.sides == {"A": "United States", "B": "China"}
    assert c.labels == {"A": "White House", "B": "Chinese"}  # not "us-wh-en", not the headline
    c = compare(read_source(str(paths["ru-kremlin-ru"])), read_source(str(paths["us-state-en"])))
    assert c.sides == {"A": "Russia", "B": "United States"}
    assert c.labels == {"A": "Russian", "B": "State Department"}


def test_a_headline_or_a_cut_title_is_never_a_name():
    headline = US.split("\n")[0]
    a = Readout(text=US, title=headline, label=headline[:58] + "…")
    b = Readout(text=CN, title="习近平同美国总统拜登通电话", label="习近平同美国总统拜登通电话")
    c = compare(a, b)
    assert c.labels == {"A": "White House", "B": "Chinese"}


@pytest.mark.parametrize("publisher, side, label", [
    ("Consulate General of the PRC in Laoag", "China", "Chinese"),
    ("Embassy of the PRC in Iran", "China", "Chinese"),
    ("Baiyun District Agriculture Bureau, reprinting Xinhua", "China", "Chinese"),
    ("Ministry of Foreign Affairs of the Russian Federation (English press release)", "Russia", "Russian"),
    ("The White House, Briefing Room (Statements and Releases)", "United States", "White House"),
])
def test_a_publisher_or_mirror_names_the_government_it_speaks_for(publisher, side, label):
    text = "Wang Yi spoke with Sergey Lavrov on the phone.\n\nWang Yi said the two sides should keep in touch."
    other = CN if side == "United States" else US
    c = compare(Readout(text=text, publisher=publisher, label=publisher.split(",")[0].split(" (")[0]), Readout(text=other))
    assert c.sides["A"] == side and c.labels["A"] == label


def test_two_chinese_readouts_are_told_apart_by_publisher_or_language():
    mfa = Readout(text=CN, publisher="Ministry of Foreign Affairs of the PRC")
    xinhua = Readout(text=CN.replace("通电话。", "通电话。双方同意保持沟通。"), publisher="Xinhua News Agency")
    c = compare(mfa, xinhua)
    assert c.labels == {"A": "Chinese MFA", "B": "Xinhua"}
    en = Readout(text="Wang Yi spoke with Sergey Lavrov.\n\nWang Yi said China and Russia are partners.",
                 publisher="Ministry of Foreign Affairs of the PRC")
    es = Readout(text="Wang Yi habló por teléfono con Sergey Lavrov.\n\nWang Yi dijo que China y Rusia son socios.",
                 publisher="Ministry of Foreign Affairs of the PRC (Spanish-language site)")
    c = compare(en, es)
    assert c.sides == {"A": "China", "B": "China"}
    assert c.labels == {"A": "Chinese (English)", "B": "Chinese (Spanish)"}


def test_a_label_the_user_gives_is_kept_and_one_naming_another_government_rereads_the_sides():
    a, b = Readout(text=US, label="Washington"), Readout(text=CN, label="Beijing")
    c = compare(a, b)
    assert c.labels == {"A": "Washington", "B": "Beijing"} and c.sides["A"] == "United States"
    from dataclasses import replace

    renamed = {"A": replace(a, label="Chinese MFA"), "B": b}
    assert first_stage(c, renamed, c.settings) == "statements"
    assert first_stage(c, {"A": replace(a, label="Our notes"), "B": b}, c.settings) == "labels"
