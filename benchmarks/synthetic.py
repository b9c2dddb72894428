"""Deterministic synthetic readout pairs for benchmarks: B is A with paragraphs reordered, about
5% of words changed, and sentences moved, dropped and added, so every stage has real work."""

from __future__ import annotations

import random

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
