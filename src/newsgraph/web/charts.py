"""Small SVG charts rendered on the server (pure functions, no script needed).

Colours come from CSS classes (``t-TYPE`` for a PLOVER type, ``bar`` for a single
series) in ``static/app.css``: the Content-Security-Policy forbids inline styles.
Every label is escaped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape

WIDTH, HEIGHT = 760, 260
PAD_LEFT, PAD_BOTTOM, PAD_TOP = 40, 48, 12


def _axis(max_value: int, plot_h: int) -> list[str]:
    parts: list[str] = []
    ticks = sorted({round(max_value * i / 4) for i in range(5)})
    for value in ticks:
        y = PAD_TOP + plot_h - plot_h * value / max(max_value, 1)
        parts.append(f'<line class="grid" x1="{PAD_LEFT}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="axis" x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>')
    return parts


def stacked_bars(
    points: list[dict[str, Any]], *, title: str = "Events per type over time", css_prefix: str = "t-"
) -> Markup:
    """One bar per period, stacked by type: ``points`` are ``{period, type, events}`` rows."""
    by_period: dict[str, dict[str, int]] = defaultdict(dict)
    for p in points:
        by_period[str(p["period"])][str(p["type"])] = int(p["events"])
    periods = sorted(by_period)
    if not periods:
        return Markup('<p class="empty">No dated events for these filters.</p>')
    plot_w, plot_h = WIDTH - PAD_LEFT, HEIGHT - PAD_BOTTOM - PAD_TOP
    top = max(sum(v.values()) for v in by_period.values())
    step = plot_w / len(periods)
    bar_w = min(max(step * 0.7, 1.0), 48.0)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        *_axis(top, plot_h),
    ]
    label_every = max(1, len(periods) // 12)
    for i, period in enumerate(periods):
        x = PAD_LEFT + i * step + (step - bar_w) / 2
        y = PAD_TOP + plot_h
        for type_, n in sorted(by_period[period].items()):
            h = plot_h * n / top
            y -= h
            parts.append(
                f'<rect class="{escape(css_prefix)}{escape(type_)}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{h:.1f}">'
                f"<title>{escape(period)} {escape(type_)}: {n}</title></rect>"
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="axis" x="{x + bar_w / 2:.1f}" y="{HEIGHT - PAD_BOTTOM + 16}" '
                f'text-anchor="middle">{escape(period)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bars(points: list[dict[str, Any]], *, key: str = "mentions", title: str = "Mentions per month") -> Markup:
    """A single-series bar chart of ``{period, KEY}`` rows (the entity page's small timeline)."""
    if not points:
        return Markup('<p class="empty">No dated mentions.</p>')
    rows = [{"period": p["period"], "type": "bar", "events": p[key]} for p in points]
    return stacked_bars(rows, title=title, css_prefix="")


__all__ = ["bars", "stacked_bars"]
