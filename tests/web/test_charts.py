"""Chart geometry: periods, scales, cooperation up and conflict down, roles."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.actors.kb import Role
from tidings.web import charts


@pytest.mark.parametrize(("first", "last", "period", "expected"), [
    (date(2021, 11, 15), date(2022, 2, 3), "month",
     [date(2021, 11, 1), date(2021, 12, 1), date(2022, 1, 1), date(2022, 2, 1)]),
    (date(2022, 2, 24), date(2022, 3, 5), "week", [date(2022, 2, 21), date(2022, 2, 28)]),
    (date(2021, 11, 30), date(2022, 4, 1), "quarter",
     [date(2021, 10, 1), date(2022, 1, 1), date(2022, 4, 1)]),
    (date(2019, 6, 1), date(2021, 1, 1), "year", [date(2019, 1, 1), date(2020, 1, 1), date(2021, 1, 1)]),
])
def test_charts_periods_between_match_date_trunc(first, last, period, expected):
    assert charts.periods_between(first, last, period) == expected


def test_charts_coarser_period_or_recent_window_when_months_do_not_fit():
    days = [date(1990, 1, 1), date(2024, 5, 1)]
    assert charts.fitting_period(days, "month") == "quarter"
    assert charts.fitting_period([date(1900, 1, 1), *days], "month") == "year"
    assert charts.fitting_period(days[1:], "week") == "week"
    assert charts.fitting_period([date(2015, 1, 1), date(2024, 12, 1)], "month", most=60) == "quarter"
    cutoff = charts.recent_window(days, "month")
    assert cutoff is not None and len(charts.periods_between(cutoff, days[1], "month")) == charts.MAX_BARS
    assert charts.recent_window([date(2024, 1, 1), date(2024, 5, 1)], "month") is None


def test_charts_cooperation_up_conflict_down_with_goldstein_line():
    counts = {date(2022, 1, 1): {1: 2, 4: 4}, date(2022, 3, 1): {2: 1, 3: 1}}
    chart = charts.cooperation_conflict(counts, "month", {date(2022, 1, 1): -5.0, date(2022, 3, 1): 2.5},
                                        link=lambda a, b: f"/events?start={a}&end={b}")
    assert chart is not None and chart.zero is not None
    bars = {r.css: r for r in chart.rects if "2022" in r.title and "Jan" in r.title}
    assert bars["q1"].y + bars["q1"].height == pytest.approx(chart.zero)  # above the axis
    assert bars["q4"].y == pytest.approx(chart.zero) and bars["q4"].height == 2 * bars["q1"].height
    assert bars["q4"].href == "/events?start=2022-01-01&end=2022-01-31"
    assert len(chart.x_ticks) == 3  # January to March, February empty
    assert len(chart.dots) == 2 and chart.dots[0].y > chart.zero > chart.dots[1].y
    assert charts.cooperation_conflict({}, "month") is None


def test_charts_type_grid_rows_follow_the_given_order():
    rows = [{"period": date(2022, 1, 1), "event_type": "ASSAULT", "quad_class": 4, "events": 4},
            {"period": date(2022, 2, 1), "event_type": "AGREE", "quad_class": 1, "events": 1}]
    grid = charts.type_grid(rows, "month", ["AGREE", "CONSULT", "ASSAULT"])
    assert grid is not None
    assert [t.label for t in grid.row_labels] == ["AGREE", "ASSAULT"]
    assert sorted(r.opacity for r in grid.rects) == [0.6, 1.0]


def test_charts_roles_timeline_names_each_role_and_runs_open_roles_to_today():
    roles = [Role("Vice President", "GOV", "CHN", date(2008, 3, 15), date(2013, 3, 14)),
             Role("President", "GOV", "CHN", date(2013, 3, 14), None),
             Role("Undated", "GOV", "CHN", None, None)]
    chart = charts.roles_timeline(roles, date(2026, 1, 1))
    assert chart is not None
    assert [label.text for label in chart.labels] == ["Vice President · CHN GOV · 2008–2013",
                                                      "President · CHN GOV · 2013–today"]
    assert chart.rects[1].x + chart.rects[1].width <= chart.right
    assert charts.roles_timeline(roles[2:], date(2026, 1, 1)) is None
