"""What a draft still needs, as one short list instead of an error per ``TÄYTÄ``.

A fresh ``callsite new`` file holds a dozen markers; reported one error each (with a hint each),
they bury the one real mistake. For a call that is still a draft (``draft: true``), ``check`` and
``build`` say instead, per file, which fields are left to fill in, grouped by the part of the call
they belong to, and count the real errors apart: "15 kohtaa täyttämättä, 1 virhe" (``serve`` too,
in its terminal and on its error page: :mod:`.preview`). The exit code
stays 1: a call with markers is not a call yet, and nothing is built while one is there (a draft
is never on the public site, but its file must be whole to be previewed). A call that is not a
draft keeps an error per marker: someone is about to publish it.

The problems arrive placed (file, line, column); the files they name are read again here to
tell which of them are markers of a draft. Only a failed load pays for that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import _, ngettext
from ..model.call import LANGUAGES
from ..model.placeholders import field_names, find_unfilled, what_to_write
from ..problems import InputError, Problem
from ..source.yamlsource import load_document


@dataclass(frozen=True)
class Item:
    """One field of a draft left to fill in (its texts in both languages count once)."""

    line: int
    section: str
    what: str


def section_name(key: str) -> str:
    """The part of a call a top-level field belongs to, in the staff member's words."""
    if key in ("id", "languages", "slug", "title", "published", "draft", "funder", "grant_type", "tags"):
        return _("Basic details")
    return {
        "rounds": _("Application period"),
        "funding": _("Funding"),
        "purpose": _("Purpose and background"),
        "focus_areas": _("Focus areas"),
        "requirements": _("Requirements"),
        "eligibility": _("Who may apply"),
        "selection_criteria": _("Selection criteria"),
        "legal_basis": _("Legal basis"),
        "contacts": _("Contact persons"),
        "links": _("Links"),
        "changes": _("Changes"),
        "decisions": _("Decisions"),
        "cancelled": _("Cancellation"),
    }.get(key, key)


def draft_items(file: str) -> dict[tuple[int, int], tuple]:
    """The spots (line, column) of the markers in ``file`` if it is a draft, each with its
    field's path; empty for a file that is not a draft or cannot be read again."""
    doc, problems = load_document(Path(file), file)
    if doc is None or not isinstance(doc.data, dict) or doc.data.get("draft") is not True:
        return {}
    return {doc.mark_of(u.path): u.path for u in find_unfilled(doc.data) if u.marker}


def split(problems: list[Problem]) -> tuple[dict[str, list[Item]], list[Problem]]:
    """The drafts' fields left to fill in, per file in order, and the real errors."""
    todo: dict[str, dict[tuple, Item]] = {}
    errors = []
    spots = {file: draft_items(file) for file in dict.fromkeys(p.file for p in problems)}
    for problem in problems:
        path = spots[problem.file].get((problem.line, problem.column))
        if path is None:
            errors.append(problem)
            continue
        # The texts of one field in each language are one thing to write: its first line is shown.
        field = path[:-1] if path[-1] in LANGUAGES else path
        items = todo.setdefault(problem.file, {})
        if field not in items:
            items[field] = Item(problem.line, section_name(field_names(path)[0]), what_to_write(path))
    return {file: list(items.values()) for file, items in todo.items()}, errors


def format_heading(file: str) -> str:
    return _("{file}: a draft; still to fill in:").format(file=file)


def sections(items: list[Item]) -> list[tuple[str, list[str]]]:
    """The items under their sections, in the file's order: (section, ["line 31: ...", ...])."""
    grouped: list[tuple[str, list[str]]] = []
    for item in items:
        if not grouped or grouped[-1][0] != item.section:
            grouped.append((item.section, []))
        grouped[-1][1].append(_("line {line}: {what}").format(line=item.line, what=item.what))
    return grouped


def format_checklist(file: str, items: list[Item]) -> list[str]:
    lines = [format_heading(file)]
    for section, said in sections(items):
        lines.append(f"  {section}")
        lines += ["    " + line for line in said]
    return lines


def counts(todo: dict[str, list[Item]], errors: list[Problem]) -> dict[str, str]:
    """How much is left, said in the staff's words: ``todo`` ("15 items left to fill in") and
    ``errors`` ("1 error"), to be put in a sentence."""
    count = sum(len(items) for items in todo.values())
    return {"todo": ngettext("{n} item left to fill in", "{n} items left to fill in", count).format(n=count),
            "errors": ngettext("{n} error", "{n} errors", len(errors)).format(n=len(errors))}


def checklist_lines(todo: dict[str, list[Item]], errors: list[Problem]) -> list[str]:
    """The real errors, then a checklist per draft (``check``'s and the preview's terminal)."""
    lines = [problem.format() for problem in errors]
    for file, items in todo.items():
        lines += format_checklist(file, items)
    return lines


def report(error: InputError) -> str:
    """What ``check`` and ``build`` print for the problems of a failed load: the usual report,
    or, when drafts have markers left, the real errors, a checklist per draft and the count."""
    todo, errors = split(error.problems)
    if not todo:
        return error.report()
    lines = checklist_lines(todo, errors)
    lines.append(_("{todo}, {errors}; nothing was built and the existing site/ was left as it was.").format(
        **counts(todo, errors)))
    return "\n".join(lines)
