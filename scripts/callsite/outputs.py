"""Files beside the pages: feeds, calendars, open data (filled in by the subscriptions work).

``render_extra_files`` returns site-relative path -> bytes; the writer refuses two
outputs claiming one path.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping

from .calendars import render_calendars
from .model import LANGUAGES
from .feeds import render_feeds
from .newsletter import require_endpoint
from .opendata import open_data_files
from .render import Site
from .status import CallView

FileGroup = Mapping[str, "bytes | Iterable[bytes]"]
"""Site-relative path -> the file's bytes, or pieces of them."""


def check_outputs(site: Site) -> None:
    """Refuse settings that would ship something broken, before anything is written."""
    require_endpoint(site.settings, site.preview)  # a form that posts nowhere must never ship


def file_groups(site: Site, views: list[CallView], now: dt.datetime) -> list[Callable[[], FileGroup]]:
    """The files beside the pages, in groups that are each made and written in one go, by
    whichever process of a build is free: the open data (its pieces of bytes made as they are
    written, so a build never holds the long JSON), then each language's calendars, then feeds."""
    groups: list[Callable[[], FileGroup]] = [functools.partial(open_data_files, site, views, now)]
    groups += [functools.partial(render_calendars, site, views, now, (lang,)) for lang in LANGUAGES]
    groups += [functools.partial(render_feeds, site, views, now, (lang,)) for lang in LANGUAGES]
    return groups


def render_extra_files(site: Site, views: list[CallView], now: dt.datetime) -> dict[str, bytes]:
    """All of the above (the live preview's single-process path)."""
    check_outputs(site)
    parts = [{name: data if isinstance(data, bytes) else b"".join(data) for name, data in group().items()}
             for group in file_groups(site, views, now)]
    return _merge(*parts)


def _merge(*parts: dict[str, bytes]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in parts:
        for name, data in part.items():
            if name in files:
                raise RuntimeError(f"two outputs claim {name}")
            files[name] = data
    return files
