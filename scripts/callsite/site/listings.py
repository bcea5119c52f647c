"""Which calls go where: the home page sections, the archive and the tag pages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

from ..model.call import Call
from ..model.dates import HELSINKI
from ..model.validate import Catalog
from .status import CallView, Status, days_left, last_deadline, next_deadline, status_of
from .urls import SiteUrls

FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
_CLOSED = (Status.CLOSED, Status.UNDER_ASSESSMENT, Status.DECIDED, Status.CANCELLED)


def view_calls(calls: Iterable[Call], now: dt.datetime, closing_soon: dt.timedelta) -> list[CallView]:
    views = []
    for call in calls:
        ahead = next_deadline(call, now)
        views.append(CallView(call, status_of(call, now, closing_soon), ahead, days_left(ahead, now)))
    return views


def _ended(view: CallView) -> dt.datetime:
    if view.call.cancelled is not None:
        return dt.datetime.combine(view.call.cancelled.date, dt.time(), dt.timezone.utc)
    return last_deadline(view.call) or view.call.sort_moment


def sort_open(views: Iterable[CallView]) -> list[CallView]:
    """Nearest deadline first; continuous calls (no deadline) after them."""
    return sorted((v for v in views if v.status.is_open),
                  key=lambda v: (v.next_deadline or FAR_FUTURE, v.call.id))


def sort_upcoming(views: Iterable[CallView]) -> list[CallView]:
    return sorted((v for v in views if v.status is Status.UPCOMING), key=lambda v: (v.call.sort_moment, v.call.id))


def sort_closed(views: Iterable[CallView]) -> list[CallView]:
    """Most recently ended first."""
    closed = [v for v in views if v.status in _CLOSED]
    return sorted(closed, key=lambda v: (_ended(v), v.call.id), reverse=True)


def recently_closed(views: Iterable[CallView], now: dt.datetime, window: dt.timedelta, limit: int) -> list[CallView]:
    return [v for v in sort_closed(views) if _ended(v) >= now - window][:limit]


def sort_for_topic(views: Iterable[CallView]) -> list[CallView]:
    """Open first, then upcoming, then the rest, newest first."""
    views = list(views)
    return sort_open(views) + sort_upcoming(views) + sort_closed(views)


def _year(call: Call) -> int | None:
    first = call.first_opening
    if first is not None:
        return first.astimezone(HELSINKI).year
    return None if call.published_on is None else call.published_on.year


def group_by_year(views: Iterable[CallView]) -> list[tuple[int | None, list[CallView]]]:
    """The archive: years newest first; in a year, the latest opening first. Calls that state no
    date at all (continuous application) come first, under None: no year is made up for them."""
    years: dict[int | None, list[CallView]] = defaultdict(list)
    for view in views:
        years[_year(view.call)].append(view)
    order = ([None] if None in years else []) + sorted((y for y in years if y is not None), reverse=True)
    return [(year, sorted(years[year], key=lambda v: (v.call.sort_moment, v.call.id), reverse=True))
            for year in order]


def group_by_tag(views: Iterable[CallView], tags: Iterable[str]) -> dict[str, list[CallView]]:
    views = list(views)
    return {tag: sort_for_topic(v for v in views if tag in v.call.tags) for tag in tags}


def published_calls(catalog: Catalog, now: dt.datetime, *, preview: bool = False) -> list[Call]:
    """Calls whose publication date has come (Helsinki date) and that are not drafts.

    The staff preview also shows drafts, whatever their publication date, so that a
    call can be read on its page before it goes out; production never does.
    """
    today = now.astimezone(HELSINKI).date()
    if preview:
        return [call for call in catalog.calls if call.draft or _published_by(call, today)]
    return [call for call in catalog.calls if not call.draft and _published_by(call, today)]


def _published_by(call: Call, today: dt.date) -> bool:
    return call.published_on is None or call.published_on <= today


def site_views(site: SiteUrls, now: dt.datetime) -> list[CallView]:
    """The published calls with their status at ``now``, in a stable order (by id)."""
    views = view_calls(published_calls(site.catalog, now, preview=site.preview), now, site.settings.closing_soon)
    return sorted(views, key=lambda v: v.call.id)
