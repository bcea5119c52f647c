"""Values that are not real yet: the marker ``TÄYTÄ`` of a file made by ``callsite new``, and
the shapes of example values (``etunimi.sukunimi@…``, ``…@example.com``, ``XXX``, lorem ipsum).

A call whose data still holds one is refused, with one message per value saying what to write
there in the staff member's terms, instead of whatever else the value would also be wrong for.
The file's text is searched first (:func:`callsite.source.callfiles.may_hold_placeholder`), and
only a file that may hold one is walked: the shapes below each contain one of
:data:`~callsite.source.callfiles.EXAMPLE_WORDS`, and both searches lower the text the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..messages import _
from ..source.callfiles import PLACEHOLDER
from .call import LANGUAGES, Call

EXAMPLE_SHAPES = re.compile("|".join([
    r"(?:etunimi|firstname|f[oö]rnamn)[ ._-]?(?:sukunimi|lastname|efternamn)",
    # example. as a host: in an e-mail address or after https://, not in a link's path
    # (https://www.oph.fi/example.html is a real page).
    r"(?:@|//)(?:[a-z0-9-]+\.)*example\.[a-z]",
    r"(?<![\w/.@-])(?:www\.)?example\.(?:com|org|net|edu|fi|se)\b",
    r"(?<![^\W\d_])x{3,}(?![^\W\d_])",  # XXX, xxxx in 029 533 xxxx: a word of x's only
    r"\b(?:lorem|ipsum)\b",
]))
"""Searched in lower-cased values; each alternative holds one of ``EXAMPLE_WORDS``."""


@dataclass(frozen=True)
class Unfilled:
    """One value of a call that is not real yet."""

    path: tuple
    """The field, e.g. ``("funding", "purpose", "fi")``."""
    message: str
    hint: str
    marker: bool
    """True for the marker ``TÄYTÄ`` (left to fill in), False for an example value."""


def find_unfilled(data: Any) -> list[Unfilled]:
    """Every value of a call's plain data that holds the marker or an example, in file order."""
    found = []
    for path, value in _texts(data, ()):
        if PLACEHOLDER in value:
            found.append(Unfilled(path, _("it still says {value}: write {what} in its place").format(
                what=what_to_write(path), value=_quoted(value)), _optional_hint(path), True))
            continue
        example = _example_in(value)
        if example is not None:
            found.append(Unfilled(path, _("{example} is an example, not a real value: write {what} in its place").format(
                what=what_to_write(path), example=_quoted(example)), _optional_hint(path), False))
    return found


def _texts(data: Any, path: tuple):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, path + (i,))


def _example_in(value: str) -> str | None:
    lowered = value.lower()
    match = EXAMPLE_SHAPES.search(lowered)
    if match is None:
        return None
    # Quote what staff wrote; lowering changes the length only for a few letters (İ).
    shown = value if len(lowered) == len(value) else lowered
    start, end = match.span()
    # The whole word or address around the match: 'etunimi.sukunimi@oph.fi', not 'etunimi.sukunimi'.
    while start > 0 and not shown[start - 1].isspace():
        start -= 1
    while end < len(shown) and not shown[end].isspace():
        end += 1
    return shown[start:end].strip("\"'()[]{}<>,;:.")


def _quoted(value: str) -> str:
    value = " ".join(value.split())
    return repr(value if len(value) <= 60 else value[:57] + "...")


def field_names(path: tuple) -> tuple:
    """The field names of ``path``, without list positions and languages:
    ``("contacts", 0, "title", "fi")`` -> ``("contacts", "title")``."""
    names = tuple(part for part in path if isinstance(part, str))
    while len(names) > 1 and names[-1] in LANGUAGES:
        names = names[:-1]
    return names


def what_to_write(path: tuple) -> str:
    """What belongs at ``path``, in the staff member's words (their language)."""
    names = field_names(path)
    what = {
        ("slug",): _("the end of the page address (lowercase letters a-z, digits and hyphens)"),
        ("title",): _("the title of the call"),
        ("funder",): _("the funder's key from calls/_vocabulary.yaml (funders)"),
        ("grant_type",): _("the grant type (general or special)"),
        ("tags",): _("the topics from calls/_vocabulary.yaml, e.g. [perusopetus]"),
        ("rounds", "name"): _("the name of the round"),
        ("rounds", "opens"): _("the opening date, e.g. 5.3.2027"),
        ("rounds", "closes"): _("the closing date and time, e.g. 20.8.2027 klo 16.15"),
        ("funding", "total", "euros"): _("the total in euros, e.g. 1 500 000"),
        ("funding", "total", "precision"): _("how exact the total is (exact, approximately or at_most)"),
        ("funding", "text"): _("the funding in the call's own words"),
        ("funding", "purpose"): _("what the money is for (it continues the sentence \"… sets aside about 1.5 million euros\")"),
        ("funding", "max_aid_share"): _("the largest share of a project's costs the grant covers, in per cent"),
        ("funding", "per_project", "min_euros"): _("the smallest grant per project, in euros"),
        ("funding", "per_project", "max_euros"): _("the largest grant per project, in euros"),
        ("purpose",): _("the purpose and background of the grant"),
        ("focus_areas", "intro"): _("the sentence before the focus areas"),
        ("focus_areas", "items"): _("a focus area"),
        ("requirements",): _("what the funded projects must do"),
        ("eligibility", "applicant_types"): _("the applicant types from calls/_vocabulary.yaml, e.g. [municipality]"),
        ("eligibility", "text"): _("who may apply, in full sentences"),
        ("eligibility", "participants_without_aid"): _("who may take part without a grant"),
        ("selection_criteria",): _("the selection criteria"),
        ("legal_basis",): _("the legal basis"),
        ("contacts", "name"): _("the contact person's name"),
        ("contacts", "title"): _("the contact person's job title"),
        ("contacts", "email"): _("the contact person's e-mail address"),
        ("contacts", "phone"): _("the contact person's phone number"),
        ("links", "kind"): _("the kind of the link (application, announcement, attachment or more_info)"),
        ("links", "label"): _("the text of the link"),
        ("links", "url"): _("the address of the link, starting with https://"),
        ("changes", "text"): _("what was changed"),
        ("decisions", "url"): _("the address of the decisions"),
        ("cancelled", "reason"): _("why the call was cancelled"),
    }.get(names)
    return what or _("the real value")


def _optional_hint(path: tuple) -> str:
    """Leaving out is the other way to fill in: said for the innermost field a call may leave out."""
    model, optional = Call, None
    for name in field_names(path):
        field = model.model_fields.get(name) if model is not None else None
        if field is None:
            break
        if not field.is_required():
            optional = name
        model = _inner_model(field.annotation)
    return _("if the call does not need it, delete {field}").format(field=optional) if optional else ""


def _inner_model(annotation: Any):
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _inner_model(arg))), None)
