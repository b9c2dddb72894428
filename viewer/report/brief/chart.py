"""Topic shares of both sides as a diverging bar chart (A to the left, B to the right), as PNG.

Drawn on a bare matplotlib Figure with the Agg canvas: no pyplot state, no Qt, safe in a
worker thread. Labels may be Chinese or Russian, so the font family lists CJK fonts after the
Latin one and matplotlib falls back glyph by glyph to whichever is installed.
"""

from __future__ import annotations

import io
from functools import lru_cache

from viewer.model import Comparison

A_COLOUR = "#E66101"  # orange / purple pair of the colour-blind-safe PuOr scheme
B_COLOUR = "#5E3C99"
_FAMILIES = ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Micro Hei", "Microsoft YaHei",
             "SimHei", "PingFang SC", "Arial Unicode MS")


@lru_cache(maxsize=1)
def _fonts() -> list[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in _FAMILIES if name in installed] or ["sans-serif"]


def topic_chart_png(c: Comparison, *, dpi: int = 150) -> bytes | None:
    """The chart, or None when neither side has a topic to show."""
    topics = [t for t in c.topics if t.share.get("A", 0) > 0 or t.share.get("B", 0) > 0]
    if not topics:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    topics.sort(key=lambda t: max(t.share.get("A", 0), t.share.get("B", 0)))
    shares_a = [-100 * t.share.get("A", 0) for t in topics]
    shares_b = [100 * t.share.get("B", 0) for t in topics]
    with _rc():
        fig = Figure(figsize=(6.5, 0.9 + 0.32 * len(topics)), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        y = range(len(topics))
        ax.barh(y, shares_a, color=A_COLOUR, label=c.label("A"))
        ax.barh(y, shares_b, color=B_COLOUR, label=c.label("B"))
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
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


def _rc():
    from matplotlib import rc_context

    return rc_context({"font.family": _fonts(), "font.size": 8})
