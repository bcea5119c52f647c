"""Site settings: read once at the entry point, then passed down (never global)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml


@dataclass(frozen=True)
class Settings:
    site_url: str = "https://rahoitushaut.example.fi/"
    """Absolute address of the site root, ending in a slash."""
    agency: dict = field(default_factory=lambda: {"fi": "Opetushallitus", "sv": "Utbildningsstyrelsen"})
    """The agency's name in each language."""
    site_name: dict = field(default_factory=lambda: {"fi": "Opetushallitus – Rahoitushaut",
                                                     "sv": "Utbildningsstyrelsen – Finansiering"})
    closing_soon_days: int = 14
    """A call is "closing soon" when its deadline is at most this many days away."""
    recently_closed_days: int = 365
    """How far back the home page lists closed calls."""
    recently_closed_limit: int = 10
    """At most this many closed calls on the home page."""
    usual_deadline_times: tuple = ("16.15",)
    """``callsite check`` warns about a deadline at any other time of day (Helsinki time)."""
    https_hosts: tuple = ("oph.fi", "okm.fi", "minedu.fi", "finlex.fi", "suomi.fi", "gov.fi",
                          "valtioneuvosto.fi", "europa.eu")
    """Hosts known to serve https (with their subdomains): ``callsite check`` warns about http:// links to them."""
    newsletter_action: str = ""
    """Newsletter signup: the address the form posts to (from the newsletter provider); https://.
    A production build fails without it; the preview shows a note instead of the form."""
    newsletter_method: str = "post"
    """Newsletter signup: the form method the provider expects, post or get."""
    newsletter_email_field: str = "email"
    """Newsletter signup: the name the provider expects for the email field, e.g. email or EMAIL."""
    newsletter_hidden_fields: dict = field(default_factory=dict)
    """Newsletter signup: hidden fields per language, e.g. {fi: {list: uutiset-fi}, sv: {list: nyheter-sv}}."""
    newsletter_privacy_url: dict = field(default_factory=dict)
    """Newsletter signup: the privacy notice (tietosuojaseloste / dataskyddsbeskrivning) per language."""
    newsletter_honeypot_field: str = "website"
    """Newsletter signup: name of the hidden field that people leave empty and bots fill in."""

    @property
    def closing_soon(self) -> dt.timedelta:
        return dt.timedelta(days=self.closing_soon_days)

    @property
    def recently_closed(self) -> dt.timedelta:
        return dt.timedelta(days=self.recently_closed_days)

    # Asked for on every page and feed item: worked out once (the settings never change).
    @functools.cached_property
    def base_path(self) -> str:
        """``/`` or ``/repo/`` when the site lives below the host's root."""
        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @functools.cached_property
    def host(self) -> str:
        """The host (and port) of ``site_url``, e.g. ``rahoitushaut.example.fi``."""
        return urlsplit(self.site_url).netloc

    @functools.cached_property
    def origin(self) -> str:
        """``https://rahoitushaut.example.fi``: the scheme and host of ``site_url``."""
        return f"{urlsplit(self.site_url).scheme}://{self.host}"

    def absolute(self, site_path: str) -> str:
        """``/fi/feed.xml`` (a site-absolute path, from :meth:`Site.url`) -> ``https://host/fi/feed.xml``."""
        return self.origin + site_path


def load_settings(config_file: Path) -> Settings:
    """Read ``site_url`` and ``extra.callsite`` from ``mkdocs.yml`` (plain YAML, no MkDocs)."""
    with open(config_file, encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_IgnoreTagsLoader) or {}
    extra = (config.get("extra") or {}).get("callsite") or {}
    known = {f for f in Settings.__dataclass_fields__}
    unknown = set(extra) - known
    if unknown:
        raise ValueError(f"{config_file}: unknown setting(s) under extra.callsite: {', '.join(sorted(unknown))}")
    values = dict(extra)
    if config.get("site_url"):
        values["site_url"] = config["site_url"]
    return Settings(**values)


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!ENV`` or ``!!python/name``: read them as plain values."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
