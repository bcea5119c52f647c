"""Where everything is: the address of every page and file of the site, in each language.

Decided once here, from the settings (``site_url``'s path), the vocabulary (a topic's address
comes from its label) and each call's slugs; the pages, the feeds, the calendars and the
engine all ask here. Paths are below a language's root (``rahoitushaut/x/``), URLs are
site-absolute (``/fi/rahoitushaut/x/``), the settings make them absolute.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..model.call import LANGUAGES, Call
from ..model.settings import Settings
from ..model.validate import Catalog, slugify

# URL segments per language: /fi/rahoitushaut/<slug>/, /sv/finansiering/<slug>/ ...
SECTIONS = {
    "calls": {"fi": "rahoitushaut", "sv": "finansiering"},
    "archive": {"fi": "arkisto", "sv": "arkiv"},
    "topics": {"fi": "aiheet", "sv": "teman"},
    "accessibility": {"fi": "saavutettavuusseloste", "sv": "tillganglighetsutlatande"},
}
NEWSLETTER_PATHS = {"fi": "uutiskirje/", "sv": "nyhetsbrev/"}
"""The newsletter signup page below each language's root."""
FEED_NAME = "feed.xml"
CALENDAR_NAME = "calendar.ics"
CALENDAR_FOLDER = {"fi": "kalenteri", "sv": "kalender"}
DEFAULT_LOGO = "assets/images/callsite-logo.svg"
"""The theme's neutral mark (theme/assets/images/), used when no logo is set."""


def logo_path(settings: Settings) -> str:
    """Where the header's logo, also the browser tab's icon, is below a language's root: the
    agency's (``logo`` in the settings, published as ``assets/images/logo.<its suffix>``) or the
    theme's neutral mark."""
    if not settings.logo:
        return DEFAULT_LOGO
    return f"assets/images/logo{PurePosixPath(settings.logo).suffix.lower()}"


class SiteUrls:
    """The addresses of one build's pages and files."""

    def __init__(self, catalog: Catalog, settings: Settings, *, preview: bool = False):
        self.catalog = catalog
        self.settings = settings
        self.preview = preview
        """Preview builds (staff's local preview) may show what production never does, e.g. drafts."""
        self.tag_slugs = {
            lang: {tag: slugify(label.fi if lang == "fi" else label.sv) for tag, label in catalog.vocabulary.tags.items()}
            for lang in LANGUAGES
        }

    def url(self, lang: str, path: str = "") -> str:
        """Site-absolute URL of a path below a language's root."""
        return f"{self.settings.base_path}{lang}/{path}"

    def call_path(self, call: Call, lang: str) -> str:
        """Path of a call's page in ``lang``, one of the call's languages."""
        return f"{SECTIONS['calls'][lang]}/{call.slug.fi if lang == 'fi' else call.slug.sv}/"

    @staticmethod
    def page_language(call: Call, lang: str) -> str:
        """The language of the page a reader of ``lang`` is sent to for ``call``: ``lang`` when the
        call is published in it, else the call's own (first) language."""
        return lang if lang in call.languages else call.languages[0]

    def call_url(self, call: Call, lang: str) -> str:
        """Site-absolute URL of the page a reader of ``lang`` is sent to for ``call``."""
        page_lang = self.page_language(call, lang)
        return self.url(page_lang, self.call_path(call, page_lang))

    def tag_path(self, tag: str, lang: str) -> str:
        return f"{SECTIONS['topics'][lang]}/{self.tag_slugs[lang][tag]}/"

    def section_path(self, section: str, lang: str) -> str:
        return f"{SECTIONS[section][lang]}/"

    def feed_path(self, lang: str, tag: str | None = None) -> str:
        """Path below the site root, e.g. ``fi/feed.xml`` or ``fi/aiheet/esiopetus/feed.xml``."""
        below = self.tag_path(tag, lang) if tag else ""
        return f"{lang}/{below}{FEED_NAME}"

    def feed_url(self, lang: str, tag: str | None = None) -> str:
        """Site-absolute URL of a feed."""
        return self.settings.base_path + self.feed_path(lang, tag)

    def calendar_path(self, lang: str, call: Call | None = None) -> str:
        """Path below the site root of a language's calendar, or of one call's."""
        if call is None:
            return f"{lang}/{CALENDAR_NAME}"
        slug = call.slug.fi if lang == "fi" else call.slug.sv
        return f"{lang}/{CALENDAR_FOLDER[lang]}/{slug}.ics"
