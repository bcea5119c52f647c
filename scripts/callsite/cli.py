"""The command line: ``callsite build`` and ``callsite check``.

"Now" is read here, once, and passed down: ``--now`` or ``CALLSITE_NOW``,
else the clock at start, in Helsinki time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from .dates import HELSINKI, DateProblem, parse_now
from .problems import InputError

DESCRIPTION = """\
Build the funding-call website from the YAML files in calls/.

  callsite build            check every call, then build the site into site/
  callsite check            only check the calls and report problems

If a call file has a problem, nothing is built and the existing site/ stays as it was.
"""


def _now(text: str | None) -> dt.datetime:
    text = text or os.environ.get("CALLSITE_NOW")
    if not text:
        return dt.datetime.now(HELSINKI).replace(microsecond=0)
    try:
        return parse_now(text)
    except DateProblem as problem:
        raise SystemExit(f"callsite: --now / CALLSITE_NOW: {problem.message} ({problem.hint})") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="callsite", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--calls", type=Path, default=Path("calls"), help="folder of call files (default: calls)")
    common.add_argument("--now", help='the moment the site is built for, in Helsinki time, e.g. "20.8.2026 klo 16.14" '
                        "(default: CALLSITE_NOW, else the current time)")
    build = commands.add_parser("build", parents=[common], help="check the calls and build the site",
                                description="Check every call, then build the whole site into --site-dir.")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="site settings (default: mkdocs.yml)")
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="output folder (default: site)")
    build.add_argument("--preview", action="store_true",
                       help="staff preview: also show what production never shows (e.g. drafts)")
    commands.add_parser("check", parents=[common], help="only check the calls",
                        description="Check every call without building; exit 1 if there are errors.")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    now = _now(args.now)
    from .validate import load_catalog

    try:
        catalog = load_catalog(args.calls)
    except InputError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{len(catalog.calls)} call(s) checked: no errors.")
        return 0
    from .build import build_site

    build_site(catalog, now=now, config_file=args.config, site_dir=args.site_dir, preview=args.preview)
    print(f"Built {len(catalog.calls)} call(s) into {args.site_dir}/ for {now.isoformat()}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
