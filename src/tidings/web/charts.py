"""Charts as plain geometry, drawn as SVG by the templates: no chart library, no script.

Every chart reads cooperation upwards and conflict downwards, in the four quad-class
colours, so a page can be read at a glance the same way everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
PERIODS = ("week", "month", "quarter", "year")  # finest first
MAX_BARS = 160  # periods on one axis before the chart moves to a coarser period
MAX_GRID_COLUMNS = 60  # periods of the type grid, whose cells need more room than bars
MAX_X_LABELS = 10
WIDTH = 960

Link = Callable[[date, date], str]  # the URL of the events of one period


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str
    href: str | None = None
    opacity: float = 1.0


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    rects: list[Rect]
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    right_ticks: list[Tick] = field(default_factory=list)
    zero: float | None = None
    line: str = ""  # SVG polyline points
    dots: list[Rect] = field(default_factory=list)
    row_labels: list[Tick] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def next_period(day: date, period: str) -> date:
    if period == "week":
        return day + timedelta(days=7)
    if period in ("month", "quarter"):
        months = day.month - 1 + (1 if period == "month" else 3)
        return date(day.year + months // 12, months % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def period_start(day: date, period: str) -> date:
    """What DuckDB's date_trunc gives for `day`."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def period_label(day: date, period: str) -> str:
    return {"week": day.isoformat(), "month": day.strftime("%b %Y"),
            "quarter": f"Q{(day.month - 1) // 3 + 1} {day.year}", "year": str(day.year)}[period]


def periods_between(first: date, last: date, period: str) -> list[date]:
    days = [period_start(first, period)]
    while days[-1] < period_start(last, period):
        days.append(next_period(days[-1], period))
    return days


def fitting_period(days: Iterable[date], period: str, most: int = MAX_BARS) -> str:
    """`period`, or a coarser one when the span of `days` would need more than `most` periods."""
    days = list(days)
    if not days:
        return period
    first, last = min(days), max(days)
    for candidate in PERIODS[PERIODS.index(period):]:
        if len(periods_between(first, last, candidate)) <= most:
            return candidate
    return "year"


def recent_window(days: Iterable[date], period: str) -> date | None:
    """The first of the latest MAX_BARS periods when `days` span more than that, else None."""
    days = list(days)
    if not days:
        return None
    starts = periods_between(min(days), max(days), period)
    return starts[-MAX_BARS] if len(starts) > MAX_BARS else None


def _nice_ceiling(value: float) -> float:
    """1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def _x_ticks(days: Sequence[date], left: float, step: float, period: str) -> list[Tick]:
    every = max(1, math.ceil(len(days) / MAX_X_LABELS))
    return [Tick(left + (k + 0.5) * step, period_label(day, period))
            for k, day in enumerate(days) if k % every == 0]


def cooperation_conflict(counts: Mapping[date, Mapping[int, int]], period: str,
                         mean_goldstein: Mapping[date, float | None] | None = None,
                         link: Link | None = None) -> Chart | None:
    """Bars of events per period by quad class (cooperation up, conflict down), and the mean
    Goldstein score as a line on the right axis when given. None when there is nothing."""
    if not counts:
        return None
    days = periods_between(min(counts), max(counts), period)
    height, top, bottom = 300, 14, 270
    left, right = 48, WIDTH - (48 if mean_goldstein is not None else 16)
    half = (bottom - top) / 2
    zero = top + half
    up = max(counts.get(d, {}).get(1, 0) + counts.get(d, {}).get(2, 0) for d in days)
    down = max(counts.get(d, {}).get(3, 0) + counts.get(d, {}).get(4, 0) for d in days)
    scale = half / _nice_ceiling(max(up, down, 1))
    step = (right - left) / len(days)
    gap = min(2.0, step * 0.15)
    rects = []
    for k, day in enumerate(days):
        x = left + k * step + gap / 2
        label = period_label(day, period)
        href = link(day, next_period(day, period) - timedelta(days=1)) if link else None
        stacked = {1: 0.0, 3: 0.0}  # heights already drawn above and below the axis
        for quad in (1, 2, 3, 4):
            n = counts.get(day, {}).get(quad, 0)
            if not n:
                continue
            side = 1 if quad <= 2 else 3
            h = n * scale
            y = zero - stacked[side] - h if side == 1 else zero + stacked[side]
            stacked[side] += h
            rects.append(Rect(x, y, step - gap, h, f"q{quad}",
                              f"{label}: {n} {QUAD_NAMES[quad]}", href))
    peak = _nice_ceiling(max(up, down, 1))
    y_ticks = [Tick(zero - v * scale, str(int(v))) for v in (peak, peak / 2) if v == int(v)]
    y_ticks += [Tick(zero, "0")] + [Tick(zero + v * scale, str(int(v)))
                                    for v in (peak / 2, peak) if v == int(v)]
    chart = Chart(WIDTH, height, left, right, top, bottom, rects,
                  _x_ticks(days, left, step, period), y_ticks, zero=zero)
    if mean_goldstein is None:
        return chart
    return _with_goldstein(chart, days, step, half, mean_goldstein, period)


def _with_goldstein(chart: Chart, days: Sequence[date], step: float, half: float,
                    mean_goldstein: Mapping[date, float | None], period: str) -> Chart:
    assert chart.zero is not None
    points, dots = [], []
    for k, day in enumerate(days):
        score = mean_goldstein.get(day)
        if score is None:
            continue
        x, y = chart.left + (k + 0.5) * step, chart.zero - score / 10 * half
        points.append(f"{x:.1f},{y:.1f}")
        dots.append(Rect(x, y, 0, 0, "goldstein",
                         f"{period_label(day, period)}: mean Goldstein {score:+.1f}"))
    ticks = [Tick(chart.zero - v / 10 * half, f"{v:+d}" if v else "0") for v in (10, 5, 0, -5, -10)]
    return Chart(chart.width, chart.height, chart.left, chart.right, chart.top, chart.bottom,
                 chart.rects, chart.x_ticks, chart.y_ticks, ticks, chart.zero, " ".join(points),
                 dots)


def type_grid(rows: Iterable[Mapping[str, Any]], period: str, type_order: Sequence[str],
              link: Callable[[str, date, date], str] | None = None) -> Chart | None:
    """A heat grid of events per PLOVER type (rows, in `type_order`) and period (columns)."""
    counts: dict[tuple[str, date], int] = {}
    quads: dict[str, int] = {}
    for row in rows:
        counts[row["event_type"], row["period"]] = row["events"]
        quads[row["event_type"]] = row["quad_class"]
    if not counts:
        return None
    types = [t for t in type_order if t in quads]
    days = periods_between(min(d for _, d in counts), max(d for _, d in counts), period)
    row_height, top, left, right = 18, 6, 120, WIDTH - 16
    bottom = top + row_height * len(types)
    step = (right - left) / len(days)
    peak = max(counts.values())
    rects = []
    for r, event_type in enumerate(types):
        for k, day in enumerate(days):
            n = counts.get((event_type, day), 0)
            if not n:
                continue
            href = link(event_type, day, next_period(day, period) - timedelta(days=1)) if link else None
            rects.append(Rect(left + k * step, top + r * row_height + 1, max(step - 1, 1),
                              row_height - 2, f"q{quads[event_type]}",
                              f"{event_type}, {period_label(day, period)}: {n} events", href,
                              round(0.2 + 0.8 * math.sqrt(n / peak), 2)))
    labels = [Tick(top + (r + 0.5) * row_height, t) for r, t in enumerate(types)]
    return Chart(WIDTH, bottom + 24, left, right, top, bottom, rects,
                 _x_ticks(days, left, step, period), row_labels=labels)


def roles_timeline(roles: Sequence[Any], today: date) -> Chart | None:
    """One bar per dated role (`title`, `country`, `sector`, `start`, `end`) across the years,
    each named above its bar."""
    dated = sorted((r for r in roles if r.start), key=lambda r: (r.start, r.title))
    if not dated:
        return None
    first = date(min(r.start for r in dated).year, 1, 1)
    last = date(max((r.end or today) for r in dated).year + 1, 1, 1)
    row_height, top, left, right = 36, 6, 16, WIDTH - 16
    bottom = top + row_height * len(dated)
    scale = (right - left) / (last - first).days

    def x(day: date) -> float:
        return left + (day - first).days * scale

    rects, labels = [], []
    for r, role in enumerate(dated):
        start, end = x(role.start), x(role.end or today)
        until = role.end.isoformat() if role.end else "today"
        y = top + r * row_height
        rects.append(Rect(start, y + 16, max(end - start, 2), 14, "role",
                          f"{role.title} ({role.country} {role.sector}), {role.start} to {until}"))
        text = (f"{role.title} · {role.country} {role.sector} · {role.start.year}–"
                f"{role.end.year if role.end else 'today'}")
        # Names of roles that start late end where their bar ends, so they stay in the chart.
        labels.append(Label(start, y + 12, text) if start < (left + right) / 2
                      else Label(end, y + 12, text, "end"))
    years = range(first.year, last.year + 1)
    every = max(1, math.ceil(len(years) / MAX_X_LABELS))
    ticks = [Tick(x(date(year, 1, 1)), str(year)) for year in years if (year - first.year) % every == 0]
    return Chart(WIDTH, bottom + 24, left, right, top, bottom, rects, ticks, labels=labels)
