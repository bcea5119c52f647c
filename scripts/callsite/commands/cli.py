"""The command line: ``callsite new | check | serve | build | schema``.

"Now" is read here, once, and passed down: ``--now`` or ``CALLSITE_NOW``,
else the clock at start, in Helsinki time. So is the language the program speaks to staff
(:mod:`callsite.messages`): ``--lang``, else the environment's, else Finnish.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import os
import sys
from pathlib import Path

from ..messages import N_, STAFF_LANGUAGES, _, language_from_environment, ngettext, speaking
from ..model.dates import HELSINKI, DateProblem, parse_now
from ..problems import InputError, UsageError

DESCRIPTION = N_("""\
Work with the funding-call website, built from the YAML files in calls/.

  callsite new              start a new call file from a few answers
  callsite check            check every call and report problems and warnings
  callsite serve            preview the site on this computer while you edit
  callsite build            check every call, then build the site into site/
  callsite schema           update the editor help files (calls/_schema.json)

Run "callsite COMMAND --help" to read more about one command.
If a call file has a problem, nothing is built and the existing site/ stays as it was.
""")

ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("expected one argument"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"), N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
"""What argparse itself says to staff (its usage line, its errors), translated by our catalogs
while our parser is built and used: see :func:`_argparse_speaking`."""


def _language_of(argv: list[str], environ) -> str:
    """``--lang`` wherever it stands (before the command or after), else the environment's:
    read before the arguments are parsed, so that argparse's own errors are translated too."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else \
            arg.partition("=")[2] if arg.startswith("--lang=") else None
        if value in STAFF_LANGUAGES:
            return value
    return language_from_environment(environ)


@contextlib.contextmanager
def _argparse_speaking():
    """argparse translates its words with the gettext functions it imported as ``_`` and
    ``ngettext``; lend it ours while our parser is made and parses, then give its own back."""
    before = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before

def _now(text: str | None) -> dt.datetime:
    text = text or os.environ.get("CALLSITE_NOW")
    if not text:
        return dt.datetime.now(HELSINKI).replace(microsecond=0)
    try:
        return parse_now(text)
    except DateProblem as problem:
        raise UsageError(_("--now / CALLSITE_NOW: {problem} ({hint})").format(
            problem=problem.message, hint=problem.hint)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="callsite", description=_(DESCRIPTION),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    lang_help = _("the language of the messages: fi (Finnish, the default), sv (Swedish) or en (English); "
                  "default: the language of the environment (LANG)")
    parser.add_argument("--lang", choices=STAFF_LANGUAGES, help=lang_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar=_("COMMAND"))
    # After the command too; SUPPRESS: a --lang given before it is not reset to a default.
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=STAFF_LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--calls", type=Path, default=Path("calls"),
                        help=_("folder of call files (default: calls)"))
    common.add_argument("--now", help=_('the moment the site is built for, in Helsinki time, e.g. "20.8.2026 klo 16.14" '
                                        "(default: CALLSITE_NOW, else the current time)"))
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help=_("site settings (default: mkdocs.yml)"))

    def add(name: str, help: str, description: str, parents=()) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[lang, *parents], help=help, description=description,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)

    build = add("build", _("check the calls and build the site"), _(
        "Check every call, then build the whole site into --site-dir.\n"
        "If any call has an error, nothing is built and the old site stays as it was."), [common, config])
    build.add_argument("--site-dir", type=Path, default=Path("site"), help=_("output folder (default: site)"))
    build.add_argument("--preview", action="store_true",
                       help=_("staff preview: also show what production never shows (drafts, with a banner)"))
    build.add_argument("--demo", action="store_true",
                       help=_("build a demo site of fictional calls in every state, dated around --now, "
                              "instead of the calls folder (a first look; never for production)"))
    add("check", _("check the calls and report problems"), _(
        "Check every call file without building the site.\n\n"
        "Errors (the site cannot be built) and warnings (worth a look, the site is still built)\n"
        "are shown as  file:line:column: error: field: what is wrong  with a hint on the next line.\n"
        "Exits with 1 if there are errors, 0 otherwise."), [common, config])
    new = add("new", _("start a new call file"), _(
        "Write a new call file into the calls folder. It asks for the titles and the dates\n"
        "(or take them from the options below) and writes every other field ready to fill in,\n"
        "each with a short explanation in Finnish. Fill in every place marked TÄYTÄ, then run\n"
        "\"callsite check\". The new call is a draft: it shows only in the preview until you\n"
        "delete the line \"draft: true\"."), [])
    new.add_argument("--calls", type=Path, default=Path("calls"), help=_("folder of call files (default: calls)"))
    new.add_argument("--title-fi", help=_("the title in Finnish"))
    new.add_argument("--title-sv", help=_("the title in Swedish"))
    new.add_argument("--opens", help=_('opening date, time optional, e.g. "5.3.2027" or "5.3.2027 klo 9.00"'))
    new.add_argument("--closes", help=_('closing date and time, e.g. "20.8.2027 klo 16.15"'))
    new.add_argument("--id", help=_("identifier and file name (default: made from the Finnish title)"))
    serve = add("serve", _("preview the site while you edit"), _(
        "Build a preview of the site (drafts included) and show it at http://127.0.0.1:8000/.\n"
        "When you save a file in the calls folder, the preview is rebuilt and the browser\n"
        "reloads by itself. If a file has an error, the messages are shown here and in the\n"
        "browser; fix the file and the site comes back. Stop with Ctrl+C.\n"
        "Only this computer can open the preview."), [common, config])
    serve.add_argument("--port", type=int, default=8000,
                       help=_("port number (default: 8000; 0 picks a free one)"))
    serve.add_argument("--site-dir", type=Path, default=None,
                       help=_("where the preview is built (default: a temporary folder)"))
    serve.add_argument("--interval", type=float, default=0.5,
                       help=_("seconds between checks for changes (default: 0.5)"))
    edit = add("edit", _("edit calls in the browser"), _(
        "Start the browser editor on this computer and show its address (http://127.0.0.1:8000/admin/).\n"
        "Calls are edited in a form and saved straight into the calls folder; the preview of the\n"
        "site (as with callsite serve) is rebuilt when you save. Stop with Ctrl+C.\n"
        "Needs Node.js and the editor's packages: bash scripts/setup-env edit"), [common, config])
    edit.add_argument("--port", type=int, default=8000,
                      help=_("port number of the editor and the preview (default: 8000; 0 picks a free one)"))
    edit.add_argument("--proxy-port", type=int, default=0,
                      help=_("port number of the editor's local backend (default: a free one)"))
    edit.set_defaults(site_dir=None, interval=0.5)
    schema = add("schema", _("update the editor help files"), _(
        "Write calls/_schema.json and calls/_vocabulary.schema.json from the data model.\n"
        "Editors (VS Code with the YAML extension) use them to complete field names, explain\n"
        "each field and mark mistakes while you type. Run this after changing the model or\n"
        "calls/_vocabulary.yaml; --check only tells whether they are up to date."), [])
    schema.add_argument("--calls", type=Path, default=Path("calls"), help=_("folder of call files (default: calls)"))
    schema.add_argument("--check", action="store_true",
                        help=_("do not write; exit 1 if the files are out of date"))
    return parser


def _load(calls: Path, ahead=None, found: InputError | None = None):
    """The validated catalog, or None after printing every problem (``found``: the settings'
    problems, already known: reported with the calls')."""
    from ..model.validate import load_catalog

    try:
        catalog = load_catalog(calls, ahead=ahead)
    except InputError as error:
        found = InputError(error.problems + (found.problems if found else []))
    if found is not None:
        from .checklist import report  # a draft's TÄYTÄ markers as one list, not an error each

        print(report(found), file=sys.stderr)
        return None
    return catalog


def _warm_up_build(config: Path) -> InputError | None:
    """Runs while the other core parses calls: what every build needs before it forks. The
    site engine's problems with the settings are returned, to be reported with the calls'."""
    from .build import warm_up

    try:
        warm_up(config)
    except InputError as error:
        return error
    return None


def main(argv: list[str] | None = None, *, one_off_process: bool = False) -> int:
    """Run one command; its exit code. ``one_off_process``: this process ends with the command
    (see :mod:`callsite.command`, whose collector is off until the calls are loaded): the loaded
    calls and modules are then frozen out of the collector's scans.

    The one error boundary: a mistake in the files or settings has been reported (1), a
    mistyped option or an unusable folder is said in one line (2), Ctrl+C stops quietly (130),
    anything else is a bug, saved to a log and said in one line (70). Never a traceback.
    Everything is said in the language chosen here, first (workers forked later inherit it)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    with speaking(_language_of(argv, os.environ)):
        try:
            return _run(argv, one_off_process)
        except UsageError as error:
            print(f"callsite: {error}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # noqa: BLE001  the boundary: see above
            from .crash import report_bug

            return report_bug(error)


def _run(argv: list[str], one_off_process: bool) -> int:
    with _argparse_speaking():
        args = _parser().parse_args(argv)
    if one_off_process and args.command not in ("build", "check"):
        one_off_process = False
        gc.enable()  # serve runs for hours, new and schema load nothing: collect as usual
    if args.command == "new":
        from .scaffold import run_new

        return run_new(args)
    if args.command == "schema":
        return _schema(args)
    now = _now(args.now)
    if getattr(args, "demo", False):
        import tempfile

        from .demo import write_demo_calls

        args.calls = write_demo_calls(Path(tempfile.mkdtemp(prefix="callsite-demo-")) / "calls", args.calls, now)
    if args.command == "edit":  # the browser editor (issue 22)
        from .edit import run_edit

        return run_edit(args, now=None if not (args.now or os.environ.get("CALLSITE_NOW")) else now)
    if args.command == "serve":
        from .preview import run_server

        return run_server(args, now=None if not (args.now or os.environ.get("CALLSITE_NOW")) else now)
    # The other core starts parsing the call files now, while this process imports the model
    # (and, to build, the site engine): loading is then mostly done by the time both are ready.
    from ..source.callfiles import parse_ahead

    ahead = parse_ahead(args.calls)
    # mkdocs.yml's problems are reported with the calls' (ours first, with their lines; the
    # site engine reads the file only once ours have none).
    from ..model.lint import report_warnings
    from ..model.settings import settings_for

    settings, settings_problems = None, None
    try:
        settings = settings_for(args.config)
    except InputError as error:
        settings_problems = error
    if settings is not None and args.command == "build" and args.config.exists():
        settings_problems = _warm_up_build(args.config)
    catalog = _load(args.calls, ahead, settings_problems)
    if one_off_process:
        gc.freeze()  # they live until the end
        gc.enable()
    if catalog is None:
        return 1
    if args.command == "check":
        warnings = report_warnings(catalog, settings, now)
        checked = ngettext("{n} call checked", "{n} calls checked", len(catalog.calls)).format(n=len(catalog.calls))
        if warnings:
            print(_("{checked}: no errors, {warnings}.").format(checked=checked, warnings=ngettext(
                "{n} warning", "{n} warnings", warnings).format(n=warnings)))
        else:
            print(_("{checked}: no errors.").format(checked=checked))
        return 0
    from .build import build_site
    from ..render.newsletter import require_endpoint
    from ..outputs.write import PublishError

    try:
        require_endpoint(settings, args.preview, args.config)  # before anything is written
    except InputError as error:
        report_warnings(catalog, settings, now)
        print(error.report(), file=sys.stderr)
        return 1
    try:
        # The warnings are worked out and shown by whichever language build is done first.
        build_site(catalog, now=now, config_file=args.config, site_dir=args.site_dir, preview=args.preview,
                   settings=settings, meanwhile=lambda: report_warnings(catalog, settings, now), calls_dir=args.calls)
    except InputError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except PublishError as error:
        print(f"callsite: {error}", file=sys.stderr)
        return 1
    print(ngettext("Built {n} call into {folder}/ for {now}.", "Built {n} calls into {folder}/ for {now}.",
                   len(catalog.calls)).format(n=len(catalog.calls), folder=args.site_dir, now=now.isoformat()))
    return 0


def _schema(args) -> int:
    from ..model.schema import schema_files
    from ..model.validate import load_vocabulary

    vocabulary, problems = load_vocabulary(args.calls)
    if problems:
        print(InputError(problems).report(), file=sys.stderr)
        return 1
    stale = []
    from ..model.cms import cms_files  # the browser editor's form (issue 22)

    for path, text in {**schema_files(args.calls, vocabulary), **cms_files(args.calls, vocabulary)}.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check:
        for path in stale:
            print(_("{path}: out of date; run: callsite schema").format(path=path), file=sys.stderr)
        return 1 if stale else 0
    print(_("Wrote {files}.").format(files=", ".join(map(str, stale))) if stale
          else _("The schema files are up to date."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
