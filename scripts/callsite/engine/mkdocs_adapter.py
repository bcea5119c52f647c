"""The one module that knows MkDocs: wrap rendered page bodies in Material's chrome.

Each language is one MkDocs build (``/fi/`` and ``/sv/``), so Material's own
interface strings, ``<html lang>`` and its search index are in that language.
Pages are generated in memory (``File.generated``); only the listings are in
the navigation. Swapping the engine means rewriting this module only.

Speed: every call page shares the same chrome (same depth, not in the nav, no
table of contents), so MkDocs renders the listings, one *template* call page
whose per-page values are placeholders, and one real call page (the *probe*).
All other call pages are the template with the placeholders filled in. The
probe must come out byte-identical to the filled template, or the build fails:
the fast path can never silently drift from what Material would render.
Topic pages (one per tag, the same depth in one section, also out of the navigation)
go the same way, with a template and a probe of their own.
"""

from __future__ import annotations

import copy
import functools
import gzip
import hashlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import jinja2
import mkdocs.config.defaults
import mkdocs.exceptions
import mkdocs.utils
import orjson
from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from ..outputs.write import NewFiles
from ..problems import InputError, Problem
from ..render.jsontext import dumps_compact
from ..render.localise import HREFLANG, LANGUAGE_NAMES
from ..render.pages import Chrome, SitePage, template_cache_dir
from ..render.xmltext import escape as xml_escape
from ..source.callfiles import display_path

TEMPLATE_SLUG = "callsite-template-page"
TOKENS = {
    "title": "CALLSITE-TOKEN-TITLE",
    "description": "CALLSITE-TOKEN-DESCRIPTION",
    "head": "CALLSITE-TOKEN-HEAD",
    # Our bodies start with their own <h1>; without one, Material would add the title as <h1>.
    "content": "<h1>CALLSITE-TOKEN-CONTENT</h1>",
    # Site-absolute like real alternates, so MkDocs' url filter leaves them alone.
    **{f"alt-{lang}": f"/CALLSITE-TOKEN-ALT-{lang}" for lang in LANGUAGE_NAMES},
}
BODY_TOKEN = "<p>CALLSITE-TOKEN-BODY</p>"
BODY_TOKEN_WITH_H1 = "<h1>CALLSITE-TOKEN-BODY</h1>"
SEARCH_ATTRIBUTES = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # material/plugins/search/plugin.py
# Listings repeat the calls' own text: searching them would only return duplicates.
NOT_SEARCHED = {"home", "archive", "topic", "call"}


def _src_uri(path: str) -> str:
    return path.rstrip("/") + ".md" if path else "index.md"


class _GeneratedPages(BasePlugin):
    """Feeds our pages to MkDocs and points the language switcher at each page's counterpart."""

    def __init__(self, pages: list[SitePage], template_srcs: Iterable[str]):
        super().__init__()
        self.by_src = {_src_uri(page.path): page for page in pages}
        self.held: dict[str, str] = {}
        self.template_srcs = set(template_srcs)
        self.template_html: dict[str, str] = {}
        """Source URI of each template page -> its finished HTML."""

    def on_files(self, files, config):
        for src_uri in self.by_src:
            files.append(File.generated(config, src_uri, content=""))
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


class _ThemeLoader(jinja2.FileSystemLoader):
    """Material's template loader, listing its files without walking into hidden folders.

    MkDocs lists every theme file to find the static ones, then drops each path with a part
    starting with a dot (its patterns ``.*`` and ``*/.*``). Material keeps 14,000 icons in
    ``.icons``: skipping such folders up front gives MkDocs the same list, 0.4 s sooner.
    """

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath).replace(os.path.sep, "/")
                prefix = "" if folder == "." else folder + "/"
                found.update(prefix + name for name in filenames)
        return sorted(found)


def _faster_theme_env(theme, cache_dir: Path | None) -> None:
    """Wrap ``theme.get_env``: its environments list files through :class:`_ThemeLoader` and
    keep compiled templates in ``cache_dir``. MkDocs makes one environment per build and
    Material's search plugin two more; compiling Material's templates in each was a third of
    MkDocs' time here. Jinja keys the cache by each template's source checksum, so the
    output cannot change."""
    get_env = theme.get_env

    def patched():
        env = get_env()
        env.loader = _ThemeLoader(env.loader.searchpath, followlinks=env.loader.followlinks)
        if cache_dir is not None:
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))
        return env

    theme.get_env = patched


def _template_page(lang: str, section: str, kind: str = "call") -> SitePage:
    """A page of ``kind`` at ``section/<template slug>/`` whose per-page values are placeholders
    (topic pages have no description of their own: theirs is left empty, as on them)."""
    return SitePage(
        lang=lang, path=f"{section}/{TEMPLATE_SLUG}/", title=TOKENS["title"], body=TOKENS["content"],
        kind=kind, alternates={other: TOKENS[f"alt-{other}"] for other in LANGUAGE_NAMES},
        description=TOKENS["description"] if kind == "call" else "", head=TOKENS["head"],
    )


def _shared_topic_template(chrome: Chrome, topics: list[SitePage]) -> SitePage | None:
    """The template for the topic pages when they can share one (like call pages: the same
    depth in one section, out of the navigation, no description, a body with its own
    heading and nothing Material's search plugin would strip); None to render each."""
    if len(topics) < 3:
        return None
    section = topics[0].path.split("/")[0]
    in_nav = {path for _, path in chrome.nav}
    if not all(page.path.count("/") == 2 and page.path.split("/")[0] == section and page.path not in in_nav
               and not page.description and "<h1" in page.body and "data-search-" not in page.body
               for page in topics):
        return None
    return _template_page(chrome.lang, section, kind="topic")


def _check_probe(filler: _Filler, probe: SitePage, engine_out: Path, what: str) -> None:
    if filler.fill(probe) != (engine_out / probe.path / "index.html").read_bytes():
        raise RuntimeError(f"the fast {what}-page path no longer matches Material's output for {probe.path}; "
                           "a theme override probably prints a per-page value the template does not mark")


class _Filler:
    """Splits the rendered template at its placeholders once; fills it per page with one join.

    The parts are kept as UTF-8: a page in UTF-8 is its parts and values in UTF-8 joined, and
    encoding the parts once saves encoding them (and, since a page holds characters beyond
    Latin-1, joining them as wide text) on every page."""

    def __init__(self, html: str, template: SitePage):
        self.template_path = template.path
        names = {re.escape(token): name for name, token in TOKENS.items()}
        names[re.escape(template.path)] = "path"
        pattern = re.compile("|".join(sorted(names, key=len, reverse=True)))
        self.parts: list[bytes] = []
        self.slots: list[str] = []
        position = 0
        for match in pattern.finditer(html):
            self.parts.append(html[position:match.start()].encode("utf-8"))
            self.slots.append(names[re.escape(match.group())])
            position = match.end()
        self.parts.append(html[position:].encode("utf-8"))

    def fill(self, page: SitePage) -> bytes:
        """The page's HTML in UTF-8."""
        values = {
            "title": str(escape(page.title)),
            "description": str(escape(page.description)),
            "head": page.head,
            "content": page.body,
            "path": page.path,
            **{f"alt-{lang}": url for lang, url in page.alternates.items()},
        }
        encoded = {name: value.encode("utf-8") for name, value in values.items()}
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:]):
            out.append(encoded[slot])
            out.append(part)
        return b"".join(out)


def _write_search_index(out_dir: Path, entries: list[tuple[str, str, str]]) -> None:
    """Add one short entry (path, title, text) per call to Material's index (titles and text are HTML there)."""
    path = out_dir / "search" / "search_index.json"
    index = orjson.loads(path.read_bytes())
    index["docs"].extend(
        {"location": location, "title": str(escape(title)), "text": str(escape(text))}
        for location, title, text in entries
    )
    path.write_bytes(dumps_compact(index))


def _write_sitemap(out_dir: Path, base_url: str, paths: list[str]) -> None:
    """Every page of this language (MkDocs' own sitemap only knows the pages it rendered)."""
    urls = "".join(f"<url><loc>{xml_escape(base_url + path)}</loc></url>\n" for path in sorted(paths))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n').encode("utf-8")
    (out_dir / "sitemap.xml").write_bytes(xml)
    with open(out_dir / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                                       filename="") as packed:
        packed.write(xml)


def _read_settings_once() -> None:
    """MkDocs reads ``mkdocs.yml`` (with PyYAML's pure-Python parser) and lists the installed
    themes (reading every package's entry points) in each ``load_config``: in the warm-up and
    again in each language's build, 20 ms each time here. Within one run both answers are the
    same every time, so the first ones are kept (a copy of the settings for each build; a file
    with tags or ``INHERIT``, whose values depend on more than its text, is read each time)."""
    read_yaml = mkdocs.config.defaults.yaml_load
    if getattr(read_yaml, "callsite_once", False):
        return
    known: dict[tuple, dict] = {}

    def yaml_load(source, loader=None):
        text = source.read() if hasattr(source, "read") else source
        tag, inherit = (b"!", b"INHERIT") if isinstance(text, bytes) else ("!", "INHERIT")
        if tag in text or inherit in text:
            if hasattr(source, "seek"):
                source.seek(0)
            return read_yaml(source, loader)
        key = (getattr(source, "name", ""), text)
        if key not in known:
            known[key] = read_yaml(text, loader)
        return copy.deepcopy(known[key])

    yaml_load.callsite_once = True
    mkdocs.config.defaults.yaml_load = yaml_load
    themes = functools.cache(mkdocs.utils.get_themes.__wrapped__)
    themes.cache_clear = lambda: None  # MkDocs clears it for each theme it loads
    mkdocs.utils.get_themes = themes


def warm_up(config_file: Path) -> None:
    """Read the MkDocs configuration once: that imports the theme, its plugins and the
    Markdown extensions, which each language build then has from the start. A setting MkDocs
    cannot use (a theme folder that is not there, an unknown plugin) is raised as
    :class:`InputError`, before any language build starts."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    _read_settings_once()
    said = _EngineMessages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(said)
    logger.propagate, propagated = False, logger.propagate
    try:
        with tempfile.TemporaryDirectory(prefix="callsite-docs-") as docs_dir:
            load_config(str(config_file), docs_dir=docs_dir, site_dir=os.path.join(docs_dir, "..", "site"))
    except (mkdocs.exceptions.ConfigurationError, mkdocs.exceptions.Abort) as error:
        messages = said.errors or [str(error)]
        file = display_path(Path(config_file))
        raise InputError([Problem(file, 0, 0, "", f"the site engine (MkDocs) cannot use this setting: {message}")
                          for message in messages]) from None
    finally:
        logger.removeHandler(said)
        logger.propagate = propagated
        for record in said.warnings:  # said as MkDocs would have said them
            logger.handle(record)


class _EngineMessages(logging.Handler):
    """Keeps what MkDocs logs while it reads its configuration: its errors become our problems."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        else:
            self.warnings.append(record)


def _call_shape(page: SitePage, section: str) -> SitePage:
    if page.kind != "call" or page.path.count("/") != 2 or page.path.split("/")[0] != section:
        raise ValueError(f"{page.path}: after the first call page every page must be a call page "
                         f"at {section}/<slug>/, to share one template")
    return page


def build_language(config_file: Path, site_url: str, chrome: Chrome, pages: Iterable[SitePage],
                   out_dir: Path, epoch: int, written: dict | None = None, reuse: dict | None = None) -> None:
    """Build one language's site into ``out_dir`` with MkDocs and Material.

    ``pages`` may be a generator (listings first, then the call pages): call pages are
    filled and written one at a time, so the build never holds all of them.
    With ``written`` (the live preview's memory of what it wrote last time, path ->
    digest) MkDocs builds into a scratch folder and only files whose bytes changed
    are written to ``out_dir``; files no longer produced are removed. ``reuse`` (kept
    by the preview too) lets unchanged call pages skip filling: see :func:`_fill_changed`.
    """
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    _read_settings_once()
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # any date MkDocs prints follows "now", not the clock
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
        template = _template_page(chrome.lang, probe.path.split("/")[0])
    calls = (_call_shape(page, template.path.split("/")[0]) for page in pages) if template else iter(())
    search_entries = [(probe.path, probe.title, probe.search_text)] if probe else []
    paths = [page.path for page in others] + ([probe.path] if probe else [])
    # Topic pages share one chrome too: MkDocs renders their template and the first of them
    # (the probe), and the others are filled in, as call pages are.
    topics = [page for page in others if page.kind == "topic"]
    topic_template = _shared_topic_template(chrome, topics)
    filled_topics: list[SitePage] = []
    if topic_template is not None:
        topic_probe, filled_topics = topics[0], topics[1:]
        skipped = {id(page) for page in filled_topics}
        others = [page for page in others if id(page) not in skipped]

    def rest_of_calls():
        for page in calls:
            search_entries.append((page.path, page.title, page.search_text))
            paths.append(page.path)
            yield page

    mkdocs_pages = others + ([topic_template] if topic_template else []) + ([template, probe] if probe else [])
    plugin = _GeneratedPages(mkdocs_pages, [_src_uri(page.path) for page in (template, topic_template) if page])
    base_url = f"{site_url}{chrome.lang}/"
    with tempfile.TemporaryDirectory(prefix="callsite-docs-") as docs_dir, \
            tempfile.TemporaryDirectory(prefix="callsite-scratch-") as scratch:
        engine_out = Path(scratch) if written is not None else out_dir
        config = load_config(
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
        # MkDocs' sitemap only knows the pages it renders: ours (_write_sitemap) replaces it and
        # its .gz, so rendering and compressing it would be wasted.
        config.theme.static_templates.discard("sitemap.xml")
        _faster_theme_env(config.theme, template_cache_dir())
        for name, plugin_ in config.plugins.items():
            if name.endswith("search"):
                plugin_.config.lang = [chrome.lang]
        config.extra["alternate"] = [
            {"name": LANGUAGE_NAMES[lang], "link": url, "lang": HREFLANG[lang]} for lang, url in chrome.home_urls.items()
        ]
        config.extra["callsite_not_found"] = chrome.not_found_body
        config.plugins["callsite"] = plugin
        mkdocs_build(config)
        # The listings are written: free them (megabytes at 5,000 calls) before the call pages stream.
        del others, mkdocs_pages, topics
        plugin.by_src.clear()
        if topic_template is not None:
            shutil.rmtree(engine_out / topic_template.path)
            topic_filler = _Filler(plugin.template_html[_src_uri(topic_template.path)], topic_template)
            _check_probe(topic_filler, topic_probe, engine_out, "topic")
            topic_writer = NewFiles(engine_out)
            for page in filled_topics:
                topic_writer.write(f"{page.path}index.html", topic_filler.fill(page))
            del filled_topics, topic_probe
        filler = call_template_html = None
        if probe is not None:
            assert template is not None
            call_template_html = plugin.template_html[_src_uri(template.path)]
            shutil.rmtree(engine_out / template.path)
            filler = _Filler(call_template_html, template)
            _check_probe(filler, probe, engine_out, "call")
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
            produced = _fill_changed(filler, rest_of_calls(), call_template_html, written, reuse, kept)
        _write_search_index(engine_out, search_entries)
        _write_sitemap(engine_out, base_url, paths)
        if produced is not None:
            produced.update({f.relative_to(engine_out).as_posix(): f.read_bytes()
                             for f in engine_out.rglob("*") if f.is_file()})
            _sync(out_dir, produced, written, kept)


def _fill_changed(filler: _Filler, pages: Iterable[SitePage], template_html: str, written: dict, reuse: dict,
                  kept: set[str]) -> dict[str, bytes]:
    """The live preview's call pages: filled only where something that goes into them changed.

    A call page is the template filled with its body, head, title, description and
    alternates. The bodies and heads come from the preview's cache, the same objects while
    a call is unchanged; so when the template and all of these are as last time, so are
    the page's bytes, already on disk (its path goes to ``kept``).
    """
    same_template = reuse.get("") == template_html
    produced: dict[str, bytes] = {}
    previous = {path: key for path, key in reuse.items() if path}
    reuse.clear()
    reuse[""] = template_html
    for page in pages:
        path = f"{page.path}index.html"
        key = (page.body, page.head, page.title, page.description, tuple(page.alternates.items()))
        old = previous.get(path)
        if (same_template and old is not None and old[0] is key[0] and old[1] is key[1] and old[2:] == key[2:]
                and path in written):
            kept.add(path)
        else:
            produced[path] = filler.fill(page)
        reuse[path] = key
    return produced


def _sync(out_dir: Path, produced: dict[str, bytes], written: dict, kept: set[str] = frozenset()) -> None:
    """Write what changed since the last preview build; remove what is gone (not ``kept``)."""
    for path, data in produced.items():
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if written.get(path) != digest:
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written[path] = digest
    for path in sorted(set(written) - set(produced) - kept):
        target = out_dir / path
        target.unlink(missing_ok=True)
        del written[path]
        for folder in target.parents:  # a removed call leaves no empty folder behind
            if folder == out_dir or any(folder.iterdir()):
                break
            folder.rmdir()
