"""Files beside the pages: feeds, calendars, open data (filled in by the subscriptions work).

``render_extra_files`` returns site-relative path -> bytes; the writer refuses two
outputs claiming one path.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator

from ..model.call import LANGUAGES
from ..render.newsletter import require_endpoint
from ..render.pages import Site
from ..site.status import CallView
from .admin import admin_files
from .calendars import render_calendars
from .feeds import render_feeds
from .opendata import open_data_files

FileGroupMaker = Callable[[], dict[str, bytes]]
"""Makes a group of files: site-relative path -> bytes."""


def check_outputs(site: Site) -> None:
    """Refuse settings that would ship something broken, before anything is written."""
    require_endpoint(site.settings, site.preview)  # a form that posts nowhere must never ship


def language_file_groups(site: Site, views: list[CallView], now: dt.datetime, lang: str) -> list[FileGroupMaker]:
    """A language's feeds, then its calendars: each group made and written in one go (one at
    a time, so that a build never holds both)."""
    return [functools.partial(render_feeds, site, views, now, (lang,)),
            functools.partial(render_calendars, site, views, now, (lang,))]


def render_shared_files(site: Site, views: list[CallView], now: dt.datetime) -> dict[str, Iterator[bytes]]:
    """Files for both languages at once, the open data: each as pieces of bytes made as they
    are read, so that a build writes the long JSON without holding it. Also the browser
    editor at /admin/ (issue 22), in the preview too."""
    return {name: data for group in shared_file_groups(site, views, now) for name, data in group().items()}


def shared_file_groups(site: Site, views: list[CallView], now: dt.datetime) -> list[FileGroupMaker]:
    """:func:`render_shared_files` in two groups, the open data and the editor's files, which a
    build may give to two processes."""
    return [functools.partial(open_data_files, site, views, now), functools.partial(admin_files, site)]


def render_extra_files(site: Site, views: list[CallView], now: dt.datetime) -> dict[str, bytes]:
    """All of the above (the live preview's single-process path)."""
    check_outputs(site)
    parts = [group() for lang in LANGUAGES for group in language_file_groups(site, views, now, lang)]
    shared = {name: b"".join(pieces) for name, pieces in render_shared_files(site, views, now).items()}
    return _merge(*parts, shared)


def _merge(*parts: dict[str, bytes]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in parts:
        for name, data in part.items():
            if name in files:
                raise RuntimeError(f"two outputs claim {name}")
            files[name] = data
    return files
