"""Render every page body of the site, in both languages, from the validated catalog.

The output is a list of :class:`SitePage`: engine-neutral (URL, title, HTML body,
language alternates). The engine adapter wraps each body in the theme's chrome.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..messages import cache_folder
from ..model.call import LANGUAGES, Call, Round, has_time
from ..model.settings import Settings
from ..model.validate import Catalog
from ..site.listings import group_by_tag, group_by_year, recently_closed, sort_open, sort_upcoming
from ..site.status import CallView, Status
from ..site.urls import NEWSLETTER_PATHS, SECTIONS, SiteUrls, logo_path
from . import commonmark, localise
from .templating import (ConstantTranslations, LanguageBytecodeCache, QuickCallContext, QuickEscapeTemplate, Renderer,
                         fill_message)
from .xmltext import quoteattr

TEMPLATE_DIR = Path(__file__).parent / "templates"

# The Content-Security-Policy of the root pages (outside Material); the same as in theme/main.html.
ROOT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' https:"

@dataclass(frozen=True)
class SitePage:
    """One generated page in one language."""

    lang: str
    path: str
    """Path below the language root, '' for the home page, else ending in '/'."""
    title: str
    """Plain text title (not escaped)."""
    body: str
    """HTML of the page's main content."""
    kind: str
    """home, call, archive, topics, topic."""
    alternates: dict = field(default_factory=dict)
    """Language -> site-absolute URL the language switch offers: this page in that language
    (including this one), or that language's home page where the page has no translation."""
    description: str = ""
    head: str = ""
    """Extra HTML for <head> (feed links, structured data); already escaped/serialised."""
    search_text: str = ""
    """Plain text for the site search entry of a call page (title is indexed anyway)."""


# "<" that does not open an autolink (<https://...>, <mailto:...>) becomes "&lt;" before parsing,
# so raw HTML in YAML text is shown as text (staff see their mistake) and never reaches the page.
# Linear: each "<"'s lookahead stops at the next "<", so no character is scanned for two of them.
_RAW_HTML = re.compile(r"<(?!(?:https?|mailto):[^<>\s]*>)")


def render_markdown(text: str) -> Markup:
    """CommonMark from YAML via cmark-gfm's safe mode: unsafe link schemes lose their target."""
    return Markup(commonmark.to_html(_RAW_HTML.sub("&lt;", text) if "<" in text else text))


def render_markdown_inline(text: str) -> Markup:
    """Like :func:`render_markdown` for a list item: a single paragraph loses its <p>."""
    html = render_markdown(text)
    if html.startswith("<p>") and html.endswith("</p>\n") and html.count("<p>") == 1:
        return Markup(html[3:-5])
    return html


def iso(value: dt.datetime, with_time: bool = True) -> str:
    """ISO 8601 for ``<time datetime>``: the moment, or the day (a deadline given as a day only is
    its last day, not the midnight after it)."""
    if not has_time(value):
        return value.day.isoformat()
    return value.isoformat() if with_time else value.date().isoformat()


def exclusive_end(value: dt.datetime) -> str:
    """The moment a deadline passes, for scripts: a day-only deadline passes at the midnight after it."""
    return value.isoformat()


class Site(SiteUrls):
    """The addresses (see :class:`SiteUrls`) and the Jinja environments of one build."""

    def __init__(self, catalog: Catalog, settings: Settings, *, preview: bool = False,
                 body_cache: dict | None = None):
        super().__init__(catalog, settings, preview=preview)
        # Call page bodies and cards by (kind, language, call, status[, level]): rendered once per
        # build, and kept between builds by the live preview (which passes ``body_cache``).
        self._bodies: dict[tuple, str] = body_cache if body_cache is not None else {}
        self._keep_call_bodies = body_cache is not None  # a one-off build renders each call page once
        self._shared: dict[tuple, object] = {}  # what a few values alone decide (see _by_value)
        self.envs = {lang: self._environment(lang) for lang in LANGUAGES}
        self._subscription_globals()
        self._renderers = {lang: Renderer(env) for lang, env in self.envs.items()}  # after the last global

    # Templates ----------------------------------------------------------
    def _environment(self, lang: str) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
            autoescape=jinja2.select_autoescape(("html", "xml")),
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n", ConstantTranslations],
            trim_blocks=False,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during a build: skip a stat() per include
        )
        cache = cache_folder()  # Jinja keys an entry by its template's checksum: never stale
        if cache is not None:
            env.bytecode_cache = LanguageBytecodeCache(cache, lang, localise.catalog_source(lang))
        env.install_gettext_translations(localise.translations(lang), newstyle=True)
        env.callsite_gettext = localise.translations(lang).gettext  # for ConstantTranslations
        env.template_class = QuickEscapeTemplate
        env.context_class = QuickCallContext
        vocabulary = self.catalog.vocabulary
        status_labels = {
            Status.UPCOMING: "Upcoming", Status.OPEN: "Open", Status.CLOSING_SOON: "Closing soon",
            Status.CONTINUOUS: "Continuous application", Status.CLOSED: "Closed",
            Status.UNDER_ASSESSMENT: "Under assessment", Status.DECIDED: "Decided", Status.CANCELLED: "Cancelled",
        }
        link_kinds = {"application": "Application", "announcement": "Call announcement",
                      "attachment": "Attachment", "more_info": "More information"}
        grant_types = {"general": "General state grant", "special": "Special state grant"}
        t = localise.translations(lang).gettext
        env.filters.update(
            day=lambda value: localise.format_day(value, lang),
            moment=lambda value, with_time=True, with_zone=True: localise.format_moment(value, lang, with_time,
                                                                                       with_zone),
            amount=lambda value: localise.format_amount(value, lang),
            euros=lambda value: localise.format_euros(value, lang),
            share=lambda value: localise.format_share(value, lang),
            iso=iso,
            markdown=render_markdown,
            markdown_inline=render_markdown_inline,
        )
        env.globals.update(
            lang=lang,
            agency=self.settings.agency[lang],
            funder=lambda call: self.funder_name(call, lang),
            strong=lambda text: fill_message({"text": text}, "<strong>%(text)s</strong>"),
            status_label=lambda status: t(status_labels[status]),
            link_kind_label=lambda kind: t(link_kinds[kind]),
            grant_type_label=lambda kind: t(grant_types[kind]),
            tag_label=lambda tag: getattr(vocabulary.tags[tag], lang),
            applicant_label=lambda key: getattr(vocabulary.applicant_types[key], lang),
            applicant_list=lambda call: self._label_list(lang, "applicant_types", call.eligibility.applicant_types),
            tag_list=lambda call: self._label_list(lang, "tags", call.tags),
            links_shown=links_shown,
            # Jinja's join filter, through its async wrapper, cost three times this on every card.
            spaced=lambda keys: " ".join(keys),
            card=lambda view, level=3: self._card(lang, view, level),
            status_badge=lambda view: self._status_badge(lang, view),
            period=lambda round_: self._period(lang, round_),
            newsletter_form=lambda form_id: self._newsletter_form(lang, form_id),
            call_url=lambda call: self.call_url(call, lang),
            page_language=lambda call: self.page_language(call, lang),
            contacts_shown=lambda call: [contact for contact in call.contacts
                                         if contact.languages is None or lang in contact.languages],
            only_in=lambda call: localise.only_in(self.page_language(call, lang), lang),
            change_notes=lambda call: change_notes(call, lang),
            rounds_shown=lambda call: rounds_shown(call, self.page_language(call, lang)),
            aid_share_sentence=lambda funding: aid_share_sentence(funding, lang),
            days_left_forms=lambda deadline: localise.days_left_forms(lang, deadline),
            days_left_text=lambda view: localise.format_days_left(view.days_left, view.next_deadline, lang),
            days_left=lambda view: days_left_markup(
                lang, view.next_deadline or first_deadline(view.call), view.status.is_open, view.days_left),
            first_deadline=first_deadline,
            summary_deadline=lambda view: summary_deadline(view, self.page_language(view.call, lang)),
            english_moment=localise.format_english_moment,
            application_link=lambda call: application_link(call, self.page_language(call, lang)),
            tag_url=lambda tag: self.url(lang, self.tag_path(tag, lang)),
            home_url=self.url(lang),
            archive_url=self.url(lang, self.section_path("archive", lang)),
            topics_url=self.url(lang, self.section_path("topics", lang)),
            # for assets/javascripts/callsite.js, which refreshes status badges on load
            closing_soon_seconds=int(self.settings.closing_soon.total_seconds()),
            status_labels={status.value: t(label) for status, label in status_labels.items()},
        )
        # The same on every badge that has them: written once here, not looped over per badge.
        env.globals["status_label_attributes"] = Markup("").join(
            Markup(' data-callsite-label-{}="{}"').format(status.value, t(label))
            for status, label in status_labels.items() if status not in (Status.CANCELLED, Status.DECIDED))
        # under assessment is set by staff, after the periods: the script switches to it from closed
        # An empty opening: continuous application open since publication (callsite.js reads it so).
        env.filters["moments"] = lambda round_: (f"{iso(round_.opens.at) if round_.opens else ''}"
                                                 f"/{exclusive_end(round_.closes) if round_.closes else ''}")
        env.filters["exclusive_end"] = exclusive_end
        env.filters["has_time"] = has_time
        return env

    def _subscription_globals(self) -> None:
        """Feed and calendar addresses for the templates (see feeds.py, calendars.py)."""
        from .newsletter import form_for

        for lang, env in self.envs.items():
            env.globals.update(
                feed_url=self.feed_url(lang),
                tag_feed_url=lambda tag, lang=lang: self.feed_url(lang, tag),
                calendar_url=self.settings.base_path + self.calendar_path(lang),
                call_calendar_url=lambda call, lang=lang: self.settings.base_path + self.calendar_path(lang, call),
                newsletter=form_for(self.settings, lang),
                newsletter_url=self.url(lang, NEWSLETTER_PATHS[lang]),
            )

    def _cached(self, key: tuple, owner: object, make):
        """``make()`` once per build for ``owner`` (a call, a round) and ``key``.

        Entries are keyed by the owner's identity, not its value (hashing a whole call is
        slow), and keep the owner alive so its id cannot be reused. The live preview keeps
        an unchanged file's call object between builds, and a changed file gets a new one.
        """
        full_key = (id(owner), *key)
        hit = self._bodies.get(full_key)
        if hit is None or hit[0] is not owner:
            hit = (owner, make())
            self._bodies[full_key] = hit
        return hit[1]

    def _partial(self, lang: str, template: str, owner: object, key: tuple, **context) -> Markup:
        """``template`` rendered once per build for ``owner`` and ``key``."""
        return self._cached((template, lang, *key), owner, lambda: Markup(self.render(lang, template, **context)))

    def _card(self, lang: str, view: CallView, level: int) -> Markup:
        """A call's card, rendered once and reused by every listing that shows it.

        Cards differ between listings only in their heading level: the card at another
        level is the level-3 card with its one heading's tags renamed (text in it is escaped,
        so it has no ``</h3>`` of its own), unless the card's markup is not the expected one.
        """
        card = self._partial(lang, "call-card.html", view.call, (view.status, view.days_left, 3), view=view,
                             heading_level=3)
        if level == 3:
            return card

        def relevel() -> Markup:
            html, opening, closing = str(card), '<h3 class="mdx-card__title">', "</h3>"  # str: Markup would escape
            if html.count(opening) == 1 and html.count(closing) == 1:
                html = html.replace(opening, f'<h{level} class="mdx-card__title">').replace(closing, f"</h{level}>")
            else:
                html = self.render(lang, "call-card.html", view=view, heading_level=level)
            return Markup(html)

        return self._cached(("call-card.html", lang, view.status, view.days_left, level), view.call, relevel)

    def description(self, call: Call, lang: str) -> str:
        """:func:`describe_call`, once per build: a call page's meta description, its search
        entry, its JSON-LD and its feed items all say it."""
        return self._cached(("description", lang), call, lambda: describe_call(call, lang))

    def feed_links(self, lang: str, tag: str | None) -> str:
        """The ``<head>`` links to a page's feeds: the same on every page of a language (and topic)."""
        return self._by_value(("feed links", lang, tag), lambda: self._feed_links(lang, tag))

    def _feed_links(self, lang: str, tag: str | None) -> str:
        """``<link rel="alternate">`` elements for a page's <head>."""
        links = [(self.feed_url(lang), self.settings.site_name[lang])]
        if tag:
            label = getattr(self.catalog.vocabulary.tags[tag], lang)
            links.append((self.feed_url(lang, tag), f"{self.settings.site_name[lang]}: {label}"))
        return "".join(f'<link rel="alternate" type="application/rss+xml" title={quoteattr(title)} '
                       f'href={quoteattr(href)}>' for href, title in links)

    def funder_name(self, call: Call, lang: str) -> str:
        """Who grants a call's money: its funder from the vocabulary, else the site's agency."""
        if call.funder is None:
            return self.settings.agency[lang]
        return getattr(self.catalog.vocabulary.funders[call.funder], lang)

    def hreflang_links(self, translations: dict[str, str]) -> str:
        """``<link rel="alternate" hreflang>`` for each language a page exists in. Site-absolute, as
        the theme wrote them: Material's language switch fetches what they name (a full address
        would be another origin for a site served anywhere but its final host)."""
        return self._by_value(("hreflang", tuple(translations.items())), lambda: "".join(
            f'<link rel="alternate" hreflang="{localise.HREFLANG[lang]}" href={quoteattr(url)}>'
            for lang, url in translations.items()))

    def forget_cards(self) -> None:
        """Let a one-off build free the cards once every listing is rendered (the preview keeps them)."""
        if not self._keep_call_bodies:
            for key in [key for key in self._bodies if key[1] == "call-card.html"]:
                del self._bodies[key]

    def _by_value(self, key: tuple, make):
        """``make()`` once per build for each ``key``: the values that alone decide its output."""
        hit = self._shared.get(key)
        if hit is None:
            hit = self._shared[key] = make()
        return hit

    def _label_list(self, lang: str, vocabulary_list: str, keys: tuple[str, ...]) -> Markup:
        """``Opetuksen järjestäjät, Kunnat``: the labels of ``keys`` in one of the vocabulary's lists,
        joined. The same for every call with the same keys (a loop in the templates, with Jinja's
        loop object for the comma, cost a call page and a card about as much as their Markdown)."""
        def make() -> Markup:
            labels = getattr(self.catalog.vocabulary, vocabulary_list)
            return Markup(", ").join(getattr(labels[key], lang) for key in keys)
        return self._by_value(("labels", lang, vocabulary_list, tuple(keys)), make)

    def _status_badge(self, lang: str, view: CallView) -> Markup:
        """A call's status badge: the same on its page and on its cards, and for every call with
        the same status and moments (it shows nothing else of the call)."""
        moments = tuple((round_.opens and round_.opens.at, round_.closes) for round_ in view.call.rounds)
        return self._by_value(("call-status.html", lang, view.status, moments, view.call.status),
                              lambda: Markup(self.render(lang, "call-status.html", view=view)))

    def _period(self, lang: str, round_: Round) -> Markup:
        """One application period: the same on the call page and on the cards, and for every
        round with the same moments."""
        opens = round_.opens
        original = round_.extended and round_.extended.original
        return self._by_value(("call-period.html", lang, opens and opens.at, opens and opens.has_time, round_.closes,
                               original),
                              lambda: Markup(self.render(lang, "call-period.html", round=round_)))

    def _newsletter_form(self, lang: str, form_id: str) -> Markup:
        """The signup form (the same on every call page)."""
        return self._partial(lang, "newsletter-form.html", form_id, (), form_id=form_id)

    def render(self, lang: str, template: str, **context) -> str:
        return self._renderers[lang].render(template, context)

    def render_call(self, lang: str, view: CallView) -> str:
        if not self._keep_call_bodies:
            return self.render(lang, "call.html", view=view)
        # The days left are on the page: kept between preview builds only while they stay the same.
        return self._partial(lang, "call.html", view.call, (view.status, view.days_left), view=view)

    def call_head(self, lang: str, view: CallView) -> str:
        """A call page's extra <head>: kept between preview builds like its body."""
        if not self._keep_call_bodies:
            return page_head(self, "call", lang, {"view": view})
        return self._cached(("head", lang), view.call, lambda: page_head(self, "call", lang, {"view": view}))

    def not_found_body(self, lang: str) -> str:
        return self.render(lang, "not-found.html")


def build_pages(site: Site, views: list[CallView], now: dt.datetime,
                languages: tuple[str, ...] = LANGUAGES) -> list[SitePage]:
    """Every page of the given languages (default: both), in a stable order."""
    return list(iter_pages(site, views, now, languages))


def iter_pages(site: Site, views: list[CallView], now: dt.datetime,
               languages: tuple[str, ...] = LANGUAGES) -> Iterator[SitePage]:
    """The pages of :func:`build_pages`, the listings first, each call page rendered only when
    it is asked for: a build that writes pages as they come never holds thousands at once."""
    settings = site.settings
    pages: list[SitePage] = []

    def add(kind: str, paths: dict, titles: dict, template: str, descriptions: dict | None = None,
            search_texts: dict | None = None, **context) -> None:
        translations = {lang: site.url(lang, paths[lang]) for lang in LANGUAGES if lang in paths}
        # The language switch offers every language: a page's translation, or where there is none
        # (a call in one language), that language's home page. Only translations are alternates.
        alternates = {lang: translations.get(lang, site.url(lang)) for lang in LANGUAGES}
        hreflang = site.hreflang_links(translations)
        for lang in languages:
            if lang not in paths:  # a call not published in this language: its page is in the other
                continue
            if kind == "call":
                body = site.render_call(lang, context["view"])
            else:
                body = site.render(lang, template, **context)
            description = descriptions[lang] if descriptions else ""
            search_text = search_texts[lang] if search_texts else ""
            head = hreflang + (site.call_head(lang, context["view"]) if kind == "call"
                               else page_head(site, kind, lang, context))
            pages.append(SitePage(lang, paths[lang], titles[lang], body, kind, alternates, description,
                                  search_text=search_text, head=head))

    def t(message: str, **values) -> dict:
        return {lang: localise.gettext(lang, message, **values) for lang in LANGUAGES}

    both = lambda path: {lang: path for lang in LANGUAGES}  # noqa: E731
    add("home", both(""), t("Funding calls"), "home.html",
        open_views=sort_open(views), upcoming_views=sort_upcoming(views),
        closed_views=recently_closed(views, now, settings.recently_closed, settings.recently_closed_limit))
    add("archive", {lang: site.section_path("archive", lang) for lang in LANGUAGES},
        t("All calls by year"), "archive.html", years=group_by_year(views),
        filter_tags=[tag for tag in site.catalog.vocabulary.tags if any(tag in v.call.tags for v in views)],
        filter_applicants=[key for key in site.catalog.vocabulary.applicant_types
                           if any(key in v.call.eligibility.applicant_types for v in views)])
    topics = group_by_tag(views, site.catalog.vocabulary.tags)
    add("topics", {lang: site.section_path("topics", lang) for lang in LANGUAGES}, t("Topics"),
        "topics.html", topics=list(topics.items()))
    for tag, tag_views in topics.items():
        labels = site.catalog.vocabulary.tags[tag]
        add("topic", {lang: site.tag_path(tag, lang) for lang in LANGUAGES},
            {lang: localise.gettext(lang, "Topic: %(topic)s", topic=getattr(labels, lang)) for lang in LANGUAGES},
            "topic.html", tag=tag, views=tag_views)
    add("newsletter", NEWSLETTER_PATHS, t("Newsletter"), "newsletter.html")
    add("accessibility", {lang: site.section_path("accessibility", lang) for lang in LANGUAGES},
        t("Accessibility statement"), "accessibility.html",
        site_name=settings.site_name, reviewed=settings.accessibility_statement_reviewed,
        feedback_email=settings.accessibility_feedback_email, authority=settings.accessibility_authority,
        authority_url=settings.accessibility_authority_url,
        authority_site={lang: shown_address(settings.accessibility_authority_url[lang]) for lang in LANGUAGES},
        authority_email=settings.accessibility_authority_email, authority_phone=settings.accessibility_authority_phone)
    site.forget_cards()  # the listings have them all now; call pages do not use them
    yield from pages
    for view in views:
        call = view.call
        pages = []
        add("call", {lang: site.call_path(call, lang) for lang in call.languages},
            {lang: call.title[lang] for lang in call.languages}, "call.html",
            descriptions={lang: site.description(call, lang) for lang in languages if lang in call.languages},
            search_texts={lang: search_text_of(site, call, lang) for lang in languages if lang in call.languages},
            view=view)
        yield from pages


def links_shown(view: CallView) -> tuple:
    """A call page's links: the application form's only while it may still be used."""
    call = view.call
    if view.status.form_may_be_used:
        return call.links
    return tuple(link for link in call.links if link.kind != "application")


def page_head(site: Site, kind: str, lang: str, context: dict) -> str:
    """Extra <head> HTML of a page: feed links (every page), structured data (call pages)."""
    from .structured_data import call_head

    head = site.feed_links(lang, context.get("tag") if kind == "topic" else None)
    if kind == "call":
        head += call_head(site, context["view"], lang)
    return head


def shown_address(url: str) -> str:
    """A web address as readers see it in a link: ``https://www.saavutettavuusvaatimukset.fi/`` ->
    ``saavutettavuusvaatimukset.fi``."""
    return url.removeprefix("https://").removeprefix("http://").removeprefix("www.").removesuffix("/")


def search_text_of(site: Site, call: Call, lang: str) -> str:
    """What the site search knows of a call besides its title: period, amount, topics.

    Kept short on purpose: the index is downloaded whole before the first result.
    """
    tags = ", ".join(getattr(site.catalog.vocabulary.tags[tag], lang) for tag in call.tags)
    return f"{site.description(call, lang)} {tags}"


def describe_call(call: Call, lang: str) -> str:
    """Meta description: "Hakuaika: 5.3.2020 – 20.8.2020 klo 16.15 (Suomen aikaa). Noin 1,5 miljoonaa euroa." """
    periods = "; ".join(
        (f"{getattr(r.name, lang)}: " if r.name else "") + localise.format_period(r, lang)
        for r in rounds_shown(call, lang)
    )
    described = f"{localise.gettext(lang, 'Application period')}: {periods}."
    if call.funding.total is None:  # no sum stated: none said
        return described
    amount = localise.format_amount(call.funding.total, lang)
    return f"{described} {amount[:1].upper()}{amount[1:]}."


@dataclass(frozen=True)
class Chrome:
    """What the theme around every page needs in one language."""

    lang: str
    site_name: str
    copyright: str
    nav: tuple
    """(title, path) pairs: the only pages in the site navigation. Calls stay out of it."""
    not_found_body: str
    home_urls: dict
    """Language -> site-absolute URL of its home page: the switcher's target on the 404 page."""
    colours: str
    """The agency's colours as CSS custom properties (our stylesheet's values)."""
    logo: str
    """Where the header's logo (also the tab's icon) is below the language's root."""
    logo_source: str | None
    """The agency's own logo file, relative to the settings file's folder (None: the theme's mark)."""


def build_chrome(site: Site, lang: str, now: dt.datetime) -> Chrome:
    t = localise.translations(lang).gettext
    agency = site.settings.agency[lang]
    return Chrome(
        lang=lang,
        site_name=site.settings.site_name[lang],
        copyright=f"© {agency} {now.astimezone(localise.HELSINKI).year}",
        nav=((t("Funding calls"), ""), (t("All calls by year"), site.section_path("archive", lang)),
             (t("Topics"), site.section_path("topics", lang))),
        not_found_body=site.not_found_body(lang),
        home_urls={other: site.url(other) for other in LANGUAGES},
        colours=site.settings.colours.css_variables(),
        logo=logo_path(site.settings),
        logo_source=site.settings.logo or None,
    )


def render_root_files(site: Site) -> dict[str, str]:
    """The language choice at ``/`` and the bilingual ``/404.html``; useful without JavaScript."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.get_template("root.html")
    context = dict(site_name=site.settings.site_name, base=site.settings.base_path, icon=logo_path(site.settings),
                   fi_not_found=localise.gettext("fi", "Page not found"),
                   sv_not_found=localise.gettext("sv", "Page not found"),
                   csp=ROOT_CSP,
                   statements={lang: (localise.gettext(lang, "Accessibility statement"),
                                      f"{site.settings.base_path}{lang}/{SECTIONS['accessibility'][lang]}/")
                               for lang in LANGUAGES})
    return {
        "index.html": template.render(not_found=False, **context),
        "404.html": template.render(not_found=True, **context),
        "assets/root.css": (TEMPLATE_DIR / "root.css").read_text(encoding="utf-8"),
    }


def change_notes(call: Call, lang: str) -> list[tuple[dt.date, str]]:
    """What changed after publication, newest first: the notes staff wrote and each extended
    deadline that says when it was extended (notes of one day keep the order staff wrote them in)."""
    notes = [(note.date, note.text[lang]) for note in call.changes]
    notes += [(round_.extended.date, localise.format_extension(round_, lang)) for round_ in call.rounds
              if round_.extended is not None and round_.extended.date is not None]
    return sorted(notes, key=lambda note: note[0], reverse=True)


def rounds_shown(call: Call, lang: str) -> list[Round]:
    """The rounds (or groups) a page in ``lang`` covers: a group may be on one language's page only."""
    return [round_ for round_ in call.rounds if round_.languages is None or lang in round_.languages]


_AID_SHARE = {
    "total": ("The state grant may cover all of the project's total costs.",
              "The state grant covers at most %(aid)s of the project's total costs, so the project's own share "
              "is at least %(own)s."),
    "eligible": ("The state grant may cover all of the project's eligible costs.",
                 "The state grant covers at most %(aid)s of the project's eligible costs, so the project's own "
                 "share is at least %(own)s."),
    "calculated": ("The state grant may cover all of the project's calculated costs.",
                   "The state grant covers at most %(aid)s of the project's calculated costs."),
}
"""Of calculated costs no own share follows: they are a formula, not the project's real costs."""


def aid_share_sentence(funding, lang: str) -> str:
    whole, part = _AID_SHARE[funding.aid_share_of]
    if funding.max_aid_share == 100:
        return localise.gettext(lang, whole)
    return localise.gettext(lang, part, aid=localise.format_share(funding.max_aid_share, lang),
                            own=localise.format_share(100 - funding.max_aid_share, lang))


def first_deadline(call: Call) -> dt.datetime | None:
    return min((r.closes for r in call.rounds if r.closes is not None), default=None)


@functools.lru_cache(maxsize=4096)  # a deadline recurs on the call's page and its card, and across calls
def days_left_markup(lang: str, deadline: dt.datetime | None, is_open: bool, days: int | None) -> Markup:
    """Days left to the next deadline, in words: ``<span class="mdx-left" ...>10 päivää jäljellä</span>``.
    assets/javascripts/callsite.js says it again on load from the visitor's clock, with the same
    words (data attributes: the plural forms with {n}, the last day's text) and the deadline of
    the status badge beside it; nothing when no deadline is ahead. Made here, not in a template:
    it is on every call page and card (a template render each cost a tenth of the pages' time)."""
    if deadline is None:
        return Markup("")
    forms = localise.days_left_forms(lang, deadline)
    text = localise.format_days_left(days, deadline, lang) if is_open and days is not None else ""
    return Markup('<span class="mdx-left" data-callsite-left data-callsite-left-one="{}" '
                  'data-callsite-left-other="{}" data-callsite-left-today="{}">{}</span>').format(
        forms["one"], forms["other"], forms["today"], text)


def summary_deadline(view: CallView, lang: str) -> dt.datetime | None:
    """The deadline a reader looks for first: the next one ahead; before the call opens, its
    first; once all have passed, the last."""
    closes = [r.closes for r in rounds_shown(view.call, lang) if r.closes is not None]
    if not closes:
        return None
    if view.next_deadline is not None and view.next_deadline in closes:
        return view.next_deadline
    if view.status is Status.UPCOMING:
        return min(closes)
    return max(closes)


def application_link(call: Call, lang: str):
    """The call's application form (its first application link, the call's own or a group's), or None."""
    for link in (*call.links, *(link for r in rounds_shown(call, lang) for link in r.links)):
        if link.kind == "application":
            return link
    return None
