"""Files beside the pages: feeds, calendars, open data (filled in by the subscriptions work).

``render_extra_files`` returns site-relative path -> bytes; the writer refuses two
outputs claiming one path.
"""

from __future__ import annotations

import datetime as dt

from .calendars import render_calendars
from .feeds import render_feeds
from .newsletter import require_endpoint
from .opendata import render_open_data
from .render import Site
from .status import CallView


def render_extra_files(site: Site, views: list[CallView], now: dt.datetime) -> dict[str, bytes]:
    require_endpoint(site.settings, site.preview)  # a form that posts nowhere must never ship
    files: dict[str, bytes] = {}
    for part in (render_feeds(site, views, now), render_calendars(site, views, now),
                 render_open_data(site, views, now)):
        for name, data in part.items():
            if name in files:
                raise RuntimeError(f"two outputs claim {name}")
            files[name] = data
    return files
