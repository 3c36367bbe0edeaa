"""Charts drawn at build time as inline SVG: no script, no request, readable without colour."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    svg: Markup
    points: tuple[tuple[str, int], ...]


def bar_chart(
    title: str, points: list[tuple[str, int]], *, max_label: str = "max", width: int = 640, height: int = 160
) -> Chart:
    """One bar per point; the first and last labels and the maximum are written on the axes."""
    top = max((v for _, v in points), default=0) or 1
    plot_h = height - 28
    step = width / max(len(points), 1)
    bar = max(step * 0.7, 1)
    bars = []
    for index, (label, value) in enumerate(points):
        h = value / top * plot_h
        x = index * step + (step - bar) / 2
        bars.append(
            f'<rect x="{x:.1f}" y="{plot_h - h + 8:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="1">'
            f"<title>{escape(label)}: {value}</title></rect>"
        )
    maximum = f"{escape(max_label)} {top}"
    first = escape(points[0][0]) if points else ""
    last = escape(points[-1][0]) if points else ""
    svg = (
        f'<svg class="rse-chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<g class="rse-chart__bars">{"".join(bars)}</g>'
        f'<line x1="0" y1="{plot_h + 8}" x2="{width}" y2="{plot_h + 8}" class="rse-chart__axis"/>'
        f'<text x="0" y="{height - 4}" class="rse-chart__label">{first}</text>'
        f'<text x="{width}" y="{height - 4}" text-anchor="end" class="rse-chart__label">{last}</text>'
        f'<text x="{width}" y="12" text-anchor="end" class="rse-chart__label">{maximum}</text>'
        "</svg>"
    )
    return Chart(title, Markup(svg), tuple(points))


def sparkline(values: tuple[int, ...], label: str, *, width: int = 160, height: int = 28) -> Markup:
    """A person's monthly activity as one small line (months without activity at zero)."""
    if not values:
        return Markup("")
    top = max(values) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(
        f"{i * step:.1f},{height - 2 - v / top * (height - 4):.1f}" for i, v in enumerate(values)
    )
    return Markup(
        f'<svg class="rse-sparkline" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="1.5"/></svg>'
    )
