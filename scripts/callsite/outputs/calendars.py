"""iCalendar (RFC 5545) files: a subscribable calendar per language and one file per call.

Written by hand (no runtime dependency): CRLF line ends, lines folded at 75 octets,
TEXT values escaped (backslash, semicolon, comma and line breaks, as RFC 5545 3.3.11 asks;
a control character, which no TEXT value may hold, is an internal error: validation refuses
it in the files first). Times are local Helsinki times with ``TZID=Europe/Helsinki`` and a
``VTIMEZONE`` giving the EU summer-time rules; ``UID`` is built from the call id and the
round; ``DTSTAMP`` comes from the data (the call's latest dated event), never the clock.
Never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING

from ..model.call import LANGUAGES, Call
from ..model.dates import HELSINKI
from ..render import localise

if TYPE_CHECKING:  # pragma: no cover
    from ..render.pages import Site
    from ..site.status import CallView

"""Per-call files live apart from the call pages (``/fi/kalenteri/<slug>.ics``): the live preview
removes a dropped call's page folder before it removes extra files, so a file inside it would
leave the folder behind."""

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Helsinki",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "DTSTART:19700329T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "DTSTART:19701025T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


_NOT_TEXT = re.compile("[\x00-\x08\x0a-\x1f\x7f\ud800-\udfff]")
"""RFC 5545's CONTROL characters (tab is allowed) and lone surrogates (not UTF-8)."""


def text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newlines escaped; ``ValueError``
    for a control character (it would end the line or leave a value no TEXT may be)."""
    escaped = (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
               .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))
    found = _NOT_TEXT.search(escaped)
    if found is not None:
        shown = value if len(value) <= 80 else value[:77] + "..."
        raise ValueError(f"U+{ord(found.group()):04X} in {shown!r} cannot be written in iCalendar "
                         "(validation should have refused it)")
    return escaped


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    if len(line) <= 75 and line.isascii():  # most lines: one octet a character
        return line
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    chunks, start, limit = [], 0, 75  # later chunks start with a space: 74 octets of the line each
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: end before its character
            end -= 1
        chunks.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    chunks.append(data[start:].decode("utf-8"))
    return "\r\n ".join(chunks)


def local(moment: dt.datetime) -> str:
    """``20260820T161500``: Helsinki wall time (strftime's %Y%m%dT%H%M%S, a few times quicker)."""
    m = moment.astimezone(HELSINKI)
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}"


def call_dates(call: Call) -> list[dt.date]:
    dates = [call.published, *(note.date for note in call.changes)]
    if call.decisions:
        dates.append(call.decisions.date)
    if call.cancelled:
        dates.append(call.cancelled.date)
    return dates


def stamp(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}T000000Z"


def call_events(site: "Site", call: Call, lang: str, today: dt.date) -> list[list[str]]:
    """VEVENT lines for a call: its opening(s) and deadline(s)."""
    host = site.settings.host
    page = site.settings.absolute(site.url(lang, site.call_path(call, lang)))
    title = getattr(call.title, lang)
    dtstamp = stamp(max([d for d in call_dates(call) if d <= today], default=call.published))
    sequence = len([note for note in call.changes if note.date <= today])
    events = []
    for index, round_ in enumerate(call.rounds, start=1):
        name = f"{title} ({getattr(round_.name, lang)})" if round_.name else title
        common = [f"DTSTAMP:{dtstamp}", f"SEQUENCE:{sequence}", f"URL:{page}",
                  f"DESCRIPTION:{text(localise.format_period(round_, lang) + ' ' + page)}"]
        if call.cancelled:
            common.append("STATUS:CANCELLED")
        if round_.opens.has_time:
            opens = [f"DTSTART;TZID=Europe/Helsinki:{local(round_.opens.at)}"]
        else:
            day = round_.opens.at.astimezone(HELSINKI).date()
            opens = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
        events.append(["BEGIN:VEVENT", f"UID:{call.id}-round{index}-opens@{host}", *opens,
                       f"SUMMARY:{text(localise.gettext(lang, 'Call opens: %(title)s', title=name))}",
                       *common, "TRANSP:TRANSPARENT", "END:VEVENT"])
        if round_.closes is not None:
            events.append(["BEGIN:VEVENT", f"UID:{call.id}-round{index}-closes@{host}",
                           f"DTSTART;TZID=Europe/Helsinki:{local(round_.closes)}",
                           f"DTEND;TZID=Europe/Helsinki:{local(round_.closes)}",
                           f"SUMMARY:{text(localise.gettext(lang, 'Call closes: %(title)s', title=name))}",
                           *common, "TRANSP:TRANSPARENT", "END:VEVENT"])
    return events


def fold_event(event: list[str]) -> str:
    """One VEVENT as folded content lines, each ending in CRLF (folded once, used by two files)."""
    return "".join(fold(line) + "\r\n" for line in event)


def render_calendar(name: str, lang: str, events: list[str]) -> bytes:
    """A VCALENDAR around ``events`` (from :func:`fold_event`)."""
    head = [f"X-WR-CALNAME:{text(name)}"]
    return (_calendar_start(lang) + "".join(fold(line) + "\r\n" for line in head) + _calendar_zone()
            + "".join(events) + "END:VCALENDAR\r\n").encode("utf-8")


@functools.lru_cache(maxsize=None)
def _calendar_start(lang: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Opetushallitus//callsite//" + lang.upper(),
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    return "".join(fold(line) + "\r\n" for line in lines)


@functools.lru_cache(maxsize=None)
def _calendar_zone() -> str:
    return "".join(fold(line) + "\r\n" for line in ["X-WR-TIMEZONE:Europe/Helsinki", *VTIMEZONE])


def render_calendars(site: "Site", views: list["CallView"], now: dt.datetime,
                     languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    today = now.astimezone(HELSINKI).date()
    files = {}
    for lang in languages:
        everything = []
        for view in sorted(views, key=lambda v: (v.call.first_opening, v.call.id)):
            events = [fold_event(event) for event in call_events(site, view.call, lang, today)]
            everything += events
            files[site.calendar_path(lang, view.call)] = render_calendar(
                getattr(view.call.title, lang), lang, events)
        files[site.calendar_path(lang)] = render_calendar(site.settings.site_name[lang], lang, everything)
    return files
