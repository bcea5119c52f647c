"""Open data: ``/calls.json`` (with ``/calls.schema.json``) and ``/calls.csv``. Never imports MkDocs.

Every published call, both languages side by side, under CC BY 4.0. Values staff wrote
are given as written (dates as ISO 8601 with the Helsinki offset); values computed at
build time (the status, the next deadline) sit under ``derived`` with the moment they
were computed for. The schema is versioned: a field is never removed or changes meaning
within one major version.

``calls.csv`` is opened in spreadsheets, which run a cell that starts with ``=`` as a
formula (``=HYPERLINK(...)`` in a title would be a live link, or worse). Following OWASP's
advice on CSV injection, a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'`` (spreadsheets show the rest as text; a program reading
the file sees the ``'``: ``calls.json`` has every text exactly as written), and every text
cell is quoted, so that a spreadsheet splitting lines at another separator (``;`` in Finnish
Excel) cannot start a cell inside staff text either. Numbers (euros) are not quoted. A
control character other than tab, newline and carriage return, which validation refuses in
the files, is an internal error here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..model.call import LANGUAGES, Call, has_time
from ..model.dates import HELSINKI
from ..render.jsontext import iter_indented

if TYPE_CHECKING:  # pragma: no cover
    from ..render.pages import Site
    from ..site.status import CallView

SCHEMA_VERSION = "3.1.0"
"""3.1.0: the title, purpose, eligibility text and money text may carry an English version (``en``).
2.0.0: calls in one language (``languages``); a text or address is null in a language the call
is not published in; ``funder``; the total, its precision and the purpose of the money may be
null (no sum stated), and the money may be described in words (``funding.text``)."""
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
JSON_NAME, SCHEMA_NAME, CSV_NAME = "calls.json", "calls.schema.json", "calls.csv"


def _both(value) -> dict | None:
    return None if value is None else {lang: getattr(value, lang) for lang in LANGUAGES}


def _with_english(value) -> dict | None:
    """A text that may have an English version: ``en`` is there only where staff gave one."""
    texts = _both(value)
    if texts is not None and value.en is not None:
        texts["en"] = value.en
    return texts


def _moment(value: dt.datetime) -> str:
    return value.astimezone(HELSINKI).isoformat()


def _deadline(value: dt.datetime) -> str:
    """A deadline as staff gave it: a moment, or the last day where the call states no time."""
    return _moment(value) if has_time(value) else value.day.isoformat()


def call_record(site: "Site", view: "CallView", now: dt.datetime) -> dict:
    call: Call = view.call
    vocabulary = site.catalog.vocabulary
    funding = call.funding
    return {
        "id": call.id,
        "languages": list(call.languages),
        "url": {lang: site.settings.absolute(site.url(lang, site.call_path(call, lang))) if lang in call.languages
                else None for lang in LANGUAGES},
        "title": _with_english(call.title),
        "published": None if call.published_on is None else call.published_on.isoformat(),
        "funder": None if call.funder is None else {"key": call.funder, **_both(vocabulary.funders[call.funder])},
        "grant_type": call.grant_type,
        "tags": [{"key": tag, **_both(vocabulary.tags[tag])} for tag in call.tags],
        "rounds": [{
            "name": _both(r.name),
            "opens": None if r.opens is None else (
                _moment(r.opens.at) if r.opens.has_time else r.opens.at.astimezone(HELSINKI).date().isoformat()),
            "closes": _deadline(r.closes) if r.closes else None,
            "continuous": r.continuous,
            "collection_dates": [day.isoformat() for day in r.dated_collections],
            "collection": _both(r.collection),
            "extended": None if r.extended is None else {
                "original": _deadline(r.extended.original),
                "date": None if r.extended.date is None else r.extended.date.isoformat(),
                "reason": _both(r.extended.reason)},
            "amount_euros": r.amount.euros if r.amount else None,
            "languages": list(r.languages or call.languages),
            "description": _both(r.description),
            "eligibility": _both(r.eligibility),
        } for r in call.rounds],
        "funding": {
            "total_euros": funding.total.euros if funding.total else None,
            "precision": funding.total.precision if funding.total else None,
            "purpose": _both(funding.purpose),
            "text": _with_english(funding.text),
            "max_aid_share_percent": funding.max_aid_share,
            "aid_share_of": funding.aid_share_of if funding.max_aid_share else None,
            "per_unit": [{"max_euros": cap.max_euros, "unit": _both(cap.unit)} for cap in funding.per_unit],
            "per_project_min_euros": funding.per_project.min_euros if funding.per_project else None,
            "per_project_max_euros": funding.per_project.max_euros if funding.per_project else None,
            "budget_dependent": funding.budget_dependent or funding.budget_text is not None,
            "budget_text": _both(funding.budget_text),
        },
        "purpose": _with_english(call.purpose),
        "eligibility": {
            "applicant_types": [{"key": key, **_both(vocabulary.applicant_types[key])}
                                for key in call.eligibility.applicant_types],
            "text": _with_english(call.eligibility.text),
        },
        "stated_status": call.status,
        "expected_decisions": _both(call.expected_decisions),
        "decisions": None if call.decisions is None else {
            "date": None if call.decisions.date is None else call.decisions.date.isoformat(),
            "note": _both(call.decisions.note), "url": _both(call.decisions.url)},
        "cancelled": None if call.cancelled is None else {
            "date": call.cancelled.date.isoformat(), "reason": _both(call.cancelled.reason)},
        "changes": [{"date": note.date.isoformat(), "text": _both(note.text)} for note in call.changes_newest_first],
        "derived": {
            "status": view.status.value,
            "next_deadline": _moment(view.next_deadline) if view.next_deadline else None,
        },
    }


def calls_document(site: "Site", records: Iterable[dict], now: dt.datetime) -> dict:
    """The document of ``calls.json``, its calls those of :func:`call_record`."""
    return {
        "$schema": site.settings.absolute(site.settings.base_path + SCHEMA_NAME),
        "schema_version": SCHEMA_VERSION,
        "licence": LICENCE,
        "publisher": dict(site.settings.agency),
        "derived_at": _moment(now),
        "calls": iter(records),  # written one at a time (jsontext)
    }


_TEXT = {"type": "object", "required": ["fi", "sv"], "additionalProperties": False,
         "properties": {"fi": {"type": ["string", "null"]}, "sv": {"type": ["string", "null"]}},
         "description": "A text in Finnish (fi) and Swedish (sv); null in a language the call is not published in."}
_TEXT_OR_ENGLISH = {**_TEXT, "properties": {**_TEXT["properties"], "en": {"type": "string"}},
                    "description": _TEXT["description"] + " An English version (en) where the call gives one."}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_MOMENT = {"type": "string", "format": "date-time",
           "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$",
           "description": "ISO 8601 date and time with the Helsinki offset."}
_KEYED = {"type": "object", "required": ["key", "fi", "sv"], "additionalProperties": False,
          "properties": {"key": {"type": "string"}, "fi": {"type": "string"}, "sv": {"type": "string"}}}
_EUROS = {"type": ["integer", "null"], "minimum": 1}


def _object(properties: dict, description: str = "") -> dict:
    schema = {"type": "object", "required": sorted(properties), "additionalProperties": False,
              "properties": properties}
    if description:
        schema["description"] = description
    return schema


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def calls_schema(site: "Site") -> dict:
    call = _object({
        "id": {"type": "string", "description": "Stable identifier of the call; never changes."},
        "languages": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": ["fi", "sv"]},
                      "description": "The languages the call is published in: its page exists in these only."},
        "url": {**_TEXT, "description": "Address of the call page in each language (null where it has none)."},
        "title": _TEXT_OR_ENGLISH,
        "published": {**_nullable(_DATE), "description": "Publication date: as given, else the first opening's "
                      "date; null for continuous application that states neither."},
        "funder": {**_nullable(_KEYED), "description": "Who grants the money, when not the publisher (the agency)."},
        "grant_type": {"enum": ["general", "special"],
                       "description": "general (yleisavustus / allmänt understöd) or special (erityisavustus / specialunderstöd)."},
        "tags": {"type": "array", "items": _KEYED, "description": "Topics with their labels."},
        "rounds": {"type": "array", "minItems": 1, "items": _object({
            "name": _nullable(_TEXT),
            "opens": {"anyOf": [_MOMENT, _DATE, {"type": "null"}],
                      "description": "Opening: a date, or a date and time when staff gave one; null for continuous "
                                     "application that states none."},
            "closes": {"anyOf": [_MOMENT, _DATE, {"type": "null"}],
                       "description": "Deadline: a date and time, or the last day where the call states no time."},
            "continuous": {"type": "boolean", "description": "Continuous application: no closing date."},
            "collection_dates": {"type": "array", "items": _DATE,
                                 "description": "Continuous application: when applications are collected for processing."},
            "collection": {**_nullable(_TEXT), "description": "Continuous application: when applications are "
                           "processed, in the call's words."},
            "extended": {**_nullable(_object({"original": {"anyOf": [_MOMENT, _DATE]}, "date": _nullable(_DATE), "reason": _nullable(_TEXT)})),
                         "description": "The deadline was extended: closes is the new one, original the first announced."},
            "amount_euros": _EUROS,
            "languages": {"type": "array", "minItems": 1, "items": {"enum": ["fi", "sv"]},
                          "description": "The pages this round or group is on."},
            "description": {**_nullable(_TEXT), "description": "What a group funds (Markdown)."},
            "eligibility": {**_nullable(_TEXT), "description": "Who may apply to a group (Markdown)."},
        }), "description": "Application periods, or groups with their own content."},
        "funding": _object({
            "total_euros": {"type": ["integer", "null"], "minimum": 1,
                            "description": "All money available; null when the call states no sum."},
            "precision": {"enum": ["exact", "approximately", "at_most", None]},
            "purpose": _nullable(_TEXT),
            "text": {**_nullable(_TEXT_OR_ENGLISH), "description": "The money in the call's own words, where the numbers cannot say it."},
            "max_aid_share_percent": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
            "aid_share_of": {"enum": ["total", "eligible", "calculated", None],
                             "description": "Which costs the share is of (null without a share)."},
            "per_unit": {"type": "array", "items": _object({"max_euros": {"type": "integer", "minimum": 1},
                                                            "unit": _TEXT}),
                         "description": "Caps per unit, e.g. per pupil."},
            "per_project_min_euros": _EUROS,
            "per_project_max_euros": _EUROS,
            "budget_dependent": {"type": "boolean"},
            "budget_text": {**_nullable(_TEXT), "description": "The budget condition in the call's words."},
        }, "The money available."),
        "purpose": {**_nullable(_TEXT_OR_ENGLISH), "description": "Purpose and background (Markdown); null when not given."},
        "eligibility": _object({"applicant_types": {"type": "array", "items": _KEYED}, "text": _nullable(_TEXT_OR_ENGLISH)},
                               "Who may apply (text in Markdown)."),
        "stated_status": {"enum": ["under_assessment", "decided", None],
                          "description": "A status staff set where the dates cannot tell (null: the dates decide)."},
        "expected_decisions": {**_nullable(_TEXT), "description": "When decisions are expected, in the call's words."},
        "decisions": _nullable(_object({"date": _nullable(_DATE), "note": _nullable(_TEXT), "url": _nullable(_TEXT)})),
        "cancelled": _nullable(_object({"date": _DATE, "reason": _nullable(_TEXT)})),
        "changes": {"type": "array", "items": _object({"date": _DATE, "text": _TEXT}),
                    "description": "Change notes, newest first."},
        "derived": _object({
            "status": {"enum": ["upcoming", "open", "closing-soon", "continuous", "closed", "under-assessment",
                                "decided", "cancelled"]},
            "next_deadline": _nullable(_MOMENT),
        }, "DERIVED at build time (see derived_at), not written by staff: the status and the next deadline "
           "still ahead. They go stale as time passes; recompute them from rounds when it matters."),
    }, "One funding call.")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site.settings.absolute(site.settings.base_path + SCHEMA_NAME),
        "title": f"Funding calls of {site.settings.agency['fi']} / {site.settings.agency['sv']}",
        "description": f"Schema version {SCHEMA_VERSION}. Data licensed under {LICENCE['name']} ({LICENCE['url']}).",
        **_object({
            "$schema": {"type": "string"},
            "schema_version": {"const": SCHEMA_VERSION},
            "licence": _object({"name": {"const": LICENCE["name"]}, "url": {"const": LICENCE["url"]}}),
            "publisher": _TEXT,
            "derived_at": {**_MOMENT, "description": "The moment the derived values were computed for."},
            "calls": {"type": "array", "items": call},
        }),
    }


CSV_COLUMNS = ("id", "languages", "title_fi", "title_sv", "url_fi", "url_sv", "published", "grant_type", "tags",
               "opens", "closes", "continuous", "total_euros", "precision", "applicant_types",
               "decisions_date", "cancelled_date", "stated_status", "derived_status", "derived_next_deadline")


def calls_csv(records: Iterable[dict]) -> bytes:
    """One row per call (of :func:`call_record`); UTF-8 with a byte order mark so that
    spreadsheets read ä and å right. Text cells are quoted, those that would start a formula
    with a leading ``'`` (see the module's docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        rounds = record["rounds"]
        closes = [r["closes"] for r in rounds if r["closes"]]
        row = (
            record["id"], " ".join(record["languages"]), record["title"]["fi"] or "", record["title"]["sv"] or "",
            record["url"]["fi"] or "", record["url"]["sv"] or "",
            record["published"] or "", record["grant_type"], " ".join(t["key"] for t in record["tags"]),
            min((r["opens"] for r in rounds if r["opens"]), default=""), max(closes) if closes else "",
            "yes" if any(r["continuous"] for r in rounds) else "no",
            record["funding"]["total_euros"] or "", record["funding"]["precision"] or "",
            " ".join(a["key"] for a in record["eligibility"]["applicant_types"]),
            (record["decisions"]["date"] or "") if record["decisions"] else "",
            record["cancelled"]["date"] if record["cancelled"] else "", record["stated_status"] or "",
            record["derived"]["status"], record["derived"]["next_deadline"] or "",
        )
        writer.writerow(["'" + value if value.__class__ is str and value.startswith(_FORMULA_START) else value
                         for value in row])
    text = buffer.getvalue()
    found = _NOT_CSV.search(text)  # one pass over the file: a few times quicker than cell by cell
    if found is not None:
        row = text[text.rfind("\n", 0, found.start()) + 1:text.find("\r\n", found.start())]
        shown = row if len(row) <= 120 else row[:117] + "..."
        raise ValueError(f"U+{ord(found.group()):04X} in the row {shown!r} cannot be written in CSV "
                         "(validation should have refused it)")
    return ("\ufeff" + text).encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_CSV = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters other than tab and line breaks (which quoted cells carry)."""


def open_data_files(site: "Site", views: list["CallView"], now: dt.datetime) -> dict[str, Iterator[bytes]]:
    """Each open-data file as pieces of bytes, made as they are read: the JSON one call at a
    time (at 5,000 calls it is 30 MB), the same text as ``json.dumps(indent=2)``. Each call's
    record is made once, for both files (it refers to the call's own texts: the records take
    far less memory than the JSON)."""
    records = [call_record(site, view, now) for view in views]
    return {
        JSON_NAME: _ending_in_newline(iter_indented(calls_document(site, records, now))),
        SCHEMA_NAME: _ending_in_newline(iter_indented(calls_schema(site))),
        CSV_NAME: iter([calls_csv(records)]),
    }


def _ending_in_newline(pieces: Iterator[bytes]) -> Iterator[bytes]:
    yield from pieces
    yield b"\n"
