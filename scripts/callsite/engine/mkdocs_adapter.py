"""The adapter of the MkDocs family (MkDocs 1.6, or its maintained fork ProperDocs, chosen
in :mod:`.selected`): wrap our rendered page bodies in Material's chrome.

Each language is one engine build (``/fi/`` and ``/sv/``), so Material's own interface
strings, ``<html lang>`` and its search index are in that language. Pages are generated in
memory (``File.generated``) by a plugin, the engine's public way in; only the listings are in
the navigation. The engine renders the listings and one template and one probe page for the
call pages and the topic pages (:mod:`.template_pages` fills in the rest); this package then
adds the filled pages to Material's search index and writes the sitemap (:mod:`.page_lists`).
What the engine must receive and give back is in the package's docstring and
``docs/engine.md``; the engine's internals we patch for speed are in :mod:`.patches`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from markupsafe import escape

from ..messages import _, cache_folder
from ..outputs.write import NewFiles
from ..problems import InputError, Problem
from ..render.localise import HREFLANG, LANGUAGE_NAMES
from ..render.pages import Chrome, SitePage
from ..source.callfiles import display_path
from . import selected
from .page_lists import add_search_entries, status_badge, write_sitemap
from .theme_assets import THEMED_STYLESHEET, copy_logo, is_unused
from .patches import faster_theme_env, read_settings_once
from .preview_sync import fill_changed, sync
from .template_pages import Filler, call_shape, check_probe, shared_topic_template, template_page

BODY_TOKEN = "<p>CALLSITE-TOKEN-BODY</p>"
BODY_TOKEN_WITH_H1 = "<h1>CALLSITE-TOKEN-BODY</h1>"
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # material/plugins/search/plugin.py
# Listings repeat the calls' own text: searching them would only return duplicates.
NOT_SEARCHED = {"home", "archive", "topic", "call"}


def _src_uri(path: str) -> str:
    return path.rstrip("/") + ".md" if path else "index.md"


class _GeneratedPages(selected.BasePlugin):
    """Feeds our pages to the engine and points the language switcher at each page's counterpart."""

    def __init__(self, pages: list[SitePage], template_srcs: Iterable[str]):
        super().__init__()
        self.by_src = {_src_uri(page.path): page for page in pages}
        self.held: dict[str, str] = {}
        self.template_srcs = set(template_srcs)
        self.template_html: dict[str, str] = {}
        """Source URI of each template page -> its finished HTML."""

    def on_files(self, files, config):
        # The theme's assets that no page loads are not copied (theme_assets.is_unused).
        for file in [file for file in files if not file.is_documentation_page() and is_unused(file.src_uri)]:
            files.remove(file)
        for src_uri in self.by_src:
            files.append(selected.File.generated(config, src_uri, content=""))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        ours = self.by_src.get(page.file.src_uri)
        if ours is not None:
            # Material prints meta values unescaped: escape YAML-sourced text here.
            page.meta["title"] = str(escape(ours.title))
            if ours.description:
                page.meta["description"] = str(escape(ours.description))
            page.meta["callsite_head"] = ours.head
            if ours.kind == "call":
                page.meta["hide"] = ["toc"]
            if ours.kind in NOT_SEARCHED:
                page.meta["search"] = {"exclude": True}
        return markdown

    def on_page_content(self, html, page, config, files):
        ours = self.by_src.get(page.file.src_uri)
        if ours is None:
            return html
        if ours.kind in NOT_SEARCHED:
            # Material's search plugin scans every page's HTML for data-search-* attributes,
            # even pages it does not index: 0.1 s a language on the long listings. It sees a
            # placeholder instead; the body goes back in on_post_page, changed as it would be.
            # (Material adds the title as <h1> to content without one: the placeholder tells alike.)
            self.held[page.file.src_uri] = ours.body
            return BODY_TOKEN_WITH_H1 if "<h1" in ours.body else BODY_TOKEN
        return ours.body

    def on_page_context(self, context, page, config, nav):
        # Pages render one at a time, so per-page alternates can live in config.extra.
        ours = self.by_src.get(page.file.src_uri)
        if ours is not None:
            config.extra["alternate"] = [
                {"name": LANGUAGE_NAMES[lang], "link": url, "lang": HREFLANG[lang]}
                for lang, url in ours.alternates.items()
            ]
        return context

    def on_post_page(self, output, page, config):
        body = self.held.pop(page.file.src_uri, None)
        if body is not None:
            token = BODY_TOKEN_WITH_H1 if "<h1" in body else BODY_TOKEN
            if output.count(token) != 1:
                raise RuntimeError(f"{page.file.src_uri}: the theme no longer prints the page content once")
            if "data-search-" in body:
                body = SEARCH_ATTRIBUTES.sub("", body)  # what Material's search plugin does to content
            output = output.replace(token, body)
        if page.file.src_uri in self.template_srcs:
            self.template_html[page.file.src_uri] = output
        return output


def warm_up(config_file: Path) -> None:
    """Read the engine's configuration once: that imports the theme, its plugins and the
    Markdown extensions, which each language build then has from the start. A setting the engine
    cannot use (a theme folder that is not there, an unknown plugin) is raised as
    :class:`InputError`, before any language build starts."""
    _quiet_engine()
    read_settings_once()
    said = _EngineMessages()
    loggers = [logging.getLogger(name) for name in selected.LOGGERS]
    propagated = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(said)
        logger.propagate = False
    try:
        with tempfile.TemporaryDirectory(prefix="callsite-docs-") as docs_dir:
            selected.load_config(str(config_file), docs_dir=docs_dir, site_dir=os.path.join(docs_dir, "..", "site"))
    except (selected.exceptions.ConfigurationError, selected.exceptions.Abort) as error:
        messages = said.errors or [str(error)]
        file = display_path(Path(config_file))
        raise InputError([Problem(file, 0, 0, "", _("the site engine ({engine}) cannot use this setting: {message}")
                                  .format(engine=selected.TITLE, message=message)) for message in messages]) from None
    finally:
        for logger, propagate in zip(loggers, propagated):
            logger.removeHandler(said)
            logger.propagate = propagate
        for record in said.warnings:  # said as the engine would have said them
            logging.getLogger(record.name).handle(record)


class _EngineMessages(logging.Handler):
    """Keeps what the engine logs while it reads its configuration: its errors become our problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        else:
            self.warnings.append(record)


def _quiet_engine() -> None:
    """The engine's and Material's notes (INFO) unsaid; their warnings go to stderr as usual."""
    for name in selected.LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


@contextlib.contextmanager
def source_date(epoch: int) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` while the engine builds (MkDocs and ProperDocs
    read the date they print, e.g. ``build_date_utc``, from it), as it was again after."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_language(config_file: Path, site_url: str, chrome: Chrome, pages: Iterable[SitePage],
                   out_dir: Path, epoch: int, written: dict | None = None, reuse: dict | None = None) -> None:
    """Build one language's site into ``out_dir`` with the engine (MkDocs or ProperDocs) and Material.

    ``pages`` may be a generator (listings first, then the call pages): call pages are
    filled and written one at a time, so the build never holds all of them.
    With ``written`` (the live preview's memory of what it wrote last time, path ->
    digest) the engine builds into a scratch folder and only files whose bytes changed
    are written to ``out_dir``; files no longer produced are removed. ``reuse`` (kept
    by the preview too) lets unchanged call pages skip filling: see :func:`.preview_sync.fill_changed`.
    """
    _quiet_engine()
    read_settings_once()
    pages = iter(pages)
    others: list[SitePage] = []
    probe = template = None
    for page in pages:
        if page.kind == "call":
            probe = page
            break
        others.append(page)
    if probe is not None:
        if probe.path.count("/") != 2:
            raise ValueError("call pages must all be at <section>/<slug>/ to share one template")
        template = template_page(chrome.lang, probe.path.split("/")[0])
    calls = (call_shape(page, template.path.split("/")[0]) for page in pages) if template else iter(())
    search_entries = [(probe.path, probe.title, probe.search_text, status_badge(probe.body))] if probe else []
    paths = [page.path for page in others] + ([probe.path] if probe else [])
    # Topic pages share one chrome too: the engine renders their template and the first of them
    # (the probe), and the others are filled in, as call pages are.
    topics = [page for page in others if page.kind == "topic"]
    topic_template = shared_topic_template(chrome, topics)
    filled_topics: list[SitePage] = []
    if topic_template is not None:
        topic_probe, filled_topics = topics[0], topics[1:]
        skipped = {id(page) for page in filled_topics}
        others = [page for page in others if id(page) not in skipped]

    def rest_of_calls():
        for page in calls:
            search_entries.append((page.path, page.title, page.search_text, status_badge(page.body)))
            paths.append(page.path)
            yield page

    mkdocs_pages = others + ([topic_template] if topic_template else []) + ([template, probe] if probe else [])
    plugin = _GeneratedPages(mkdocs_pages, [_src_uri(page.path) for page in (template, topic_template) if page])
    base_url = f"{site_url}{chrome.lang}/"
    with tempfile.TemporaryDirectory(prefix="callsite-docs-") as docs_dir, \
            tempfile.TemporaryDirectory(prefix="callsite-scratch-") as scratch:
        engine_out = Path(scratch) if written is not None else out_dir
        config = selected.load_config(
            str(config_file),
            docs_dir=docs_dir,
            site_dir=str(engine_out),
            site_url=base_url,
            # The theme prints site_name unescaped in most places (and with |e in a few, which
            # leaves Markup as it is): escaped once here, the name is text everywhere.
            site_name=escape(chrome.site_name),
            copyright=chrome.copyright,
            nav=[{title: _src_uri(path)} for title, path in chrome.nav],
        )
        config.theme["language"] = chrome.lang
        # The agency's look (from the settings, in the chrome): the colours go into our
        # stylesheet, which the engine renders as a template; the logo is the theme's or theirs.
        config.extra["callsite_colours"] = chrome.colours
        config.theme.static_templates.add(THEMED_STYLESHEET)
        config.theme["logo"] = chrome.logo
        config.theme["favicon"] = config.theme["logo"]  # the agency's mark in the tab too, not Material's
        # The engine's sitemap only knows the pages it renders: ours (page_lists.write_sitemap)
        # replaces it and its .gz, so rendering and compressing it would be wasted.
        config.theme.static_templates.discard("sitemap.xml")
        faster_theme_env(config.theme, cache_folder())
        for name, plugin_ in config.plugins.items():
            if name.endswith("search"):
                plugin_.config.lang = [chrome.lang]
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES[lang], "link": url, "lang": HREFLANG[lang]} for lang, url in chrome.home_urls.items()
        ]
        config.extra["callsite_not_found"] = chrome.not_found_body
        config.plugins["callsite"] = plugin
        with source_date(epoch):  # any date the engine prints follows "now", not the clock
            selected.build(config)
        # The listings are written: free them (megabytes at 5,000 calls) before the call pages stream.
        del others, mkdocs_pages, topics
        plugin.by_src.clear()
        if topic_template is not None:
            shutil.rmtree(engine_out / topic_template.path)
            topic_filler = Filler(plugin.template_html[_src_uri(topic_template.path)], topic_template)
            check_probe(topic_filler, topic_probe, engine_out, "topic")
            topic_writer = NewFiles(engine_out)
            for page in filled_topics:
                topic_writer.write(f"{page.path}index.html", topic_filler.fill(page))
            del filled_topics, topic_probe
        filler = call_template_html = None
        if probe is not None:
            assert template is not None
            call_template_html = plugin.template_html[_src_uri(template.path)]
            shutil.rmtree(engine_out / template.path)
            filler = Filler(call_template_html, template)
            check_probe(filler, probe, engine_out, "call")
        filled = ((f"{page.path}index.html", filler.fill(page)) for page in rest_of_calls()) \
            if filler else iter(())
        kept: set[str] = set()
        if written is None:
            writer = NewFiles(out_dir)
            for path, data in filled:
                writer.write(path, data)
            produced = None
        elif reuse is None or filler is None:
            produced = dict(filled)
        else:
            produced = fill_changed(filler, rest_of_calls(), call_template_html, written, reuse, kept)
        add_search_entries(engine_out, search_entries)
        if chrome.logo_source:  # after the engine's build, which empties its folder first
            copy_logo(Path(config_file).parent / chrome.logo_source, engine_out / chrome.logo)
        write_sitemap(engine_out, base_url, paths)
        if produced is not None:
            produced.update({f.relative_to(engine_out).as_posix(): f.read_bytes()
                             for f in engine_out.rglob("*") if f.is_file()})
            sync(out_dir, produced, written, kept)
