"""Dates as Finns write them: every accepted form, and every ambiguous one refused with a hint (word for word)."""

from __future__ import annotations

import datetime as dt

import pytest

from callsite.model.dates import HELSINKI, DateProblem, parse_date, parse_deadline, parse_moment
from conftest import FIXTURE_CALLS, run_cli

VALID = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [
    "20.8.2026 klo 16.15", "20.8.2026 kello 16.15", "20.8.2026 kl. 16.15", "20.8.2026 kl 16.15",
    "20.8.2026 KLO 16.15", "20.08.2026 klo 16.15", "20.8.2026 16:15", "20.8.2026 16.15", "2026-08-20 16:15",
    "2026-08-20T16:15", "2026-08-20T16:15:00+03:00", "2026-08-20T13:15:00Z", "  20.8.2026   klo 16.15 ",
])
def test_every_written_form_of_one_deadline(text):
    assert parse_deadline(text) == dt.datetime(2026, 8, 20, 16, 15, tzinfo=HELSINKI)


@pytest.mark.parametrize("text", ["20.8.2026", "20.08.2026", "2026-08-20"])
def test_dates(text):
    assert parse_date(text) == dt.date(2026, 8, 20)


@pytest.mark.parametrize("text, message, hint", [
    ("8/20/2026", "'8/20/2026' could mean two different days", "write the date as day.month.year, e.g. 20.8.2026"),
    ("3/4/2026", "'3/4/2026' could mean two different days", "write the date as day.month.year, e.g. 20.8.2026"),
    ("20.8.26", "the year in '20.8.26' is not four digits", "e.g. 20.8.2026"),
    ("20.8.", "the date '20.8.' has no year", "write the year too, e.g. 20.8.2026"),
    ("3.4", "the date '3.4' has no year", "write the year too, e.g. 20.8.2026"),
    ("16.15", "the date '16.15' has no year", "write the year too, e.g. 20.8.2026"),
    ("16:15", "'16:15' is a time without a date", "write the date too, e.g. 20.8.2026 klo 16.15"),
    ("20.8.2026 klo 16", "'20.8.2026 klo 16' is not a date we can read",
     "write e.g. 20.8.2026 or 20.8.2026 klo 16.15"),
    ("20.8.2026 klo 4.15 pm", "'20.8.2026 klo 4.15 pm' is not a date we can read",
     "write e.g. 20.8.2026 or 20.8.2026 klo 16.15"),
    ("20. elokuuta 2026", "'20. elokuuta 2026' is not a date we can read",
     "write e.g. 20.8.2026 or 20.8.2026 klo 16.15"),
    ("2026-20-08 16:15", "the date '2026-20-08 16:15' does not exist", "check the day and the month (day.month.year)"),
    ("20.8.2026 klo 24.00", "the time in '20.8.2026 klo 24.00' does not exist",
     "times run from 0.00 to 23.59; for midnight at the end of a day write 23.59"),
    ("20.8.2026", "'20.8.2026' has no time of day", "add the time, e.g. 20.8.2026 klo 16.15"),
    ("20.8.2026 klo 0.00", "'20.8.2026 klo 0.00' is midnight at the start of 20.8.2026: it is unclear which day is meant",
     "write 19.8.2026 klo 23.59 or 20.8.2026 klo 23.59"),
    ("2026-08-19T21:00:00Z", "'2026-08-19T21:00:00Z' is midnight at the start of 20.8.2026: "
     "it is unclear which day is meant", "write 19.8.2026 klo 23.59 or 20.8.2026 klo 23.59"),
    ("29.3.2026 klo 3.30", "'29.3.2026 klo 3.30' does not exist in Helsinki (clocks jump from 3.00 to 4.00 that night)",
     "choose a time outside 3.00-3.59 on that night"),
])
def test_ambiguous_or_impossible_deadlines_are_refused_with_a_hint(text, message, hint):
    with pytest.raises(DateProblem) as caught:
        parse_deadline(text)
    assert (caught.value.message, caught.value.hint) == (message, hint)


def test_a_date_where_a_time_would_be_wrong():
    with pytest.raises(DateProblem) as caught:
        parse_date("5.3.2026 klo 9.00")
    assert caught.value.message == "'5.3.2026 klo 9.00' has a time, but only a date is expected here"


def test_opening_midnight_is_fine():
    # An opening date without a time opens at the start of the day: that is what staff mean.
    assert parse_moment("5.3.2026", time_required=False) == (dt.datetime(2026, 3, 5, tzinfo=HELSINKI), False)


@pytest.mark.parametrize("written, expected", [
    ("closes: 14.3.2025 klo 0.00", [
        "calls/x.yaml:9:13: error: rounds[1].closes: '14.3.2025 klo 0.00' is midnight at the start of 14.3.2025: "
        "it is unclear which day is meant",
        "    hint: write 13.3.2025 klo 23.59 or 14.3.2025 klo 23.59",
    ]),
    ("closes: 3/14/2025 klo 16.15", [
        "calls/x.yaml:9:13: error: rounds[1].closes: '3/14/2025 klo 16.15' could mean two different days",
        "    hint: write the date as day.month.year, e.g. 20.8.2026",
    ]),
    ("closes: 14.3. klo 16.15", [
        "calls/x.yaml:9:13: error: rounds[1].closes: '14.3. klo 16.15' is not a date we can read",
        "    hint: write e.g. 20.8.2026 or 20.8.2026 klo 16.15",
    ]),
    ("closes: 14.3.2025 kello 16.15", []),
])
def test_dates_in_a_call_word_for_word(tmp_path, scratch_calls, written, expected):
    (scratch_calls / "x.yaml").write_text(VALID.replace("closes: 14.3.2025 klo 16.15", written), encoding="utf-8")
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    assert result.returncode == (1 if expected else 0)
    assert result.stderr.splitlines()[:2] == expected
