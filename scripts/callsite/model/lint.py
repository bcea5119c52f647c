"""Warnings: things worth a second look that do not stop the build.

``find_warnings`` reads the validated calls (with the line numbers of their
files) and returns :class:`Problem` objects of severity ``warning``:

* a contact whose job title has no Swedish text;
* a deadline at an unusual time of day (not one of ``usual_deadline_times``, 16.15 by default);
* an ``http://`` link where ``https://`` exists. We cannot fetch the web, so "exists"
  means: the same host is used with ``https://`` somewhere in the calls, or the host
  (or a domain it belongs to) is in ``https_hosts`` (the agency's and the state's own
  sites, which all serve https);
* a publication date that has come for a call still marked as a draft (it is
  then silently missing from the site).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..messages import N_, _
from ..problems import Problem
from ..source.yamlsource import Document, format_path, load_document
from .call import Call, has_time
from .dates import HELSINKI
from .settings import Settings
from .validate import Catalog

NO_TITLE = {"fi": N_("the job title has no Finnish text (fi)"), "sv": N_("the job title has no Swedish text (sv)")}
NAME_ONLY = {
    "fi": N_("add 'fi: ...' to the title; until then the Finnish page shows the name only"),
    "sv": N_("add 'sv: ...' to the title; until then the Swedish page shows the name only"),
}


def _clock(value: dt.time) -> str:
    text = f"{value.hour}.{value.minute:02d}"
    return text + (f".{value.second:02d}" if value.second else "")


def _normal_clock(text: str) -> str:
    """``16:15``, ``16.15`` and ``klo 16.15`` are one time."""
    match = re.fullmatch(r"(?:klo\s*)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?", str(text).strip())
    if not match:
        raise ValueError(_("extra.callsite.usual_deadline_times: {text} is not a time such as 16.15").format(
            text=repr(text)))
    hour, minute, second = (int(g or 0) for g in match.groups())
    return _clock(dt.time(hour, minute, second))


def _day(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _urls(call: Call):
    """(field path, url) of every link target of a call."""
    for i, link in enumerate(call.links):
        for lang in call.languages:
            yield ("links", i, "url", lang), link.url[lang]
    for r, round_ in enumerate(call.rounds):
        for i, link in enumerate(round_.links):
            for lang in round_.languages or call.languages:
                yield ("rounds", r, "links", i, "url", lang), link.url[lang]
    if call.decisions is not None and call.decisions.url is not None:
        for lang in call.languages:
            yield ("decisions", "url", lang), call.decisions.url[lang]


_PLAIN_HOST = re.compile(r"https?://([a-z0-9.-]+)(?=[/?#]|$)")
"""An address whose host is written plainly (no user, port, brackets or capitals): the host
is what urlsplit would give, found without it (urlsplit was most of the warnings' time)."""


def _host(url: str) -> str:
    plain = _PLAIN_HOST.match(url)
    if plain is not None:
        return plain.group(1)
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _known_https(host: str, domains: tuple) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def find_warnings(catalog: Catalog, settings: Settings, now: dt.datetime) -> list[Problem]:
    today = now.astimezone(HELSINKI).date()
    usual = {_normal_clock(t) for t in settings.usual_deadline_times}
    usual_text = _(" or ").join(sorted(usual))
    https_seen: dict[str, str] = {}  # host -> file where it is used with https://
    for call in catalog.calls:
        for _path, url in _urls(call):
            if url.startswith("https://"):
                https_seen.setdefault(_host(url), catalog.sources.get(call.id, ""))

    warnings: list[Problem] = []
    for call in catalog.calls:
        file = catalog.sources.get(call.id, call.id)
        marks: list[Document] = []

        def warn(path: tuple, message: str, hint: str) -> None:
            # Line numbers come from reading the file again: warnings are rare, and the
            # catalog need not keep every file's marks in memory through the build.
            if not marks:
                marks.append(load_document(Path(file), file)[0] or Document(data=None))
            line, column = marks[0].mark_of(path)
            warnings.append(Problem(file, line, column, format_path(path), message, hint, severity="warning"))

        suffix = os.path.splitext(file)[1]
        if suffix != ".yaml":  # the loader reads .yml and .YAML too; the form (calls/_cms.yml) lists .yaml only
            warn(("id",), _("the browser editor lists only files whose name ends in .yaml, so it does not show "
                            "this one"),
                 _("rename the file to {name}").format(name=Path(file).stem + ".yaml"))
        if call.draft and call.published_on is not None and call.published_on <= today:
            warn(("draft",), _("the publication date {date} has come, but the call is still a draft, so it is not "
                               "on the public site").format(date=_day(call.published_on)),
                 _("when the call is ready, delete the line 'draft: true'; otherwise move 'published' forward"))
        for i, contact in enumerate(call.contacts):
            if contact.title is None:
                continue
            for lang in call.languages:
                if contact.title[lang] is None and (contact.languages is None or lang in contact.languages):
                    warn(("contacts", i, "title"), _(NO_TITLE[lang]), _(NAME_ONLY[lang]))
        for i, round_ in enumerate(call.rounds):
            if round_.closes is None or not has_time(round_.closes):  # a day only: no time to doubt
                continue
            clock = _clock(round_.closes.astimezone(HELSINKI).time())
            if clock not in usual:
                warn(("rounds", i, "closes"), _("the call closes at {time}; calls usually close at {usual}").format(
                    time=clock, usual=usual_text),
                     _("check the time; if {time} is right, ignore this warning (the usual times are set in "
                       "mkdocs.yml under extra.callsite.usual_deadline_times)").format(time=clock))
        for path, url in _urls(call):
            if not url.startswith("http://"):
                continue
            host = _host(url)
            secure = "https://" + url[len("http://"):]
            if host in https_seen:
                warn(path, _("the link {url} uses http://, but {host} is used with https:// in {file}").format(
                    url=repr(url), host=host, file=https_seen[host]), _("write {url}").format(url=repr(secure)))
            elif _known_https(host, tuple(settings.https_hosts)):
                warn(path, _("the link {url} uses http://, but {host} serves https://").format(url=repr(url), host=host),
                     _("write {url}").format(url=repr(secure)))
    return sorted(warnings)


def report_warnings(catalog: Catalog, settings: Settings, now: dt.datetime) -> int:
    """Print each warning of :func:`find_warnings` on stderr; how many there were."""
    warnings = find_warnings(catalog, settings, now)
    for warning in warnings:
        print(warning.format(), file=sys.stderr)
    return len(warnings)
