"""iCalendar (RFC 5545) files: a subscribable calendar per language and one file per call.

What a calendar holds is said once, as properties: each event's and each calendar's
``(NAME, value)`` pairs, the value a Python one (text, ``int``, a Helsinki or UTC
``datetime``, a ``date``), in the order icalendar writes them. :func:`icalendar_calendars`
makes the files with icalendar alone: the reference. The build writes the same bytes (tested,
byte for byte) with :func:`content_line` and :func:`fold`, which know just these kinds of
value, because icalendar builds a ``Contentline`` and ``Parameters`` for every line and
encodes long lines a character at a time: at 1,000 synthetic calls (1,900 events per
language, each in two files) it took 700-750 ms per language where this takes 31-35 ms
(45-53 ms the first time in a process; the hand-written writer before it, 26 and 35-54 ms).
The ``VTIMEZONE`` is the text icalendar writes for :func:`helsinki_timezone` (tested), so that
the build does not import icalendar (15 ms of the command's start, before the calls are read).

Times are local Helsinki times with ``TZID=Europe/Helsinki``, a day when no time was given;
``UID`` is built from the call id and the round; ``DTSTAMP`` comes from the data (the call's
latest dated event), never the clock, and ``SEQUENCE`` counts its change notes. TEXT values
are escaped by :func:`text`, in both paths: icalendar 6's own escaping writes a backslash
followed by ``N`` as a line break and a lone carriage return as it is. A control character,
which no TEXT value may hold, is an internal error: validation refuses it in the files first.
Never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Union

from ..model.call import LANGUAGES, Call, has_time
from ..model.dates import HELSINKI
from ..render import localise

if TYPE_CHECKING:  # pragma: no cover
    import icalendar

    from ..render.pages import Site
    from ..site.status import CallView

"""Per-call files live apart from the call pages (``/fi/kalenteri/<slug>.ics``): the live preview
removes a dropped call's page folder before it removes extra files, so a file inside it would
leave the folder behind."""

UTC = dt.timezone.utc
Value = Union[str, int, dt.datetime, dt.date]
Properties = list[tuple[str, Value]]
"""A component's properties in the order icalendar writes them (its ``canonical_order``, then
by name): text, an integer, a time in Helsinki or in UTC (``dt.timezone.utc``) or a day.
``URL`` is a URI, not text."""

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


@functools.cache
def _text_type() -> type:
    """icalendar's TEXT value escaped by :func:`text` (see the module's docstring)."""
    import icalendar

    class Text(icalendar.vText):
        def to_ical(self) -> bytes:
            return text(self).encode("utf-8")

    return Text


def __getattr__(name: str):
    if name == "Text":  # the module's name for it, made on first use (icalendar imported then)
        return _text_type()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


HELSINKI_VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n"
    "BEGIN:DAYLIGHT\r\nDTSTART:19700329T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nTZNAME:EEST\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nDTSTART:19701025T040000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nTZNAME:EET\r\n"
    "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
"""What icalendar writes for :func:`helsinki_timezone` (``site_tests/test_calendars.py`` compares them)."""


def fold(line: str) -> str:
    """A content line folded as :func:`icalendar.parser.foldline` folds it (tested): pieces of at
    most 74 octets, no UTF-8 character split, each after the first behind a space. That one
    encodes a line character by character: about 20 ms of 55 per language at 1,000 calls."""
    if len(line) < 75 and line.isascii():  # most lines: one octet a character
        return line
    data = line.encode("utf-8")
    if len(data) < 75:
        return line
    chunks, start = [], 0
    while len(data) - start > 74:
        end = start + 74
        while data[end] & 0xC0 == 0x80:  # a continuation byte: end before its character
            end -= 1
        chunks.append(data[start:end].decode("utf-8"))
        start = end
    chunks.append(data[start:].decode("utf-8"))
    return "\r\n ".join(chunks)


def local(moment: dt.datetime) -> str:
    """``20260820T161500``: Helsinki wall time (strftime's %Y%m%dT%H%M%S, a few times quicker)."""
    return _digits(moment.astimezone(HELSINKI))


def _digits(m: dt.datetime) -> str:
    return f"{m.year:04d}{m.month:02d}{m.day:02d}T{m.hour:02d}{m.minute:02d}{m.second:02d}"


_UNIQUE_TEXT = frozenset({"SUMMARY", "UID", "DESCRIPTION", "URL", "X-WR-CALNAME"})
"""Properties whose text is a call's own: the others (times, days, sequence numbers, fixed
words) recur across the calls' events."""


def content_line(name: str, value: Value) -> str:
    """One property as icalendar writes it, folded and ending in CRLF.

    Lines that recur (two events in three at 1,000 calls share their times, days and sequence
    numbers with another's) are written once per process: a language's calendars at 1,000 calls
    took 41-44 ms instead of 47-48 the first time in a process. The key tells a UTC time from the
    same moment in Helsinki (equal as values, written differently) and a day from a time."""
    if name in _UNIQUE_TEXT and type(value) is str:
        return _content_line(name, value)
    return _kept_line(name, value, type(value), getattr(value, "tzinfo", None) is UTC)


@functools.lru_cache(maxsize=8192)
def _kept_line(name: str, value: Value, _kind: type, _in_utc: bool) -> str:
    return _content_line(name, value)


def _content_line(name: str, value: Value) -> str:
    if isinstance(value, str):
        line = f"{name}:{value}" if name == "URL" else f"{name}:{text(value)}"
    elif isinstance(value, dt.datetime):  # a date too: check the datetime first
        if value.tzinfo is UTC:
            line = f"{name}:{_digits(value)}Z"
        else:
            line = f"{name};TZID=Europe/Helsinki:{local(value)}"
    elif isinstance(value, dt.date):
        line = f"{name};VALUE=DATE:{value.year:04d}{value.month:02d}{value.day:02d}"
    else:
        line = f"{name}:{value:d}"
    return fold(line) + "\r\n"


def call_dates(call: Call) -> list[dt.date]:
    dates = [*(note.date for note in call.changes),
             *(r.extended.date for r in call.rounds if r.extended is not None and r.extended.date is not None)]
    if call.published_on is not None:
        dates.append(call.published_on)
    if call.decisions is not None and call.decisions.date is not None:
        dates.append(call.decisions.date)
    if call.cancelled:
        dates.append(call.cancelled.date)
    return dates


def call_events(site: "Site", call: Call, lang: str, today: dt.date) -> list[Properties]:
    """The properties of a call's events: its opening(s) and deadline(s)."""
    host = site.settings.host
    page = site.settings.absolute(site.call_url(call, lang))
    call_lang = site.page_language(call, lang)  # a call not published in lang: its own language's texts, marked
    day = max([d for d in call_dates(call) if d <= today], default=call.sort_moment.date())
    stamp = dt.datetime(day.year, day.month, day.day, tzinfo=UTC)
    # Each change note and each extended deadline is a new version of the events (RFC 5545 SEQUENCE):
    # a subscribed calendar then replaces the deadline it holds, under the same UID.
    sequence = (len([note for note in call.changes if note.date <= today])
                + len([r for r in call.rounds if r.extended is not None
                       and (r.extended.date is None or r.extended.date <= today)]))
    cancelled = [("STATUS", "CANCELLED")] if call.cancelled else []
    events = []
    for index, round_ in enumerate(call.rounds, start=1):  # numbered over all rounds: UIDs stay put
        if round_.languages is not None and call_lang not in round_.languages:
            continue  # a group the call does not cover in this language
        name = f"{call.title[call_lang]} ({round_.name[call_lang]})" if round_.name else call.title[call_lang]
        name = localise.marked_title(name, call_lang, lang)
        about = [("DESCRIPTION", localise.format_period(round_, lang) + " " + page), *cancelled,
                 ("TRANSP", "TRANSPARENT"), ("URL", page)]
        if round_.opens is not None:  # continuous application may state no opening
            if round_.opens.has_time:
                opens: Properties = [("DTSTART", round_.opens.at.astimezone(HELSINKI))]
            else:
                day = round_.opens.at.astimezone(HELSINKI).date()
                opens = [("DTSTART", day), ("DTEND", day + dt.timedelta(days=1))]
            events.append([("SUMMARY", localise.gettext(lang, "Call opens: %(title)s", title=name)), *opens,
                           ("DTSTAMP", stamp), ("UID", f"{call.id}-round{index}-opens@{host}"),
                           ("SEQUENCE", sequence), *about])
        for number, day in enumerate(round_.dated_collections, start=1):
            events.append([("SUMMARY", localise.gettext(lang, "Applications collected: %(title)s", title=name)),
                           ("DTSTART", day), ("DTEND", day + dt.timedelta(days=1)), ("DTSTAMP", stamp),
                           ("UID", f"{call.id}-round{index}-collection{number}@{host}"),
                           ("SEQUENCE", sequence), *about])
        if round_.closes is not None:
            if has_time(round_.closes):
                closes = round_.closes.astimezone(HELSINKI)
                when: Properties = [("DTSTART", closes), ("DTEND", closes)]
            else:  # a last day with no time stated: an all-day event on it
                when = [("DTSTART", round_.closes.day), ("DTEND", round_.closes.day + dt.timedelta(days=1))]
            events.append([("SUMMARY", localise.gettext(lang, "Call closes: %(title)s", title=name)),
                           *when, ("DTSTAMP", stamp),
                           ("UID", f"{call.id}-round{index}-closes@{host}"), ("SEQUENCE", sequence), *about])
    return events


def calendar_properties(name: str, lang: str) -> Properties:
    return [("VERSION", "2.0"), ("PRODID", "-//Opetushallitus//callsite//" + lang.upper()),
            ("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH"), ("X-WR-CALNAME", name),
            ("X-WR-TIMEZONE", "Europe/Helsinki")]


def helsinki_timezone() -> "icalendar.Timezone":
    """``Europe/Helsinki`` by the EU's summer-time rules (since 1996: the last Sunday of March
    and of October, at 01:00 UTC)."""
    import icalendar

    zone = icalendar.Timezone()
    zone.add("TZID", "Europe/Helsinki")
    for kind, (offset_from, offset_to, name, start, month) in (
            (icalendar.TimezoneDaylight, (2, 3, "EEST", dt.datetime(1970, 3, 29, 3), 3)),
            (icalendar.TimezoneStandard, (3, 2, "EET", dt.datetime(1970, 10, 25, 4), 10))):
        rule = kind()
        rule.add("TZOFFSETFROM", dt.timedelta(hours=offset_from))
        rule.add("TZOFFSETTO", dt.timedelta(hours=offset_to))
        rule.add("TZNAME", name)
        rule.add("DTSTART", start)
        rule.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        zone.add_component(rule)
    return zone


def write_event(event: Properties) -> str:
    """One VEVENT's content lines (written once, used by two files)."""
    return "BEGIN:VEVENT\r\n" + "".join([content_line(name, value) for name, value in event]) + "END:VEVENT\r\n"


def render_calendar(name: str, lang: str, events: list[str]) -> bytes:
    """A VCALENDAR around ``events`` (from :func:`write_event`)."""
    before, after = _calendar_frame(lang)
    return (before + content_line("X-WR-CALNAME", name) + after + "".join(events)
            + "END:VCALENDAR\r\n").encode("utf-8")


@functools.lru_cache(maxsize=None)
def _calendar_frame(lang: str) -> tuple[str, str]:
    """What comes before a calendar's name and after it up to the events: the same in every file."""
    properties = calendar_properties("", lang)
    at = [key for key, _ in properties].index("X-WR-CALNAME")
    before = "BEGIN:VCALENDAR\r\n" + "".join([content_line(key, value) for key, value in properties[:at]])
    after = "".join([content_line(key, value) for key, value in properties[at + 1:]])
    return before, after + HELSINKI_VTIMEZONE


def _value(name: str, value: Value) -> object:
    """``value`` as the icalendar type its property takes (TEXT escaped by :func:`text`)."""
    return _text_type()(value) if isinstance(value, str) and name != "URL" else value


def icalendar_calendar(name: str, lang: str, events: list[Properties]) -> "icalendar.Calendar":
    """The calendar :func:`render_calendar` writes, made by icalendar: the reference."""
    import icalendar

    calendar = icalendar.Calendar()
    for key, value in calendar_properties(name, lang):
        calendar.add(key, _value(key, value))
    calendar.add_component(helsinki_timezone())
    for properties in events:
        event = icalendar.Event()
        for key, value in properties:
            event.add(key, _value(key, value))
        calendar.add_component(event)
    return calendar


def render_calendars(site: "Site", views: list["CallView"], now: dt.datetime,
                     languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    """Every calendar of ``languages``: site-relative path -> bytes."""
    return _calendar_files(site, views, now, languages, write_event, render_calendar)


def icalendar_calendars(site: "Site", views: list["CallView"], now: dt.datetime,
                        languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    """What :func:`render_calendars` writes, made by icalendar alone: the reference."""
    return _calendar_files(site, views, now, languages, lambda event: event,
                           lambda name, lang, events: icalendar_calendar(name, lang, events).to_ical())


def _calendar_files(site: "Site", views: list["CallView"], now: dt.datetime, languages: tuple[str, ...],
                    prepare: Callable, write: Callable[[str, str, list], bytes]) -> dict[str, bytes]:
    """Each call's own calendar (in the languages it has pages in) and each language's whole one:
    ``prepare`` turns an event's properties into what ``write(name, lang, events)`` takes."""
    today = now.astimezone(HELSINKI).date()
    files = {}
    for lang in languages:
        everything = []
        for view in _in_order(views):
            events = [prepare(event) for event in call_events(site, view.call, lang, today)]
            everything += events
            if lang in view.call.languages:  # a call's own calendar is offered on its pages only
                files[site.calendar_path(lang, view.call)] = write(view.call.title[lang], lang, events)
        files[site.calendar_path(lang)] = write(site.settings.site_name[lang], lang, everything)
    return files


def _in_order(views: list["CallView"]) -> list["CallView"]:
    return sorted(views, key=lambda v: (v.call.sort_moment, v.call.id))
