"""``callsite serve``: a live preview on 127.0.0.1 that rebuilds when a call file changes.

* A watcher thread polls the modification times of ``calls/`` and the settings
  file (no extra dependencies, works on every file system) and rebuilds
  incrementally with :class:`callsite.incremental.PreviewBuilder` (the same bytes
  as a full preview build, in well under a second at 1,000 calls): drafts are
  shown, with their banner.
* Every HTML page the server sends gets a small script that polls
  ``/__callsite/version`` and reloads the page when the version changes. The
  script is added while serving: the built files never contain it.
* When a call file has errors, the terminal shows the messages and every page
  is an error page listing them (HTTP 500), which reloads by itself once the
  file is fixed. The server keeps running. A draft whose ``TÄYTÄ`` markers are
  not all filled in is shown as ``check`` shows it: one checklist per draft,
  grouped by section, with the real errors listed and counted apart
  (:mod:`.checklist`), in the terminal and on the page alike.
"""

from __future__ import annotations

import datetime as dt
import html
import http.server
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..messages import _, language, ngettext
from ..model.dates import HELSINKI
from ..outputs.write import check_output_folder, mark_output_folder, source_folders
from ..problems import InputError, Problem
from .checklist import Item, checklist_lines, counts, format_heading, sections, split
from .incremental import PreviewBuilder

VERSION_PATH = "/__callsite/version"
# A script file, not an inline script: the pages' Content-Security-Policy allows scripts from
# their own origin only (theme/main.html). The page's version travels in a data attribute.
RELOAD_SCRIPT = """<script src="%s.js" data-callsite-version="%d"></script>"""
RELOAD_JS = """/* callsite preview: reload when the site is rebuilt */
(function (seen) {
  setInterval(function () {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (state) { if (state.version !== seen) location.reload(); })
      .catch(function () {});
  }, 700);
})(Number(document.currentScript.dataset.callsiteVersion));
""" % VERSION_PATH


SETTLE_SECONDS = 0.05
"""How long the watched files must stay the same before a rebuild starts."""


class Preview:
    """The state of one preview: the latest build's version and, if it failed, its problems."""

    def __init__(self, calls_dir: Path, config_file: Path, site_dir: Path, now: dt.datetime | None = None,
                 log=print):
        self.calls_dir = calls_dir
        self.config_file = config_file
        self.site_dir = site_dir
        self.fixed_now = now
        self.log = log
        self.version = 0
        self.problems: list[Problem] = []
        """The latest build's real errors (a draft's markers are in :attr:`todo` instead)."""
        self.todo: dict[str, list[Item]] = {}
        """Per draft with markers left, what is still to fill in (:func:`.checklist.split`)."""
        self.builder = PreviewBuilder(calls_dir, config_file, site_dir)
        self.lock = threading.Lock()

    def snapshot(self) -> tuple:
        """What the watcher compares: name, size and modification time of every watched file."""
        entries = []
        for folder in (self.calls_dir,):
            try:
                with os.scandir(folder) as it:
                    for entry in it:
                        if entry.is_file():
                            stat = entry.stat()
                            entries.append((entry.name, stat.st_size, stat.st_mtime_ns))
            except FileNotFoundError:
                entries.append(("<no calls folder>", 0, 0))
        try:
            stat = self.config_file.stat()
            entries.append((str(self.config_file), stat.st_size, stat.st_mtime_ns))
        except FileNotFoundError:
            pass
        return tuple(sorted(entries))

    def rebuild(self) -> None:
        from ..model.lint import report_warnings
        from ..model.settings import settings_for

        started = time.monotonic()
        now = self.fixed_now or dt.datetime.now(HELSINKI).replace(microsecond=0)
        catalog = None
        todo: dict[str, list[Item]] = {}
        try:
            # Incremental: only changed files are re-read, re-rendered and rewritten.
            catalog = self.builder.build(now)
        except InputError as error:
            todo, problems = split(error.problems)  # a draft's markers: one checklist, as check says it
            if todo:
                print("\n".join(checklist_lines(todo, problems)), file=sys.stderr, flush=True)
                self.log(_("{todo}, {errors}: the browser shows this list until the file is fixed.").format(
                    **counts(todo, problems)))
            else:
                print(error.report().rsplit("\n", 1)[0], file=sys.stderr, flush=True)
                self.log(ngettext("{n} error: the browser shows it until the file is fixed.",
                                  "{n} errors: the browser shows them until the file is fixed.",
                                  len(problems)).format(n=len(problems)))
        except Exception as error:  # a broken build must not stop the preview; show it instead
            problems = [Problem(str(self.config_file), 0, 0, "", _("the build failed: {error}").format(error=repr(error)))]
            print(problems[0].format(), file=sys.stderr, flush=True)
        else:
            problems = []
        with self.lock:  # the pages are written: open browsers reload now
            self.problems, self.todo = problems, todo
            self.version += 1
        if catalog is not None:
            try:
                self.builder.write_extras()  # feeds, calendars, open data: after the pages
                report_warnings(catalog, settings_for(self.config_file), now)
            except Exception as error:
                print(Problem(str(self.config_file), 0, 0, "", _("the build failed: {error}").format(
                    error=repr(error))).format(), file=sys.stderr, flush=True)
            self.log(ngettext("Rebuilt {n} call in {seconds} s.", "Rebuilt {n} calls in {seconds} s.",
                              len(catalog.calls)).format(n=len(catalog.calls),
                                                         seconds=f"{time.monotonic() - started:.1f}"))

    def state(self) -> tuple[int, list[Problem]]:
        """The version and the real errors (a draft's markers: :meth:`page_state`)."""
        return self.page_state()[:2]

    def page_state(self) -> tuple[int, list[Problem], dict[str, list[Item]]]:
        """The version, the real errors and the drafts' checklists, read together (the site is
        fine when both are empty)."""
        with self.lock:
            return self.version, list(self.problems), dict(self.todo)

    def watch(self, interval: float, stop: threading.Event, seen: tuple) -> None:
        """Rebuild whenever the files differ from ``seen`` (taken before the last build began),
        once they have stopped changing: an editor that saves by emptying the file and then
        writing it must not show staff "the file is empty" for a moment."""
        while not stop.wait(interval):
            current = self.snapshot()
            if current == seen:
                continue
            while not stop.wait(SETTLE_SECONDS):
                again = self.snapshot()
                if again == current:
                    break
                current = again
            seen = current
            self.rebuild()


def error_page(problems: list[Problem], version: int, todo: dict[str, list[Item]] | None = None) -> bytes:
    """The page every address of the preview shows while a file has a problem, in the staff's
    language (its ``lang`` too, for screen readers). ``todo``: the drafts' fields left to fill
    in, shown as ``check``'s checklist (a heading per draft and per section, a line per field),
    after the real errors and with both counted."""
    items = "\n".join(f"<li><pre>{html.escape(p.format())}</pre></li>" for p in problems)
    title = html.escape(_("The site could not be built"))
    advice = html.escape(_("Fix the file and save it: this page reloads by itself."))
    checklists = ""
    if todo:
        parts = []
        for file, draft in todo.items():
            parts.append(f'<section class="callsite-checklist">\n<h2>{html.escape(format_heading(file))}</h2>')
            for section, lines in sections(draft):
                parts.append(f"<h3>{html.escape(section)}</h3>\n<ul>\n"
                             + "".join(f"<li>{html.escape(line)}</li>\n" for line in lines) + "</ul>")
            parts.append("</section>")
        count = html.escape(_("{todo}, {errors}.").format(**counts(todo, problems)))
        parts.append(f'<p class="callsite-count">{count}</p>')
        checklists = "\n".join(parts) + "\n"
    return f"""<!doctype html>
<html lang="{language()}"><head><meta charset="utf-8"><title>{title} – callsite</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}}h1{{color:#8e0000}}
pre{{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #8e0000;padding:.6rem 1rem}}
ul{{list-style:none;padding:0}}</style></head>
<body><main>
<h1>{title}</h1>
<p>{advice}</p>
<ul class="callsite-problems">
{items}
</ul>
{checklists}</main>
{RELOAD_SCRIPT % (VERSION_PATH, version)}
</body></html>
""".encode("utf-8")


def make_handler(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(preview.site_dir), **kwargs)

        def log_message(self, format, *args):  # keep the terminal for build messages
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def send_body(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self):
            self.do_GET()

        def do_GET(self):
            version, problems, todo = preview.page_state()
            failed = bool(problems or todo)
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path == VERSION_PATH:
                body = json.dumps({"version": version, "ok": not failed}).encode()
                return self.send_body(200, body, "application/json")
            if path == VERSION_PATH + ".js":
                return self.send_body(200, RELOAD_JS.encode(), "text/javascript; charset=utf-8")
            target = Path(self.translate_path(path))
            if target.is_dir():
                target = target / "index.html"
            is_page = target.suffix == ".html" or not target.suffix
            if failed and is_page and "/admin/" not in path:  # the editor stays usable to fix them
                return self.send_body(500, error_page(problems, version, todo), "text/html; charset=utf-8")
            # The browser editor (/admin/, issue 22) is not reloaded when a call is saved: it saves them.
            if is_page and target.is_file() and path.endswith(("/", ".html")) and "/admin/" not in path:
                page = target.read_bytes()
                script = (RELOAD_SCRIPT % (VERSION_PATH, version)).encode()
                head, sep, tail = page.rpartition(b"</body>")
                page = head + script + sep + tail if sep else page + script
                return self.send_body(200, page, "text/html; charset=utf-8")
            return super().do_GET()

    return Handler


def run_server(args, *, now: dt.datetime | None) -> int:
    temporary = args.site_dir is None
    site_dir = Path(tempfile.mkdtemp(prefix="callsite-preview-")) / "site" if temporary else args.site_dir
    if not temporary:  # the preview writes into it as a build does (UsageError: exit 2, nothing written)
        check_output_folder(site_dir, source_folders(args.config, args.calls), args.config)
        mark_output_folder(site_dir)
    preview = Preview(args.calls, args.config, site_dir, now, log=lambda text: print(text, flush=True))
    seen = preview.snapshot()  # before building: a save during the first build is not missed
    preview.rebuild()
    # 127.0.0.1 only: the preview shows drafts and must not be reachable from the network.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(preview))
    server.daemon_threads = True
    print(_("Preview: {address} (stop with Ctrl+C)").format(
        address=f"http://127.0.0.1:{server.server_address[1]}/fi/"), flush=True)
    stop = threading.Event()

    def interrupt(signum, frame):  # `kill` ends the preview as Ctrl+C does, tidying up
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    watcher = threading.Thread(target=preview.watch, args=(args.interval, stop, seen), daemon=True)
    watcher.start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
        if temporary:
            shutil.rmtree(site_dir.parent, ignore_errors=True)
    return 0
