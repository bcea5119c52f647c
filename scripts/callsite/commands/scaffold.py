"""``callsite new``: a new call file from four answers, every field present and explained in the
staff's language (Finnish by default, Swedish with ``--lang sv`` or a Swedish ``LANG``, English
with ``--lang en``: the templates are in :mod:`.call_templates`).

The file holds no value that would pass as real: what staff must still write says ``TÄYTÄ``
("fill in"), which ``callsite check`` lists until it is filled in; the parts a call seldom needs
are commented out; examples (an e-mail address, an amount, a legal basis) are in comments only,
so deleting the markers alone leaves empty values that check refuses, never an example on the
site. The new call is also a draft.
"""

from __future__ import annotations

import json
import os
import sys
from ..messages import _, language
from ..model.dates import DateProblem, parse_moment
from ..model.validate import display_path, slugify
from ..source.callfiles import PLACEHOLDER

from .call_templates import TEMPLATES


def _quoted(text: str) -> str:
    """A YAML string that stays text whatever staff typed (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def command_name() -> str:
    """How staff run callsite: ``bash scripts/callsite-cmd`` when the launcher says so."""
    return os.environ.get("CALLSITE_COMMAND") or "callsite"


def render_call(*, id: str, title_fi: str, title_sv: str, opens: str, closes: str, lang: str | None = None) -> str:
    """The text of a new call file, its comments in ``lang`` (the staff's language if not given);
    dates must already be valid."""
    opened = parse_moment(opens, time_required=False)[0]
    published = f"{opened.day}.{opened.month}.{opened.year}"
    return TEMPLATES[lang or language()].substitute(
        command=command_name(), id=id, slug_fi=slugify(title_fi) or id, slug_sv=slugify(title_sv) or id,
        title_fi=" ".join(title_fi.split()), title_sv=" ".join(title_sv.split()), title_fi_q=_quoted(title_fi.strip()),
        title_sv_q=_quoted(title_sv.strip()), published=published, opens=opens.strip(), closes=closes.strip(),
    )


def _ask(label: str, given: str | None, check=None) -> str:
    """The option's value, else a question on the terminal (asked again until the answer is usable)."""
    while True:
        answer = given if given is not None else input(f"{label}: ")
        answer = answer.strip()
        problem = _("write something") if not answer else (check(answer) if check else None)
        if not problem:
            return answer
        if given is not None:  # from an option: no one to ask again
            raise SystemExit(f"callsite new: {label}: {problem}")
        print(f"  {problem}", file=sys.stderr)


def _date_check(time_required: bool):
    def check(text: str) -> str | None:
        try:
            parse_moment(text, time_required=time_required)
        except DateProblem as problem:
            return f"{problem.message} ({problem.hint})"
        return None

    return check


def run_new(args) -> int:
    title_fi = _ask(_("Title in Finnish (title fi)"), args.title_fi)
    title_sv = _ask(_("Title in Swedish (title sv)"), args.title_sv)
    opens = _ask(_("The call opens, e.g. 5.3.2027 (opens)"), args.opens, _date_check(False))
    closes = _ask(_("The call closes, e.g. 20.8.2027 klo 16.15 (closes)"), args.closes, _date_check(True))
    if parse_moment(closes, time_required=True)[0] <= parse_moment(opens, time_required=False)[0]:
        raise SystemExit("callsite new: " + _("the call closes before it opens; check the dates"))
    id = args.id or slugify(title_fi)
    if not id:
        raise SystemExit("callsite new: " + _("give --id (lowercase letters, digits and hyphens)"))
    if PLACEHOLDER in title_fi + title_sv:
        raise SystemExit("callsite new: " + _("the titles cannot contain {marker}").format(marker=PLACEHOLDER))
    args.calls.mkdir(parents=True, exist_ok=True)
    target = args.calls / f"{id}.yaml"
    if target.exists():
        raise SystemExit("callsite new: " + _("{file} already exists; choose another --id").format(file=display_path(target)))
    text = render_call(id=id, title_fi=title_fi, title_sv=title_sv, opens=opens, closes=closes)
    with open(target, "x", encoding="utf-8") as stream:
        stream.write(text)
    print(_("Wrote {file}.").format(file=display_path(target)))
    print(_("Next: write the real value wherever it says {marker} (examples are in the comments), "
            "then run: {command} check").format(marker=PLACEHOLDER, command=command_name()))
    return 0
