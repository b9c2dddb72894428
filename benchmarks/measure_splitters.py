"""Measure candidate sentence splitters (and language detectors) to choose the ones Counterpart uses.

    .venv/bin/python benchmarks/measure_splitters.py            # splitters: accuracy and speed
    .venv/bin/python benchmarks/measure_splitters.py --languages  # detectors: accuracy, load, memory

Accuracy: the tricky cases below (written for this script, not taken from published texts), a
case counts when the splitter returns exactly the expected sentences. Speed: a text built from
the cases' paragraphs up to 10,000 and 100,000 words, split paragraph by paragraph (blank lines),
which is how segment() calls the splitter; razdel and syntok have no language switch.
Each language detector runs in its own process so that its load time and memory are its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (language, paragraph, expected sentences)
CASES: list[tuple[str, str, list[str]]] = [
    ("en", "Mr. Smith met Dr. Lee in Geneva. They spoke for an hour.",
     ["Mr. Smith met Dr. Lee in Geneva.", "They spoke for an hour."]),
    ("en", "The U.S. delegation arrived on Monday. The U.N. envoy joined later.",
     ["The U.S. delegation arrived on Monday.", "The U.N. envoy joined later."]),
    ("en", "The minister praised ties with the U.S. The two sides will meet in May.",
     ["The minister praised ties with the U.S.", "The two sides will meet in May."]),
    ("en", "Talks covered trade, energy, climate, etc. and ended early. Both sides will meet again.",
     ["Talks covered trade, energy, climate, etc. and ended early.", "Both sides will meet again."]),
    ("en", "He cited Resolution No. 5 of the council. It passed in 2019.",
     ["He cited Resolution No. 5 of the council.", "It passed in 2019."]),
    ("en", 'The minister said: "We will not accept this." The talks then ended.',
     ['The minister said: "We will not accept this."', "The talks then ended."]),
    ("en", "(The statement was issued later.) Both sides welcomed it.",
     ["(The statement was issued later.)", "Both sides welcomed it."]),
    ("en", "Joseph R. Biden, Jr. spoke with the premier. The call lasted two hours.",
     ["Joseph R. Biden, Jr. spoke with the premier.", "The call lasted two hours."]),
    ("en", "Mrs. Ortiz and Sr. Diplomat Ms. Kaur attended. Nothing was agreed.",
     ["Mrs. Ortiz and Sr. Diplomat Ms. Kaur attended.", "Nothing was agreed."]),
    ("en", "Joint Statement\nThe parties met in Geneva. They agreed on a plan.",
     ["Joint Statement", "The parties met in Geneva.", "They agreed on a plan."]),
    ("en", "### Outcomes\n- Both sides agreed to resume talks\n- A working group will meet in June",
     ["### Outcomes", "- Both sides agreed to resume talks", "- A working group will meet in June"]),
    ("fr", "M. Wang a rencontré M. Lavrov à Moscou. Les deux ministres ont discuté.",
     ["M. Wang a rencontré M. Lavrov à Moscou.", "Les deux ministres ont discuté."]),
    ("fr", "Plusieurs sujets, p. ex. Taïwan, ont été abordés. La réunion a duré deux heures.",
     ["Plusieurs sujets, p. ex. Taïwan, ont été abordés.", "La réunion a duré deux heures."]),
    ("fr", "Selon l'art. 5 du traité, les parties se consultent. Elles l'ont fait hier.",
     ["Selon l'art. 5 du traité, les parties se consultent.", "Elles l'ont fait hier."]),
    ("fr", "« Nous sommes prêts à coopérer. » Le ministre a ensuite quitté la salle.",
     ["« Nous sommes prêts à coopérer. »", "Le ministre a ensuite quitté la salle."]),
    ("fr", "Mme Dupont a parlé au nom de l'UE. Elle a insisté sur la paix.",
     ["Mme Dupont a parlé au nom de l'UE.", "Elle a insisté sur la paix."]),
    ("ru", "Президент В.В. Путин провёл переговоры. Стороны обсудили торговлю.",
     ["Президент В.В. Путин провёл переговоры.", "Стороны обсудили торговлю."]),
    ("ru", "Министр иностранных дел С. В. Лавров прибыл в Пекин. Визит продлится два дня.",
     ["Министр иностранных дел С. В. Лавров прибыл в Пекин.", "Визит продлится два дня."]),
    ("ru", "Обсуждались экономика, энергетика и т.д. Стороны договорились продолжить контакты.",
     ["Обсуждались экономика, энергетика и т.д.", "Стороны договорились продолжить контакты."]),
    ("ru", "Обсуждались экономика, энергетика и т.д., а также культура. Визит завершился.",
     ["Обсуждались экономика, энергетика и т.д., а также культура.", "Визит завершился."]),
    ("ru", "Договор был подписан в 2001 г. Переговоры продолжились в 2021 г. в Москве.",
     ["Договор был подписан в 2001 г.", "Переговоры продолжились в 2021 г. в Москве."]),
    ("ru", "Встреча прошла в г. Москве. Она длилась три часа.",
     ["Встреча прошла в г. Москве.", "Она длилась три часа."]),
    ("ru", "В 2020–2021 гг. Россия и Китай провели ряд встреч. Контакты продолжатся.",
     ["В 2020–2021 гг. Россия и Китай провели ряд встреч.", "Контакты продолжатся."]),
    ("ru", "Это, т.е. диалог, важно. «Мы готовы к сотрудничеству», — заявил министр.",
     ["Это, т.е. диалог, важно.", "«Мы готовы к сотрудничеству», — заявил министр."]),
    ("ru", "«Мы готовы к диалогу.» Министр покинул зал.",
     ["«Мы готовы к диалогу.»", "Министр покинул зал."]),
    ("ru", "Согласно ст. 5 договора стороны консультируются. Так и было.",
     ["Согласно ст. 5 договора стороны консультируются.", "Так и было."]),
    ("zh", "王毅表示，中方愿同俄方加强沟通。双方同意保持联系。",
     ["王毅表示，中方愿同俄方加强沟通。", "双方同意保持联系。"]),
    ("zh", "习近平指出：“中美应该相互尊重。”拜登表示同意。",
     ["习近平指出：“中美应该相互尊重。”", "拜登表示同意。"]),
    ("zh", "双方就乌克兰问题交换了意见；中方阐述了立场。",
     ["双方就乌克兰问题交换了意见；中方阐述了立场。"]),
    ("zh", "会谈是坦诚的……双方还有分歧！这是真的吗？",
     ["会谈是坦诚的……", "双方还有分歧！", "这是真的吗？"]),
    ("zh", "雙方同意繼續溝通。王毅闡述了立場。",
     ["雙方同意繼續溝通。", "王毅闡述了立場。"]),
    ("es", "El Sr. Wang se reunió con el Dr. Pérez en Madrid. Ambos hablaron de comercio.",
     ["El Sr. Wang se reunió con el Dr. Pérez en Madrid.", "Ambos hablaron de comercio."]),
    ("es", "¿Qué pasará ahora? Nadie lo sabe.", ["¿Qué pasará ahora?", "Nadie lo sabe."]),
    ("es", "Según el art. 5 del tratado, las partes se consultan. Así lo hicieron.",
     ["Según el art. 5 del tratado, las partes se consultan.", "Así lo hicieron."]),
    ("es", "China y EE. UU. hablaron de comercio. La reunión fue larga.",
     ["China y EE. UU. hablaron de comercio.", "La reunión fue larga."]),
]


def ours(text: str, lang: str) -> list[str]:
    from viewer.text.paragraphs import paragraph_spans
    from viewer.text.sentences import sentence_spans

    return [text[s:e] for ps, pe in paragraph_spans(text) for s, e in sentence_spans(text, lang, ps, pe)]


def pysbd_split(text: str, lang: str) -> list[str]:
    import pysbd

    return _segmenter(pysbd, lang).segment(text)


_PYSBD: dict[str, object] = {}


def _segmenter(pysbd, lang: str):
    if lang not in _PYSBD:
        _PYSBD[lang] = pysbd.Segmenter(language=lang, clean=False)
    return _PYSBD[lang]


def razdel_split(text: str, lang: str) -> list[str]:
    import razdel

    return [s.text for s in razdel.sentenize(text)]


def sentencex_split(text: str, lang: str) -> list[str]:
    import sentencex

    return list(sentencex.segment(lang, text))


def syntok_split(text: str, lang: str) -> list[str]:
    from syntok import segmenter

    out = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            last = sentence[-1]
            out.append(text[sentence[0].offset:last.offset + len(last.value)])
    return out


SPLITTERS = {
    "ours": ours,
    "pysbd": pysbd_split,
    "razdel": razdel_split,
    "sentencex": sentencex_split,
    "syntok": syntok_split,
}


def accuracy(name: str, verbose: bool) -> tuple[int, dict[str, list[int]]]:
    split = SPLITTERS[name]
    right, by_lang = 0, {}
    for lang, text, expected in CASES:
        got = [s.strip() for s in split(text, lang) if s.strip()]
        ok = got == expected
        right += ok
        by_lang.setdefault(lang, [0, 0])
        by_lang[lang][0] += ok
        by_lang[lang][1] += 1
        if verbose and not ok:
            print(f"    {name} [{lang}] {got}")
    return right, by_lang


def big_text(words: int) -> list[tuple[str, str]]:
    """(language, paragraph) pairs cycling through the cases until `words` words."""
    out, n = [], 0
    while n < words:
        for lang, text, _ in CASES:
            out.append((lang, text))
            n += len(text.split()) if lang != "zh" else len(text) // 2
    return out


def speed(name: str, words: int) -> float:
    split = SPLITTERS[name]
    paragraphs = big_text(words)
    t = time.perf_counter()
    for lang, text in paragraphs:
        split(text, lang)
    return time.perf_counter() - t


def one_string_speed(name: str, words: int) -> float:
    """Russian paragraphs joined into one string with single spaces: the superlinear trap."""
    split = SPLITTERS[name]
    text = " ".join(t for lang, t in big_text(words * 4) if lang == "ru")
    text = " ".join(text.split()[:words])
    t = time.perf_counter()
    split(text, "ru")
    return time.perf_counter() - t


# Short texts (1 to 3 sentences) for language detection, written for this script.
LANGUAGE_CASES: list[tuple[str, str]] = [
    ("en", "The two ministers discussed trade."),
    ("en", "Both sides agreed to keep in touch. The call was candid."),
    ("en", "He said the relationship was at a crossroads and must be managed responsibly."),
    ("fr", "Les deux ministres ont discuté du commerce."),
    ("fr", "Il a dit que la Chine était prête. La réunion a été constructive."),
    ("fr", "Le président a reçu son homologue à Paris."),
    ("es", "Los dos ministros hablaron del comercio."),
    ("es", "Ambas partes acordaron mantener el contacto. La llamada fue franca."),
    ("es", "El presidente recibió a su homólogo en Madrid."),
    ("de", "Die beiden Minister sprachen über den Handel."),
    ("de", "Beide Seiten vereinbarten, in Kontakt zu bleiben. Das Gespräch war offen."),
    ("de", "Der Präsident empfing seinen Amtskollegen in Berlin."),
    ("it", "I due ministri hanno discusso del commercio."),
    ("it", "Entrambe le parti hanno concordato di restare in contatto."),
    ("pt", "Os dois ministros discutiram o comércio."),
    ("pt", "Ambas as partes concordaram em manter o contato. A chamada foi franca."),
    ("ru", "Министры обсудили вопросы торговли."),
    ("ru", "Стороны договорились поддерживать контакты. Разговор был откровенным."),
    ("uk", "Міністри обговорили питання торгівлі."),
    ("uk", "Сторони домовилися підтримувати контакти. Розмова була відвертою."),
    ("zh", "双方同意保持沟通。"),
    ("zh", "雙方同意保持溝通。"),
    ("ar", "ناقش الوزيران قضايا التجارة."),
    ("it", "La Cina e l'Italia firmano un accordo."),
    ("pt", "A China e o Brasil assinam um acordo."),
    ("es", "China y Brasil firman un acuerdo."),
    ("en", "Talks in Geneva."),
    ("de", "Gespräche in Genf."),
    ("fr", "Entretiens à Genève."),
    ("it", "Colloqui a Ginevra."),
    ("pt", "Conversas em Genebra."),
    ("es", "Conversaciones en Ginebra."),
    ("en", "Trade and security."),
    ("fr", "Commerce et sécurité."),
    ("es", "Comercio y seguridad."),
]

_DETECT = {
    "profile": "from viewer.text.language import detect_language as d; detect = d",
    "lingua-6": (
        "from lingua import Language, LanguageDetectorBuilder\n"
        "langs = [Language.ENGLISH, Language.FRENCH, Language.SPANISH, Language.GERMAN,"
        " Language.ITALIAN, Language.PORTUGUESE, Language.RUSSIAN, Language.UKRAINIAN,"
        " Language.CHINESE, Language.ARABIC]\n"
        "det = LanguageDetectorBuilder.from_languages(*langs).build()\n"
        "det.detect_language_of('warm up')\n"
        "def detect(t):\n"
        "    r = det.detect_language_of(t)\n"
        "    return r.iso_code_639_1.name.lower() if r else 'und'\n"
    ),
    "py3langid": (
        "import py3langid\n"
        "py3langid.classify('warm up')\n"
        "def detect(t):\n"
        "    return py3langid.classify(t)[0]\n"
    ),
}


def detector_child(name: str) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    scope: dict = {}
    exec(_DETECT[name], scope)
    load = time.perf_counter() - t
    detect = scope["detect"]
    t = time.perf_counter()
    wrong = [(lang, text) for lang, text in LANGUAGE_CASES if detect(text) != lang]
    per_text = (time.perf_counter() - t) / len(LANGUAGE_CASES)
    mem = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"load_s": load, "per_text_ms": per_text * 1000, "extra_mb": mem,
                      "right": len(LANGUAGE_CASES) - len(wrong), "wrong": wrong}, ensure_ascii=False))


def languages() -> None:
    for name in _DETECT:
        out = subprocess.run([sys.executable, __file__, "--detector-child", name],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out)
        print(f"{name:10} right {r['right']}/{len(LANGUAGE_CASES)}  load {r['load_s']:.2f} s  "
              f"{r['per_text_ms']:.2f} ms/text  +{r['extra_mb']:.0f} MB  wrong: {r['wrong']}")


def splitters(verbose: bool) -> None:
    for name in SPLITTERS:
        right, by_lang = accuracy(name, verbose)
        langs = " ".join(f"{k} {a}/{b}" for k, (a, b) in by_lang.items())
        t10 = speed(name, 10_000)
        t100 = speed(name, 100_000) if t10 < 5 else float("nan")
        one = one_string_speed(name, 10_000)
        print(f"{name:10} right {right}/{len(CASES)} ({langs})  10k words {t10:.2f} s  "
              f"100k words {t100:.2f} s  one 10k-word Russian string {one:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", action="store_true", help="measure language detectors")
    parser.add_argument("--detector-child", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="print each wrong split")
    args = parser.parse_args()
    if args.detector_child:
        detector_child(args.detector_child)
    elif args.languages:
        languages()
    else:
        splitters(args.verbose)


if __name__ == "__main__":
    main()
