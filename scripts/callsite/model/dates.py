"""Parse dates and times as Finnish staff write them, always in Helsinki time.

Accepted: ``20.8.2020``, ``20.8.2020 klo 16.15`` (also ``kello``, ``kl.``), ``20.8.2020 16:15``,
``2020-08-20``, ``2020-08-20 16:15``, ``2020-08-20T16:15:00+03:00``.
Anything else, or anything that could mean two things, is an error with a hint:
never a guess. A wall-clock time that does not exist in Helsinki (the hour
skipped in spring) or occurs twice (the hour repeated in autumn) is an error too.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ..messages import _

HELSINKI = ZoneInfo("Europe/Helsinki")


class DateProblem(ValueError):
    """A date or time that cannot be used, with a hint for staff."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


_FI_DATE = r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d+)"
_ISO_DATE = r"(?P<Y>\d{4})-(?P<M>\d{2})-(?P<D>\d{2})"
_TIME = r"(?P<h>\d{1,2})[.:](?P<min>\d{2})(?:[.:](?P<s>\d{2}))?"
_SEP = r"(?:\s+(?:kello|klo|kl\.?)\s*|\s+|T)"
_OFFSET = r"(?P<off>Z|[+-]\d{2}:?\d{2})?"
_PATTERN = re.compile(rf"^(?:{_FI_DATE}|{_ISO_DATE})(?:{_SEP}{_TIME}{_OFFSET})?$", re.IGNORECASE)

# The same forms as JSON Schema patterns (ECMA-262 regex) for editors: they check the
# shape as staff type; the parser above still decides (30.2. has the shape, not a day).
_JS_DATE = r"(?:[0-9]{1,2}\.[0-9]{1,2}\.20[0-9]{2}|20[0-9]{2}-[0-9]{2}-[0-9]{2})"  # years 2000-2099
_JS_TIME = (r"(?:\s+(?:(?:[kK][eE][lL][lL][oO]|[kK][lL][oO]|[kK][lL]\.?)\s*)?|T)[0-9]{1,2}[.:][0-9]{2}(?:[.:][0-9]{2})?"
            r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?")
DATE_PATTERN = rf"^\s*{_JS_DATE}\s*$"
"""A date: ``20.8.2026`` or ``2026-08-20``."""
MOMENT_PATTERN = rf"^\s*{_JS_DATE}(?:{_JS_TIME})?\s*$"
"""A date with an optional time: ``20.8.2026``, ``20.8.2026 klo 9.00``, ``2026-08-20 09:00``."""
DEADLINE_PATTERN = rf"^\s*{_JS_DATE}{_JS_TIME}\s*$"
"""A date with a time: ``20.8.2026 klo 16.15``, ``20.8.2026 16:15``, ``2026-08-20T16:15``."""

FIRST_YEAR, LAST_YEAR = 2000, 2099
"""The years a date may have: a typo (2206, 0001) is caught, and every date can be moved to
another zone or a day on (year 1 or 9999 overflowed Python's dates in the outputs)."""

EXAMPLE_DATE = "20.8.2026"
EXAMPLE_DATETIME = "20.8.2026 klo 16.15"


def _explain(text: str) -> DateProblem:
    shown = repr(text)
    if re.match(r"^\d{1,2}\.\d{1,2}\.\d{2}(\D|$)", text):
        return DateProblem(_("the year in {text} has two digits").format(text=shown),
                           _("write the year with four digits, e.g. {example}").format(example=EXAMPLE_DATE))
    if re.match(r"^\d{1,2}/\d{1,2}/\d{2,4}", text):
        return DateProblem(_("{text} could mean two different days").format(text=shown),
                           _("write the date as day.month.year, e.g. {example}").format(example=EXAMPLE_DATE))
    if re.match(r"^\d{1,2}\.\d{1,2}\.?$", text):
        return DateProblem(_("the date {text} has no year").format(text=shown),
                           _("write the year too, e.g. {example}").format(example=EXAMPLE_DATE))
    if re.match(r"^\d{1,2}[.:]\d{2}$", text):
        return DateProblem(_("{text} is a time without a date").format(text=shown),
                           _("write the date too, e.g. {example}").format(example=EXAMPLE_DATETIME))
    return DateProblem(_("{text} is not a date we can read").format(text=shown),
                       _("write e.g. {date} or {moment}").format(date=EXAMPLE_DATE, moment=EXAMPLE_DATETIME))


def _parts(text: str):
    match = _PATTERN.match(text.strip())
    if not match:
        raise _explain(text.strip())
    g = match.groupdict()
    year, month, day = (int(g["y"]), int(g["m"]), int(g["d"])) if g["d"] else (int(g["Y"]), int(g["M"]), int(g["D"]))
    if g["y"] and len(g["y"]) != 4:
        raise DateProblem(_("the year in {text} is not four digits").format(text=repr(text.strip())),
                          _("e.g. {example}").format(example=EXAMPLE_DATE))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateProblem(_("the year {year} in {text} is outside the years {first}-{last}").format(
            year=year, text=repr(text.strip()), first=FIRST_YEAR, last=LAST_YEAR),
            _("check the year, e.g. {example}").format(example=EXAMPLE_DATE))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise DateProblem(_("the date {text} does not exist").format(text=repr(text.strip())),
                          _("check the day and the month (day.month.year)")) from None
    if g["h"] is None:
        return date, None, None
    hour, minute, second = int(g["h"]), int(g["min"]), int(g["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateProblem(_("the time in {text} does not exist").format(text=repr(text.strip())),
                          _("times run from 0.00 to 23.59; for midnight at the end of a day write 23.59"))
    return date, dt.time(hour, minute, second), g["off"]


def parse_date(text: str) -> dt.date:
    """A calendar date without time, e.g. a publication date."""
    date, time, _offset = _parts(text)
    if time is not None:
        raise DateProblem(_("{text} has a time, but only a date is expected here").format(text=repr(text.strip())),
                          _("write only the date, e.g. {example}").format(example=EXAMPLE_DATE))
    return date


def parse_moment(text: str, *, time_required: bool) -> tuple[dt.datetime, bool]:
    """A moment in Helsinki time. Returns ``(moment, had_time)``.

    Without a time (when allowed) the moment is the start of the day.
    """
    date, time, offset = _parts(text)
    if time is None:
        if time_required:
            raise DateProblem(_("{text} has no time of day").format(text=repr(text.strip())),
                              _("add the time, e.g. {example}").format(
                                  example=f"{date.day}.{date.month}.{date.year} klo 16.15"))
        return dt.datetime.combine(date, dt.time(0, 0), HELSINKI), False
    if offset:
        sign = 1 if offset[0] == "+" else -1
        digits = offset.replace(":", "")[1:] if offset != "Z" else "0000"
        zone = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        return dt.datetime.combine(date, time, zone).astimezone(HELSINKI), True
    return helsinki_wall_time(date, time, text.strip()), True


def parse_deadline(text: str) -> dt.datetime:
    """A closing moment: a date with a time, and not midnight.

    "20.8.2026 klo 0.00" is the first minute of the 20th, but staff who write it
    usually mean the end of that day: a day too early or too late, so it is refused.
    """
    moment, _had_time = parse_moment(text, time_required=True)
    local = moment.astimezone(HELSINKI)
    if local.time() == dt.time(0, 0):
        day_before = local.date() - dt.timedelta(days=1)
        raise DateProblem(_("{text} is midnight at the start of {day}: it is unclear which day is meant").format(
            text=repr(text.strip()), day=f"{local.day}.{local.month}.{local.year}"),
            _("write {before} or {day}").format(
                before=f"{day_before.day}.{day_before.month}.{day_before.year} klo 23.59",
                day=f"{local.day}.{local.month}.{local.year} klo 23.59"))
    return moment


def helsinki_wall_time(date: dt.date, time: dt.time, shown: str) -> dt.datetime:
    """Attach Helsinki time; refuse the skipped and the repeated hour of DST changes."""
    early = dt.datetime.combine(date, time, HELSINKI)
    round_trip = early.astimezone(dt.timezone.utc).astimezone(HELSINKI)
    if round_trip.replace(tzinfo=None) != early.replace(tzinfo=None):
        raise DateProblem(_("{text} does not exist in Helsinki (clocks jump from 3.00 to 4.00 that night)").format(
            text=repr(shown)), _("choose a time outside 3.00-3.59 on that night"))
    if early.utcoffset() != early.replace(fold=1).utcoffset():
        raise DateProblem(_("{text} occurs twice in Helsinki (clocks go back from 4.00 to 3.00 that night)").format(
            text=repr(shown)), _("choose a time outside 3.00-3.59 on that night"))
    return early


def parse_now(text: str) -> dt.datetime:
    """The build's "now" from ``--now`` or ``CALLSITE_NOW``; seconds allowed."""
    moment, _had_time = parse_moment(text, time_required=False)
    return moment
