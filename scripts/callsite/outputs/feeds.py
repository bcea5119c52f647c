"""RSS 2.0 feeds: one per language and one per topic per language, each with its
:data:`FEED_ITEMS` latest events. Never imports MkDocs.

Design (see docs/subscriptions.md): a feed item is an *event* in a call's life, not the call
itself. Feed readers de-duplicate by ``guid``, so an edited item would go unnoticed; each
event therefore gets its own item with its own guid, made of the call id, the kind of
event and its date (``<id>/published/2026-03-05``, ``<id>/changed/2026-11-24-1``,
``<id>/decisions/...``, ``<id>/cancelled/...``). Events are taken from the data only
(publication date, change notes, decisions, cancellation), so two builds of the same
data give the same bytes; events dated after the build day are not shown yet.

The XML is written by ``xml.etree.ElementTree`` (the standard library: no start-up cost
worth measuring, and it escapes text and attributes). Text from staff and settings is handed
to it as :mod:`callsite.render.xmltext` says: an item's description (HTML to readers) escaped
for HTML first, so markup in it is shown as text; titles and categories (plain text) with no
``<`` that could open a tag; a character XML cannot carry is an internal error.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.call import LANGUAGES, Call
from ..model.dates import HELSINKI
from ..render import localise
from ..render.xmltext import as_html_text, as_plain_text, check_characters

if TYPE_CHECKING:  # pragma: no cover
    from ..render.pages import Site
    from ..site.status import CallView

CHANNEL_LANGUAGE = {"fi": "fi", "sv": "sv-FI"}
FEED_ITEMS = 50
"""Each feed holds its latest events, at most this many. A feed reader shows what is new since
it last looked; it is fetched again every hour or so, by every subscriber, so a feed of every
event since the site began would grow each year (850 KB at 1,000 calls) and tell no one more.
Fifty is months of this agency's events in the language's feed and years in a topic's; every
call stays on the listings and in the open data (``calls.json``)."""
ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("atom", ATOM)
_KIND_ORDER = {"published": 0, "changed": 1, "extended": 1, "decisions": 2, "cancelled": 3}


@dataclass(frozen=True)
class Event:
    call: Call
    kind: str
    """published, changed, extended, decisions or cancelled."""
    date: dt.date
    key: str
    """Unique within the call: kind/date[-n]."""
    note: object = None


def events_of(call: Call, today: dt.date) -> list[Event]:
    # Only dated events: a call with no stated publication date, or decisions without one, has no
    # item for them (a feed item needs a date, and none is made up).
    events = []
    if call.published_on is not None:
        events.append(Event(call, "published", call.published_on, f"published/{call.published_on.isoformat()}"))
    counts: dict[dt.date, int] = {}
    for note in call.changes:  # in the order staff wrote them: numbering stays stable when notes are added later
        counts[note.date] = counts.get(note.date, 0) + 1
        events.append(Event(call, "changed", note.date, f"changed/{note.date.isoformat()}-{counts[note.date]}", note))
    for index, round_ in enumerate(call.rounds, start=1):
        if round_.extended is not None and round_.extended.date is not None:
            day = round_.extended.date
            events.append(Event(call, "extended", day, f"extended/{day.isoformat()}-round{index}", round_))
    if call.decisions is not None and call.decisions.date is not None:
        events.append(Event(call, "decisions", call.decisions.date, f"decisions/{call.decisions.date.isoformat()}"))
    if call.cancelled is not None:
        events.append(Event(call, "cancelled", call.cancelled.date, f"cancelled/{call.cancelled.date.isoformat()}"))
    return [e for e in events if e.date <= today]


def all_events(views: list["CallView"], now: dt.datetime) -> list[Event]:
    """Every event of the given calls, newest first, in a stable order."""
    today = now.astimezone(HELSINKI).date()
    events = [e for view in views for e in events_of(view.call, today)]
    return sorted(events, key=lambda e: (e.date, _KIND_ORDER[e.kind], e.call.id, e.key), reverse=True)


@functools.lru_cache(maxsize=4096)  # calls share their dates: feeds repeat a few hundred days
def rfc822(day: dt.date) -> str:
    """Midnight of ``day`` in Helsinki, e.g. ``Thu, 05 Mar 2020 00:00:00 +0200``."""
    return email.utils.format_datetime(dt.datetime.combine(day, dt.time(0), HELSINKI))


def unlink(text: str, find=str.find) -> str:
    r"""Markdown links ``[text](target)`` as their text: what ``re.sub(r"\[([^\]]*)\]\([^)]*\)",
    r"\1", text)`` gives, in linear time.

    The regex tried every ``[`` again up to the first ``]`` after it: 240,000 ``[`` in one field
    took minutes. At a ``[`` it matches exactly when the first ``]`` after it is followed by
    ``(`` and a ``)`` comes somewhere after that. The first ``]`` ahead is kept while the ``[``
    move on, and a ``)`` is looked for only where a match then follows, which ends after it:
    each search starts where the last one's stretch ended, so every character is looked at a
    bounded number of times. ``find`` is ``str.find`` (a test counts what it looks at)."""
    pieces, copied = [], 0
    opening, closing = find(text, "[", 0), -1
    while opening != -1:
        if closing < opening:
            closing = find(text, "]", opening)
            if closing == -1:  # no "]" ahead: no later "[" can match either
                break
        if text.startswith("(", closing + 1):
            after = find(text, ")", closing + 2)
            if after == -1:  # a later "[" would need a ")" further still
                break
            pieces += (text[copied:opening], text[opening + 1:closing])
            copied = after + 1
            opening = find(text, "[", copied)
        else:
            opening = find(text, "[", opening + 1)
    if not pieces:
        return text
    pieces.append(text[copied:])
    return "".join(pieces)


_MARKUP_CHARACTERS = re.compile(r"[*_`#>]")  # one character at a time: linear


def plain_text(markdown: str, limit: int = 300) -> str:
    """The first paragraph of a Markdown text as plain text (for descriptions)."""
    first = markdown.strip().split("\n\n")[0]
    text = _MARKUP_CHARACTERS.sub("", unlink(first) if "[" in first else first)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def guid(site: "Site", event: Event, lang: str) -> str:
    return f"tag:{site.settings.host},2026:call/{event.call.id}/{lang}/{event.key}"


def item_title(event: Event, lang: str) -> str:
    call_lang = event.call.languages[0] if lang not in event.call.languages else lang
    title = localise.marked_title(event.call.title[call_lang], call_lang, lang)
    messages = {"published": None, "changed": "Updated: %(title)s", "extended": "Updated: %(title)s",
                "decisions": "Decisions published: %(title)s", "cancelled": "Cancelled: %(title)s"}
    message = messages[event.kind]
    return localise.gettext(lang, message, title=title) if message else title


def item_description(site: "Site", event: Event, lang: str) -> str:
    call = event.call
    if lang not in call.languages:  # what it says, in this language: where to read the call
        about = localise.gettext(lang, localise.PUBLISHED_ONLY_IN[call.languages[0]])
        if event.kind == "decisions":
            return f"{localise.gettext(lang, 'The funding decisions have been published.')} {about}"
        if event.kind == "cancelled":
            return f"{localise.gettext(lang, 'The call has been cancelled.')} {about}"
        return about
    about = site.description(call, lang)
    if call.purpose is not None:
        about = f"{about} {plain_text(call.purpose[lang])}"
    if event.kind == "changed":
        return f"{getattr(event.note.text, lang)} {about}"
    if event.kind == "extended":
        return f"{localise.format_extension(event.note, lang)} {about}"
    if event.kind == "decisions":
        return f"{localise.gettext(lang, 'The funding decisions have been published.')} {about}"
    if event.kind == "cancelled":
        reason = call.cancelled.reason
        lead = localise.gettext(lang, "The call has been cancelled.")
        return f"{lead} {getattr(reason, lang)} {about}" if reason else f"{lead} {about}"
    return about


def _element(parent: ET.Element, tag: str, text: str | None, attributes: dict[str, str] | None = None) -> None:
    """A child element of ``parent`` on a line of its own."""
    child = ET.SubElement(parent, tag, attributes or {})
    child.text = text
    child.tail = "\n"


def render_item(site: "Site", event: Event, lang: str) -> str:
    """One ``<item>`` (the same in every feed that has it)."""
    call = event.call
    page = site.settings.absolute(site.call_url(call, lang))
    vocabulary = site.catalog.vocabulary
    item = ET.Element("item")
    item.text = item.tail = "\n"
    _element(item, "title", as_plain_text(item_title(event, lang)))
    _element(item, "link", as_plain_text(page))
    _element(item, "description", as_html_text(item_description(site, event, lang)))
    _element(item, "guid", as_plain_text(guid(site, event, lang)), {"isPermaLink": "false"})
    _element(item, "pubDate", rfc822(event.date))
    for tag in call.tags:
        _element(item, "category", as_plain_text(getattr(vocabulary.tags[tag], lang)))
    return ET.tostring(item, encoding="unicode")  # a piece of a feed (and quicker than bytes)


def render_feed(site: "Site", lang: str, events: list[Event], last_date: dt.date | None,
                tag: str | None = None, items: dict[int, str] | None = None) -> bytes:
    """A feed of ``events``; ``items`` (id of event -> its ``<item>``) lets several feeds share them.

    The channel is written by ElementTree, and each item once, by ElementTree too, for every
    feed that has it (the language's and those of its topics): writing the items again in
    each whole tree took 68-73 ms of CPU per language at 1,000 calls where this takes 37 ms
    (the f-strings before it, 24 ms; the first time in a process, 77 ms where they took 55)."""
    settings = site.settings
    self_url = settings.absolute(site.feed_url(lang, tag))
    if tag:
        label = getattr(site.catalog.vocabulary.tags[tag], lang)
        title = f"{settings.site_name[lang]}: {label}"
        link = settings.absolute(site.url(lang, site.tag_path(tag, lang)))
    else:
        title = settings.site_name[lang]
        link = settings.absolute(site.url(lang))
    description = localise.gettext(lang, "New and changed funding calls of %(agency)s",
                                   agency=settings.agency[lang])
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    rss.text = channel.text = channel.tail = "\n"
    _element(channel, "title", as_plain_text(title))
    _element(channel, "link", as_plain_text(link))
    _element(channel, "description", as_plain_text(description))
    _element(channel, "language", CHANNEL_LANGUAGE[lang])
    _element(channel, f"{{{ATOM}}}link", None,
             {"href": check_characters(self_url), "rel": "self", "type": "application/rss+xml"})
    if last_date is not None:
        _element(channel, "lastBuildDate", rfc822(last_date))
    # The items go before the channel's end tag: the last "</channel>" (text has its "<" escaped).
    # (Written as UTF-8 bytes, so that the XML declaration names the encoding they are in.)
    channel_xml = ET.tostring(rss, encoding="utf-8", xml_declaration=True).decode("utf-8")
    head, end, tail = channel_xml.rpartition("</channel>")
    pieces = [head]
    for event in events:
        if items is None:
            pieces.append(render_item(site, event, lang))
        else:
            if id(event) not in items:
                items[id(event)] = render_item(site, event, lang)
            pieces.append(items[id(event)])
    pieces += (end, tail, "\n")
    return "".join(pieces).encode("utf-8")


def render_feeds(site: "Site", views: list["CallView"], now: dt.datetime,
                 languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    """Every feed of ``languages``: site-relative path -> bytes. Each holds its
    :data:`FEED_ITEMS` latest events."""
    events = all_events(views, now)
    last = max((e.date for e in events), default=None)  # lastBuildDate: the latest date in the data
    tags = list(site.catalog.vocabulary.tags)  # a feed for every topic page, even an empty one
    tagged = {tag: [] for tag in tags}
    for event in events:  # newest first: each topic's list stops growing at its limit
        for tag in dict.fromkeys(event.call.tags):  # a tag written twice is one topic
            if len(tagged[tag]) < FEED_ITEMS:
                tagged[tag].append(event)
    files = {}
    for lang in languages:
        items: dict[int, str] = {}  # the events outlive it: their ids stay theirs
        files[site.feed_path(lang)] = render_feed(site, lang, events[:FEED_ITEMS], last, items=items)
        for tag in tags:
            files[site.feed_path(lang, tag)] = render_feed(site, lang, tagged[tag], last, tag, items=items)
    return files
