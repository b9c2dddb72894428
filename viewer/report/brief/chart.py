"""Topic shares of both sides as a diverging bar chart (A to the left, B to the right), as PNG.

Drawn on a bare matplotlib Figure with the Agg canvas: no pyplot state, no Qt, safe in a
worker thread. Labels may be Chinese: matplotlib falls back glyph by glyph from DejaVu Sans to
a CJK font, but only to one its font cache knows, and that cache is built once, so a CJK font
installed afterwards is invisible (the labels come out as empty boxes with a mere warning).
The CJK font is therefore looked up with fontconfig and registered from its file; without any,
the sides are named A and B in the legend and a warning says which package to install.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import textwrap
from functools import lru_cache

from viewer.colours import SIDE
from viewer.lang.script import EAST_ASIAN
from viewer.model import SIDES, Comparison
from viewer.printable import printable

A_COLOUR, B_COLOUR = SIDE["A"], SIDE["B"]  # the window's colours of the two sides (Okabe-Ito blue, orange)
LATIN = "DejaVu Sans"
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                "Microsoft YaHei", "SimHei", "PingFang SC", "Arial Unicode MS")
PROBE = "中文"  # a font that draws these draws the labels
LEGEND_CHARS = 48  # a longer side name wraps instead of being cut at the figure's edge
NO_CJK = ("no font with Chinese characters is installed (Debian: apt-get install fonts-noto-cjk): "
          "the chart's legend names the sides A and B")
log = logging.getLogger(__name__)


def _draws(path: str) -> bool:
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) for ch in PROBE)


def _fontconfig_files() -> list[str]:
    """Files fontconfig offers for the CJK families (its best match for each, which may be any
    font), then every font it knows for Chinese."""
    if shutil.which("fc-match") is None:
        return []
    files = []
    try:
        for family in CJK_FAMILIES[:3]:
            files.append(subprocess.run(["fc-match", family, "-f", "%{file}"], capture_output=True, text=True,
                                        timeout=10).stdout.strip())
        listed = subprocess.run(["fc-list", ":lang=zh", "-f", "%{file}\n"], capture_output=True, text=True,
                                timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return [f for f in files if f]
    return [f for f in files + sorted(listed.splitlines()) if f]


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a font that draws Chinese, made known to matplotlib; None without one."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    for entry in manager.ttflist:
        if entry.name in CJK_FAMILIES and _draws(entry.fname):
            return entry.name
    for path in _fontconfig_files():
        if _draws(path):
            manager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    return None


def chart_families() -> list[str]:
    """The font family list of the chart: Latin first, then the CJK font when there is one."""
    cjk = cjk_font()
    return [LATIN, cjk] if cjk else [LATIN]


def _legend_label(c: Comparison, side: str) -> str:
    label = printable(c.label(side))  # a control character has no glyph
    if EAST_ASIAN.search(label) and cjk_font() is None:
        log.warning(NO_CJK)
        return side
    return textwrap.fill(f"{side}: {label}", LEGEND_CHARS)


def topic_chart_png(c: Comparison, *, dpi: int = 150) -> bytes | None:
    """The chart, or None when neither side has a topic to show."""
    topics = [t for t in c.topics if t.share.get("A", 0) > 0 or t.share.get("B", 0) > 0]
    if not topics:
        return None
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    topics.sort(key=lambda t: max(t.share.get("A", 0), t.share.get("B", 0)))
    shares_a = [-100 * t.share.get("A", 0) for t in topics]
    shares_b = [100 * t.share.get("B", 0) for t in topics]
    labels = {side: _legend_label(c, side) for side in SIDES}
    long = any("\n" in label or len(label) > LEGEND_CHARS // 2 for label in labels.values())
    with rc_context({"font.family": chart_families(), "font.size": 8}):
        fig = Figure(figsize=(6.5, 1.1 + 0.22 * len(topics) + (0.25 if long else 0)), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        y = range(len(topics))
        ax.barh(y, shares_a, color=A_COLOUR, label=labels["A"])
        ax.barh(y, shares_b, color=B_COLOUR, label=labels["B"])
        ax.set_yticks(list(y), [t.label for t in topics])
        ax.axvline(0, color="#333333", linewidth=0.8)
        limit = max(max(-v for v in shares_a), max(shares_b), 1) * 1.25
        ax.set_xlim(-limit, limit)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(v):.0f}%")
        for yi, (va, vb) in enumerate(zip(shares_a, shares_b, strict=True)):
            if va:
                ax.text(va, yi, f"{-va:.0f}% ", ha="right", va="center", fontsize=7)
            if vb:
                ax.text(vb, yi, f" {vb:.0f}%", ha="left", va="center", fontsize=7)
        ax.set_xlabel("share of each readout's text")
        # one column when a name is long: side by side, two long names run off the figure
        fig.legend(loc="outside upper center", ncols=1 if long else 2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=dpi)
    return out.getvalue()
