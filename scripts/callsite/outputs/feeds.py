"""RSS 2.0 feeds: one per language and one per topic per language. Never imports MkDocs.

Design (see README, "Feeds"): a feed item is an *event* in a call's life, not the call
itself. Feed readers de-duplicate by ``guid``, so an edited item would go unnoticed; each
event therefore gets its own item with its own guid, made of the call id, the kind of
event and its date (``<id>/published/2026-03-05``, ``<id>/changed/2026-11-24-1``,
``<id>/decisions/...``, ``<id>/cancelled/...``). Events are taken from the data only
(publication date, change notes, decisions, cancellation), so two builds of the same
data give the same bytes; events dated after the build day are not shown yet.

Text from staff and settings is written as :mod:`callsite.xmltext` says: an item's
description (HTML to readers) escaped twice, so markup in it is shown as text; titles and
categories (plain text) with no ``<`` that could open a tag; a character XML cannot carry is
an internal error.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.call import LANGUAGES, Call
from ..model.dates import HELSINKI
from ..render import localise
from ..render.xmltext import check_characters, escape_html_text, escape_plain_text, quoteattr

if TYPE_CHECKING:  # pragma: no cover
    from ..render.pages import Site
    from ..site.status import CallView

CHANNEL_LANGUAGE = {"fi": "fi", "sv": "sv-FI"}
_KIND_ORDER = {"published": 0, "changed": 1, "decisions": 2, "cancelled": 3}


@dataclass(frozen=True)
class Event:
    call: Call
    kind: str
    """published, changed, decisions or cancelled."""
    date: dt.date
    key: str
    """Unique within the call: kind/date[-n]."""
    note: object = None


def events_of(call: Call, today: dt.date) -> list[Event]:
    events = [Event(call, "published", call.published, f"published/{call.published.isoformat()}")]
    counts: dict[dt.date, int] = {}
    for note in call.changes:  # in the order staff wrote them: numbering stays stable when notes are added later
        counts[note.date] = counts.get(note.date, 0) + 1
        events.append(Event(call, "changed", note.date, f"changed/{note.date.isoformat()}-{counts[note.date]}", note))
    if call.decisions is not None:
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
    title = getattr(event.call.title, lang)
    messages = {"published": None, "changed": "Updated: %(title)s",
                "decisions": "Decisions published: %(title)s", "cancelled": "Cancelled: %(title)s"}
    message = messages[event.kind]
    return localise.gettext(lang, message, title=title) if message else title


def item_description(site: "Site", event: Event, lang: str) -> str:
    call = event.call
    about = f"{site.description(call, lang)} {plain_text(getattr(call.purpose, lang))}"
    if event.kind == "changed":
        return f"{getattr(event.note.text, lang)} {about}"
    if event.kind == "decisions":
        return f"{localise.gettext(lang, 'The funding decisions have been published.')} {about}"
    if event.kind == "cancelled":
        reason = call.cancelled.reason
        lead = localise.gettext(lang, "The call has been cancelled.")
        return f"{lead} {getattr(reason, lang)} {about}" if reason else f"{lead} {about}"
    return about


def render_item(site: "Site", event: Event, lang: str) -> str:
    """One ``<item>`` (the same in every feed that has it)."""
    call = event.call
    page = site.settings.absolute(site.url(lang, site.call_path(call, lang)))
    vocabulary = site.catalog.vocabulary
    lines = [
        "<item>",
        f"<title>{escape_plain_text(item_title(event, lang))}</title>",
        f"<link>{escape_plain_text(page)}</link>",
        f"<description>{escape_html_text(item_description(site, event, lang))}</description>",
        f'<guid isPermaLink="false">{escape_plain_text(guid(site, event, lang))}</guid>',
        f"<pubDate>{rfc822(event.date)}</pubDate>",
        *(f"<category>{escape_plain_text(getattr(vocabulary.tags[t], lang))}</category>" for t in call.tags),
        "</item>",
    ]
    return "\n".join(lines)


def render_feed(site: "Site", lang: str, events: list[Event], last_date: dt.date | None,
                tag: str | None = None, items: dict[int, str] | None = None) -> bytes:
    """A feed of ``events``; ``items`` (id of event -> its ``<item>``) lets several feeds share them."""
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
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape_plain_text(title)}</title>",
        f"<link>{escape_plain_text(link)}</link>",
        f"<description>{escape_plain_text(description)}</description>",
        f"<language>{CHANNEL_LANGUAGE[lang]}</language>",
        f'<atom:link href={quoteattr(check_characters(self_url))} rel="self" type="application/rss+xml"/>',
    ]
    if last_date is not None:
        lines.append(f"<lastBuildDate>{rfc822(last_date)}</lastBuildDate>")
    for event in events:
        if items is None:
            lines.append(render_item(site, event, lang))
        else:
            if id(event) not in items:
                items[id(event)] = render_item(site, event, lang)
            lines.append(items[id(event)])
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines).encode("utf-8")


def render_feeds(site: "Site", views: list["CallView"], now: dt.datetime,
                 languages: tuple[str, ...] = LANGUAGES) -> dict[str, bytes]:
    """Every feed of ``languages``: site-relative path -> bytes."""
    events = all_events(views, now)
    last = max((e.date for e in events), default=None)  # lastBuildDate: the latest date in the data
    tags = list(site.catalog.vocabulary.tags)  # a feed for every topic page, even an empty one
    files = {}
    for lang in languages:
        items: dict[int, str] = {}  # the events outlive it: their ids stay theirs
        files[site.feed_path(lang)] = render_feed(site, lang, events, last, items=items)
        for tag in tags:
            tagged = [e for e in events if tag in e.call.tags]
            files[site.feed_path(lang, tag)] = render_feed(site, lang, tagged, last, tag, items=items)
    return files
