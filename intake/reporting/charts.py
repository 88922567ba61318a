"""Charts drawn on the server as SVG strings: accessible, escaped, no JavaScript.

Every chart is an `<svg role="img">` labelled by its `<title>` and a `<desc>` that
states every value in words, so a screen reader gets the whole chart. Each bar
carries its value as text; the stacked bars also name each part in words and
tell the parts apart by pattern as well as by colour. Every label goes through
markupsafe's escape. Sized by viewBox only, so the page decides the width.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Sequence

from markupsafe import escape

from intake.reporting.figures import Count, MonthCount
from intake.reporting.timeliness import Timeliness

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 64
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16
TEXT = "#0b0c0c"  # near-black on white: 19:1
BAR = "#1d70b8"  # blue on white: 5.2:1
FONT = 'font-family="Arial, Helvetica, sans-serif" font-size="14"'
MAX_LABEL = 27


@dataclass(frozen=True)
class Part:
    """One part of a stacked bar: its name in words, a colour and a pattern (so colour is not the only cue)."""

    label: str
    colour: str
    pattern: str  # "solid", "diagonal", "cross" or "dots"
    short: str = ""  # the words under each bar (default: the label, lower case)

    @property
    def words(self) -> str:
        return self.short or self.label.lower()


TIMELINESS_PARTS = (
    Part("On time", "#00703c", "solid"),  # green: 5.9:1 on white
    Part("On time after an extension", "#1d70b8", "diagonal", "extended, on time"),
    Part("Late", "#d4351c", "cross"),  # red: 4.5:1
    Part("Overdue, not yet answered", "#0b0c0c", "dots", "overdue"),
)


def _e(value: object) -> str:
    return str(escape(str(value)))


def _id(chart_id: str | None, title: str) -> str:
    if chart_id:
        return re.sub(r"[^A-Za-z0-9_-]", "-", chart_id)
    return "chart-" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1].rstrip() + "…"


def _open(cid: str, title: str, description: str, height: int) -> list[str]:
    return [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-labelledby="{cid}-title {cid}-desc" {FONT}>',
            f'<title id="{cid}-title">{_e(title)}</title>',
            f'<desc id="{cid}-desc">{_e(description)}</desc>',
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
            f'<text x="8" y="22" font-size="16" font-weight="bold" fill="{TEXT}">{_e(title)}</text>']


def _label(y: float, label: str) -> str:
    """A row's name on the left, whole in a tooltip title when it had to be shortened."""
    full = f"<title>{_e(label)}</title>" if _short(label) != label else ""
    return (f'<text x="{LABEL_WIDTH - 8}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{TEXT}">{full}{_e(_short(label))}</text>')


def bar_chart(title: str, bars: Sequence[tuple[str, int]], *, description: str | None = None,
              chart_id: str | None = None) -> str:
    """Horizontal bars, one per (label, value), each with its value written at its end."""
    cid, row, top = _id(chart_id, title), 28, 40
    height = top + row * max(len(bars), 1) + 12
    most = max((value for _, value in bars), default=0) or 1
    if description is None:
        listed = "; ".join(f"{label}: {value}" for label, value in bars) or "no data"
        description = f"Bar chart. {listed}."
    parts = _open(cid, title, description, height)
    for i, (label, value) in enumerate(bars):
        y, width = top + i * row, BAR_AREA * max(value, 0) / most
        parts.append(_label(y + row / 2, label))
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width:.1f}" height="{row - 8}" fill="{BAR}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + row / 2:.1f}" dominant-baseline="middle" '
                     f'fill="{TEXT}">{_e(value)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _patterns(cid: str, parts: Sequence[Part]) -> list[str]:
    shapes = {"diagonal": '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#ffffff" stroke-width="1.5"/>',
              "cross": '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#ffffff" stroke-width="1.5"/>',
              "dots": '<circle cx="4" cy="4" r="1.6" fill="#ffffff"/>', "solid": ""}
    defs = ["<defs>"]
    for i, part in enumerate(parts):
        defs.append(f'<pattern id="{cid}-p{i}" width="8" height="8" patternUnits="userSpaceOnUse">'
                    f'<rect width="8" height="8" fill="{_e(part.colour)}"/>{shapes.get(part.pattern, "")}</pattern>')
    defs.append("</defs>")
    return defs


def _legend(cid: str, parts: Sequence[Part], y: int) -> list[str]:
    found, x = [], 8
    for i, part in enumerate(parts):
        found.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="url(#{cid}-p{i})" stroke="{TEXT}"/>')
        found.append(f'<text x="{x + 20}" y="{y + 11}" fill="{TEXT}" font-size="12">{_e(part.label)}</text>')
        x += 34 + round(6.2 * len(part.label))
    return found


def stacked_bar_chart(title: str, rows: Sequence[tuple[str, Sequence[int]]], parts: Sequence[Part], *,
                      description: str | None = None, chart_id: str | None = None) -> str:
    """One stacked bar per (label, values), values in the order of `parts`; the parts are named in words under it."""
    cid, row, top = _id(chart_id, title), 52, 66
    height = top + row * max(len(rows), 1) + 8
    most = max((sum(values) for _, values in rows), default=0) or 1
    if description is None:
        description = "Stacked bar chart. " + " ".join(
            f"{label}: " + ", ".join(f"{p.label.lower()} {v}" for p, v in zip(parts, values)) + "."
            for label, values in rows)
    out = _open(cid, title, description, height) + _patterns(cid, parts) + _legend(cid, parts, 34)
    for i, (label, values) in enumerate(rows):
        y, x = top + i * row, float(LABEL_WIDTH)
        out.append(_label(y + 12, label))
        for j, value in enumerate(values):
            width = BAR_AREA * max(value, 0) / most
            if width:
                out.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="24" fill="url(#{cid}-p{j})" '
                           f'stroke="#ffffff" stroke-width="1"/>')
            x += width
        out.append(f'<text x="{x + 6:.1f}" y="{y + 12}" dominant-baseline="middle" fill="{TEXT}">'
                   f'{_e(sum(values))}</text>')
        words = " · ".join(f"{p.words} {v}" for p, v in zip(parts, values) if v) or "none"
        out.append(f'<text x="{LABEL_WIDTH}" y="{y + 40}" fill="{TEXT}" font-size="12">{_e(words)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def counts_chart(title: str, counts: Sequence[Count], *, chart_id: str | None = None) -> str:
    """Volumes by category, stage, decision, reason or outcome."""
    return bar_chart(title, [(c.label, c.count) for c in counts], chart_id=chart_id)


def months_chart(title: str, months: Sequence[MonthCount], *, chart_id: str | None = None) -> str:
    return bar_chart(title, [(m.label, m.count) for m in months], chart_id=chart_id)


def timeliness_chart(rows: Sequence[Timeliness], *, title: str = "Answered within the statutory timescales",
                     chart_id: str | None = None) -> str:
    """On time, on time after an extension, late and overdue, for each deadline that had any."""
    shown = [t for t in rows if t.answered or t.overdue]
    data = [(t.label, (t.on_time, t.within_extension, t.late, t.overdue)) for t in shown]
    limits = "; ".join(f"{t.label}: {t.working_days} working days"
                       + (f", {t.extended_working_days} if extended" if t.extended_working_days else "")
                       for t in shown)
    said = " ".join(f"{label}: " + ", ".join(f"{p.label.lower()} {v}" for p, v in zip(TIMELINESS_PARTS, values)) + "."
                    for label, values in data)
    description = (f"Stacked bar chart. {said} Limits: {limits}." if data
                   else "Stacked bar chart. No deadline was answered or overdue.")
    return stacked_bar_chart(title, data, TIMELINESS_PARTS, description=description, chart_id=chart_id)
