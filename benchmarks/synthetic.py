"""Deterministic synthetic pairs for benchmarks.

pair: two readouts; B is A with paragraphs reordered, about 5% of words changed, and sentences
moved, dropped and added, so every stage has real work. versions: a text and an edited version
with the truth of every edit (each replaced word and each moved sentence, by offsets in both).
chinese_pair: as pair, in Chinese, sized in characters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_WORDS = """
the two sides held talks on relations between countries and agreed to strengthen cooperation in
trade investment energy climate security technology health agriculture education culture tourism
ministers leaders officials delegation president secretary minister discussed stressed noted said
reaffirmed expressed concern support opposition partnership dialogue communication exchanges peace
stability development prosperity region regional global international order law charter sovereignty
territorial integrity interests principles mutual respect equality benefit future work together
issues questions matters situation crisis conflict settlement negotiations agreement consensus
visit summit meeting invitation channels teams mechanisms consultations sanctions measures markets
supply chains industry companies workers families students journalists flights people friendship
constructive candid frank productive friendly in-depth substantive firmly opposes core red line
nuclear weapons arms control proliferation maritime navigation sea strait border peninsula
democracy rights freedom values governance multilateralism hegemony power politics bloc alliance
""".split()


def _sentence(rng: random.Random) -> str:
    n = rng.randint(12, 30)
    words = [rng.choice(_WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def pair(words_per_side: int, seed: int = 7) -> tuple[str, str]:
    """Two texts of about `words_per_side` words each."""
    rng = random.Random(seed)
    paragraphs: list[list[str]] = []
    total = 0
    while total < words_per_side:
        para = [_sentence(rng) for _ in range(rng.randint(3, 6))]
        total += sum(len(s.split()) for s in para)
        paragraphs.append(para)
    text_a = "\n\n".join(" ".join(p) for p in paragraphs)

    b_paras = [list(p) for p in paragraphs]
    # reorder: swap about a tenth of paragraph pairs
    for _ in range(max(1, len(b_paras) // 10)):
        i, j = rng.randrange(len(b_paras)), rng.randrange(len(b_paras))
        b_paras[i], b_paras[j] = b_paras[j], b_paras[i]
    moved: list[str] = []
    for para in b_paras:
        for k in range(len(para)):
            words = para[k].rstrip(".").split()
            for w in range(len(words)):  # about 5% of words changed
                if rng.random() < 0.05:
                    words[w] = rng.choice(_WORDS)
            para[k] = " ".join(words) + "."
        r = rng.random()
        if r < 0.03 and len(para) > 1:  # a sentence dropped
            para.pop(rng.randrange(len(para)))
        elif r < 0.06:  # a sentence added
            para.insert(rng.randrange(len(para) + 1), _sentence(rng))
        elif r < 0.09 and len(para) > 1:  # a sentence moved elsewhere
            moved.append(para.pop(rng.randrange(len(para))))
    for s in moved:
        rng.choice(b_paras).append(s)
    text_b = "\n\n".join(" ".join(p) for p in b_paras if p)
    return text_a, text_b


# --- versions with known edits -------------------------------------------------------------------

# Sentences that start with a lower-case word, as real texts have them: a brand, a prefix, a
# particle of a name. A splitter that never ends a sentence before a lower-case word glues them
# to the sentence before.
_LOWER_STARTS = ("iPhone", "eBay", "e-commerce", "mRNA", "von", "de", "al-Sisi")


@dataclass
class Replaced:
    """One word replaced by another: where it is in A and where its replacement is in B."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    old: str
    new: str


@dataclass
class Moved:
    """One sentence taken out of its place and put elsewhere: its spans in A and in B."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass
class Truth:
    """Every edit the generator made to A to get B."""

    replaced: list[Replaced] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    added: int = 0
    dropped: int = 0


# Versions are drawn from a vocabulary shaped like a real text's (Zipf's law over function words,
# the readout words above and 4,000 made-up content words): with only the 200 words above, every
# word is frequent and difflib, the baseline, slows down thirtyfold.
_FUNCTION = """the of and to in a on for with that is by as at its their be will has have was were said
this from an it which both two sides also all more between not or are they he she""".split()
_SYLLABLES = "ka ra mo li ten su vo ri na del pa cor tam bis len gu ov ek sa lo".split()


def _vocabulary(size: int = 4000) -> tuple[list[str], list[float]]:
    rng = random.Random(3)
    made: list[str] = []
    seen = set(_FUNCTION) | set(_WORDS)
    while len(made) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            made.append(word)
    words = _FUNCTION + _WORDS + made
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 2.7)
        cumulative.append(total)
    return words, cumulative


_VOCABULARY, _CUMULATIVE = _vocabulary()


def _versions_sentence(rng: random.Random) -> list[str]:
    words = rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE, k=rng.randint(12, 30))
    words[0] = rng.choice(_LOWER_STARTS) if rng.random() < 0.02 else words[0].capitalize()
    while len(words[-1]) == 1:  # "... and a." ends no sentence: a lone letter before a full stop is an initial
        words[-1] = rng.choice(_WORDS)
    return words


def versions(words_per_side: int, seed: int = 11) -> tuple[str, str, Truth]:
    """A text of about `words_per_side` words and an edited version of it, with the truth of the
    edits: in about 30% of sentences one to three words replaced (never by a word standing next to
    it, so that the place of an edit is not ambiguous), one sentence in 200 moved to a paragraph
    at least three away (half of those also edited), one in 300 dropped and one in 300 added."""
    rng = random.Random(seed)
    paragraphs: list[list[list[str]]] = []
    total = 0
    while total < words_per_side:
        para = [_versions_sentence(rng) for _ in range(rng.randint(3, 6))]
        total += sum(len(s) for s in para)
        paragraphs.append(para)
    # B's sentences as (A paragraph, A sentence, words of B, replaced word indices) or new ones
    Item = tuple  # (origin (p, k) or None, b_words, {index: old word})
    b_paras: list[list[Item]] = []
    moving: list[Item] = []
    places = [(p, k) for p, para in enumerate(paragraphs) for k in range(len(para)) if len(para) > 1]
    chosen = rng.sample(places, max(2, len(places) // 200) + 2 * max(1, len(places) // 300))
    n_moved = max(2, len(places) // 200)
    to_move, to_drop, to_add = set(chosen[:n_moved]), set(chosen[n_moved::2]), set(chosen[n_moved + 1::2])
    for p, para in enumerate(paragraphs):
        out: list[Item] = []
        for k, sentence in enumerate(para):
            if (p, k) in to_drop:
                continue
            new_words, changes = _edit(rng, sentence) if rng.random() < 0.3 else (list(sentence), {})
            item = ((p, k), new_words, changes)
            if (p, k) in to_move:
                if rng.random() < 0.5:
                    item = ((p, k), list(sentence), {})
                moving.append(item)
                continue
            out.append(item)
            if (p, k) in to_add:
                out.append((None, _versions_sentence(rng), {}))
        b_paras.append(out)
    added, dropped = len(to_add), len(to_drop)
    moved_to: list[tuple[int, Item]] = []
    for item in moving:
        target = rng.randrange(len(b_paras))
        while abs(target - item[0][0]) < 3 and len(b_paras) > 6:
            target = rng.randrange(len(b_paras))
        b_paras[target].insert(rng.randrange(len(b_paras[target]) + 1), item)
        moved_to.append((target, item))

    text_a, spans_a = _render(paragraphs)
    text_b, spans_b = _render([[item[1] for item in para] for para in b_paras])
    truth = Truth(added=added, dropped=dropped)
    moved_ids = {id(item) for _, item in moved_to}
    for q, para in enumerate(b_paras):
        for m, (origin, _, changes) in enumerate(para):
            if origin is None:
                continue
            a_words, b_words = spans_a[origin[0]][origin[1]], spans_b[q][m]
            for index in sorted(changes):
                (a0, a1), (b0, b1) = a_words[index], b_words[index]
                truth.replaced.append(Replaced(a0, a1, b0, b1, text_a[a0:a1], text_b[b0:b1]))
            if id(para[m]) in moved_ids:
                truth.moved.append(Moved(a_words[0][0], a_words[-1][1] + 1, b_words[0][0], b_words[-1][1] + 1))
    truth.replaced.sort(key=lambda r: r.a_start)
    truth.moved.sort(key=lambda m: m.a_start)
    return text_a, text_b, truth


def _edit(rng: random.Random, sentence: list[str]) -> tuple[list[str], dict[int, str]]:
    words = list(sentence)
    changes: dict[int, str] = {}
    for index in rng.sample(range(len(words)), rng.randint(1, 3)):
        neighbours = {words[i] for i in (index - 1, index + 1) if 0 <= i < len(words)}
        neighbours |= {sentence[i] for i in (index - 1, index, index + 1) if 0 <= i < len(sentence)}
        new = rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE)[0]
        while new in neighbours or new.capitalize() in neighbours:
            new = rng.choices(_VOCABULARY, cum_weights=_CUMULATIVE)[0]
        if index == len(words) - 1 and len(new) == 1:
            continue
        changes[index] = words[index]
        words[index] = new.capitalize() if index == 0 and words[index][:1].isupper() else new
    return words, changes


def _render(paragraphs: list[list[list[str]]]) -> tuple[str, list[list[list[tuple[int, int]]]]]:
    """The text (sentences end with a full stop, paragraphs split by a blank line) and the span of
    every word, by paragraph and sentence."""
    parts: list[str] = []
    spans: list[list[list[tuple[int, int]]]] = []
    pos = 0
    for p, para in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        para_spans = []
        for k, sentence in enumerate(para):
            if k:
                parts.append(" ")
                pos += 1
            word_spans = []
            for w, word in enumerate(sentence):
                if w:
                    parts.append(" ")
                    pos += 1
                parts.append(word)
                word_spans.append((pos, pos + len(word)))
                pos += len(word)
            parts.append(".")
            pos += 1
            para_spans.append(word_spans)
        spans.append(para_spans)
    return "".join(parts), spans


# --- Chinese -------------------------------------------------------------------------------------

_ZH_WORDS = """
双方 就 中美 关系 两国 合作 交流 会谈 会见 举行 通话 表示 指出 强调 认为 同意 愿 同 加强 推动 发展
稳定 和平 安全 经济 贸易 投资 能源 气候 变化 科技 卫生 农业 教育 文化 旅游 领导人 外长 部长 代表团
主席 总统 国务卿 问题 台湾 南海 朝鲜半岛 乌克兰 危机 局势 对话 沟通 磋商 机制 渠道 共识 原则 主权
领土 完整 核心 利益 相互 尊重 平等 互利 共赢 未来 共同 努力 国际 地区 全球 秩序 多边 主义 霸权
制裁 措施 市场 供应链 产业 企业 人员 往来 友好 坦诚 深入 建设性 坚决 反对 支持 关切 红线 核
""".split()


def chinese_pair(characters_per_side: int, seed: int = 5) -> tuple[str, str]:
    """Two Chinese texts of about `characters_per_side` characters: B is A with paragraphs
    reordered, about 5% of words changed and a few sentences dropped or added (as `pair`)."""
    rng = random.Random(seed)

    def sentence() -> list[str]:
        return [rng.choice(_ZH_WORDS) for _ in range(rng.randint(8, 20))]

    paragraphs: list[list[list[str]]] = []
    total = 0
    while total < characters_per_side:
        para = [sentence() for _ in range(rng.randint(3, 6))]
        total += sum(len(w) for s in para for w in s) + len(para)
        paragraphs.append(para)
    b_paras = [[list(s) for s in p] for p in paragraphs]
    for _ in range(max(1, len(b_paras) // 10)):
        i, j = rng.randrange(len(b_paras)), rng.randrange(len(b_paras))
        b_paras[i], b_paras[j] = b_paras[j], b_paras[i]
    for para in b_paras:
        for s in para:
            for w in range(len(s)):
                if rng.random() < 0.05:
                    s[w] = rng.choice(_ZH_WORDS)
        r = rng.random()
        if r < 0.03 and len(para) > 1:
            para.pop(rng.randrange(len(para)))
        elif r < 0.06:
            para.insert(rng.randrange(len(para) + 1), sentence())

    def render(paras: list[list[list[str]]]) -> str:
        return "\n\n".join("".join("".join(s) + "。" for s in p) for p in paras)

    return render(paragraphs), render(b_paras)
