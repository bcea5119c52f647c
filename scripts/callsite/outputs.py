"""Files beside the pages: feeds, calendars, open data (filled in by the subscriptions work).

``render_extra_files`` returns site-relative path -> bytes; the writer refuses two
outputs claiming one path.
"""

from __future__ import annotations

import datetime as dt

from .render import Site
from .status import CallView


def render_extra_files(site: Site, views: list[CallView], now: dt.datetime) -> dict[str, bytes]:
    return {}
