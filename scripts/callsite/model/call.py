"""The data model of a funding call: one YAML file in ``calls/`` per call.

Declared once, as frozen pydantic models with a docstring per field: the
docstrings are the field reference for staff, in hints and in the JSON Schema.
They are read from this file's source when first wanted (:func:`field_description`,
:func:`describe_fields`), not at import (pydantic's ``use_attribute_docstrings``
cost every command 25 ms).
A call is published in Finnish, Swedish or both (``languages``); its texts stand side by
side (``fi`` and ``sv``) and exist in exactly the call's languages, which
:mod:`callsite.model.validate` checks once the shapes are right.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import inspect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..messages import _
from .dates import HELSINKI as _HELSINKI
from .dates import DATE_PATTERN, DEADLINE_PATTERN, MOMENT_PATTERN, DateProblem, parse_date, parse_deadline, parse_moment

LANGUAGES = ("fi", "sv")


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, arbitrary_types_allowed=True,
    )


@dataclass(frozen=True)
class Moment:
    """A moment in Helsinki time, remembering whether staff gave a time of day."""

    at: dt.datetime
    has_time: bool


def _date_error(problem: DateProblem) -> PydanticCustomError:
    return PydanticCustomError("date_problem", problem.message, {"hint": problem.hint})


def _parsed_with(parse):
    """A before-validator: text goes through ``parse``; its DateProblem becomes a located error.

    The same text always means the same value (immutable: a date, a datetime, a frozen Moment),
    and calls repeat their dates: each text is parsed once per process (a tenth of the checks of
    a call, which the command does on one core while the other waits). A problem is not kept:
    it is worded in the language spoken when it is met."""
    parse = functools.lru_cache(maxsize=4096)(parse)

    def convert(value):
        if isinstance(value, str):
            try:
                return parse(value)
            except DateProblem as problem:
                raise _date_error(problem) from None
        return value

    return convert


_to_date = _parsed_with(parse_date)
_to_moment = _parsed_with(lambda text: Moment(*parse_moment(text, time_required=False)))
class DayDeadline(dt.datetime):
    """A deadline stated as a day with no time ("closes: 20.8.2026"): applications are taken to the
    end of that day in Helsinki, so the moment held is the next midnight, exclusive like every
    deadline (status, sorting and the status script need nothing else). Pages say the day and
    that no time was given (:attr:`day`, :attr:`has_time`); a time is never made up.

    A subclass rather than a flag beside ``closes``: pydantic keeps the instance, and every
    comparison stays right; a stated deadline at midnight is refused (dates.parse_deadline), so
    no stated moment equals one of these."""

    has_time = False

    @property
    def day(self) -> dt.date:
        """The last day for applications."""
        return self.astimezone(_HELSINKI).date() - dt.timedelta(days=1)

    @classmethod
    def ending(cls, day: dt.date) -> "DayDeadline":
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), _HELSINKI)
        return cls(end.year, end.month, end.day, tzinfo=_HELSINKI)


def _parse_any_deadline(text: str) -> dt.datetime:
    if re.fullmatch(DATE_PATTERN, text):
        return DayDeadline.ending(parse_date(text))
    return parse_deadline(text)


def has_time(moment: dt.datetime) -> bool:
    """Whether staff gave a deadline's time of day (False for a :class:`DayDeadline`)."""
    return getattr(moment, "has_time", True)


_to_deadline = _parsed_with(_parse_any_deadline)


def _to_euros(value):
    """Accept ``1500000`` and ``1 500 000`` (spaces as a Finn writes them)."""
    if isinstance(value, str) and re.fullmatch(r"\d{1,3}(?:[ \u00a0]\d{3})+|\d+", value.strip()):
        return int(re.sub(r"\s", "", value))
    return value


# Scalars are strict (no "yes" -> True, no 1597929300 -> datetime); dates arrive as text
# and are parsed by :mod:`callsite.dates` before pydantic sees them.
# WithJsonSchema: what editors see in the generated JSON Schema (text in the forms staff write).
Date = Annotated[dt.date, BeforeValidator(_to_date), Field(strict=True),
                 WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "examples": ["5.3.2026"]})]
OpeningMoment = Annotated[Moment, BeforeValidator(_to_moment),
                          WithJsonSchema({"type": "string", "pattern": MOMENT_PATTERN,
                                          "examples": ["5.3.2026", "5.3.2026 klo 9.00"]})]
Deadline = Annotated[dt.datetime, BeforeValidator(_to_deadline), Field(strict=True),
                     WithJsonSchema({"anyOf": [{"type": "string", "pattern": DEADLINE_PATTERN},
                                               {"type": "string", "pattern": DATE_PATTERN}],
                                     "examples": ["20.8.2026 klo 16.15", "20.8.2026"]})]
MAX_EUROS = 10**12
"""A thousand billion euros: far above any call, and far inside what every output format can carry
(JSON readers that hold numbers as doubles, 64-bit integers)."""
Euros = Annotated[int, BeforeValidator(_to_euros), Field(strict=True, gt=0, le=MAX_EUROS),
                  WithJsonSchema({"anyOf": [{"type": "integer", "exclusiveMinimum": 0, "maximum": MAX_EUROS},
                                            {"type": "string", "pattern": r"^[0-9]{1,3}(?:[ \u00a0][0-9]{3})+$"}],
                                  "examples": [1500000, "1 500 000"]})]
Flag = Annotated[bool, Field(strict=True)]
# Text refuses the control characters that YAML escapes can make ("\0", "\e", "\v"): XML 1.0
# cannot carry most of them, and a NUL or an escape sequence has no place on a page or in a
# spreadsheet. Newline and tab stay. Text made only of spaces, no-break spaces or invisible
# format characters (zero-width space) would publish an empty heading, so at least one visible
# character is required. Checked by pydantic's regex engine (linear in the text's length, and
# a fraction of a microsecond per value); validate.py says which rule a value broke.
CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff"
TEXT_PATTERN = rf"^[^{CONTROL_CHARACTERS}]*[^{CONTROL_CHARACTERS}\s\p{{Z}}\p{{Cf}}][^{CONTROL_CHARACTERS}]*$"
NonEmpty = Annotated[str, Field(strict=True, min_length=1, pattern=TEXT_PATTERN),
                     WithJsonSchema({"type": "string", "minLength": 1})]
Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
Url = Annotated[str, Field(strict=True, min_length=1, pattern=rf"^[^{CONTROL_CHARACTERS}]+$"),
                WithJsonSchema({"type": "string", "minLength": 1})]


Lang = Literal["fi", "sv"]
"""A language a call is published in."""


class PerLanguage(Strict):
    """A value per language; which languages it must have is the call's to say (``languages``)."""

    def __getitem__(self, lang: str):
        """``text["fi"]``, or None where the value has no text in that language: templates write
        ``call.title[lang]``, which Jinja tries as an item before it tries an attribute (a model
        without this raised and caught an error each time)."""
        if lang == "fi":
            return self.fi
        if lang == "sv":
            return self.sv
        if lang == "en" and "en" in type(self).model_fields:  # only the texts that may have an English version
            return self.en
        raise KeyError(lang)


class Text(PerLanguage):
    """A short text in the call's languages."""

    fi: Optional[NonEmpty] = None
    """Finnish text."""
    sv: Optional[NonEmpty] = None
    """Swedish text."""


class Markdown(Text):
    """A longer text in the call's languages; Markdown allowed (lists, links, emphasis), raw HTML not."""


class TextOrEnglish(Text):
    """A short text in the call's languages, and in English if the call gives one (optional)."""

    en: Optional[NonEmpty] = None
    """English text, optional: shown on the call's pages under "In English"."""


class MarkdownOrEnglish(Markdown):
    """A longer text in the call's languages, and in English if the call gives one (optional)."""

    en: Optional[NonEmpty] = None
    """English text, optional: shown on the call's pages under "In English"."""


class Slugs(PerLanguage):
    """The last part of the page address in each of the call's languages, e.g. ``innovatiiviset-oppimisymparistot-2020``."""

    fi: Optional[Slug] = None
    """Finnish address part: lowercase letters a-z, digits and hyphens."""
    sv: Optional[Slug] = None
    """Swedish address part: lowercase letters a-z, digits and hyphens."""


class Urls(PerLanguage):
    """A link target in each of the call's languages (the same address may be given twice)."""

    fi: Optional[Url] = None
    """Address for the Finnish page."""
    sv: Optional[Url] = None
    """Address for the Swedish page."""


GrantType = Literal["general", "special"]
StatedStatus = Literal["under_assessment", "decided"]
Precision = Literal["exact", "approximately", "at_most"]
CostBase = Literal["total", "eligible", "calculated"]
LinkKind = Literal["application", "announcement", "attachment", "more_info"]


class Amount(Strict):
    """An amount of money in euros and how exact it is."""

    euros: Euros
    """Whole euros, e.g. 1500000 or "1 500 000"."""
    precision: Precision = "exact"
    """exact, approximately ("noin" / "cirka") or at_most ("enintään" / "högst")."""


class Pot(Strict):
    """A named part of the money, e.g. one per focus area or applicant group."""

    name: Text
    """Name of the part in both languages."""
    amount: Amount
    """Money in this part."""


class PerProject(Strict):
    """Limits for one project's grant."""

    min_euros: Optional[Euros] = None
    """Smallest grant given to one project."""
    max_euros: Optional[Euros] = None
    """Largest grant given to one project."""

    @model_validator(mode="after")
    def _ordered(self):
        if self.min_euros and self.max_euros and self.min_euros > self.max_euros:
            raise PydanticCustomError("order", _("the smallest grant is larger than the largest grant"),
                                      {"hint": _("swap min_euros and max_euros")})
        if not self.min_euros and not self.max_euros:
            raise PydanticCustomError("empty", _("give min_euros, max_euros or both"),
                                      {"hint": _("or delete per_project")})
        return self


class PerUnit(Strict):
    """A cap per unit: at most so many euros per pupil, per student, per participant."""

    max_euros: Euros
    """The largest grant per unit, e.g. 150."""
    unit: Text
    """Per what, as it continues "enintään 150 euroa ..." / "högst 150 euro ...", e.g.
    {fi: oppilasta kohden, sv: per elev}."""


class Funding(Strict):
    """The money available in this call."""

    total: Optional[Amount] = None
    """All money available, if the call states it. Leave out when it does not (the money is per
    pupil, by formula, or not announced): the page then states no sum, or says what ``text`` says."""
    purpose: Optional[Text] = None
    """What the money is for, continuing the sentence "Opetushallitus asettaa haettaviksi noin 1,5 miljoonaa
    euroa ..." / "Utbildningsstyrelsen utlyser cirka 1,5 miljoner euro ...", e.g.
    "innovatiivisten oppimisympäristöjen edistämiseen"."""
    text: Optional[TextOrEnglish] = None
    """The money in the call's own words, for what the fields cannot say, e.g. "Avustusta myönnetään
    enintään 150 euroa oppilasta kohden." Shown as written, after the sentence on the total if there is one."""
    pots: tuple[Pot, ...] = ()
    """Optional split of the money into named parts."""
    max_aid_share: Optional[Annotated[int, Field(strict=True, ge=1, le=100)]] = None
    """Largest share of a project's costs that the grant covers, in per cent (e.g. 90);
    the page then also states the smallest self-financing share (10 %)."""
    aid_share_of: CostBase = "total"
    """Which costs max_aid_share is a share of: total (the project's total costs, the default),
    eligible (its eligible costs) or calculated (its calculated costs, laskennalliset kustannukset)."""
    per_project: Optional[PerProject] = None
    """Optional limits for one project's grant."""
    per_unit: tuple[PerUnit, ...] = ()
    """Caps per unit, e.g. at most 150 euros per pupil: [{max_euros: 150, unit: {fi: oppilasta kohden,
    sv: per elev}}]."""
    budget_dependent: Flag = False
    """true if the money depends on Parliament approving the state budget."""
    budget_text: Optional[Text] = None
    """The budget condition in the call's own words (e.g. a supplementary budget), shown instead of
    the standard sentence; setting it implies budget_dependent."""


class Link(Strict):
    """A link with a label and an address in each language."""

    kind: LinkKind
    """application (the form in the grant system), announcement, attachment or more_info."""
    label: Text
    """Link text in both languages."""
    url: Urls
    """Address in both languages: https://, http:// or mailto:."""


class Extension(Strict):
    """The deadline was extended: the round's ``closes`` is the new deadline, this keeps the original."""

    original: Deadline
    """The deadline first announced, e.g. 8.1.2027 klo 16.15; the page shows it beside the new one."""
    date: Optional[Date] = None
    """When the deadline was extended, e.g. 20.12.2026; with it the change is listed under "Päivitetty" /
    "Uppdaterad" and in the feeds."""
    reason: Optional[Text] = None
    """Optional reason shown on the page, e.g. "Hakujärjestelmän käyttökatkon vuoksi"."""


class Round(Strict):
    """One application period, e.g. one round or one applicant group."""

    name: Optional[Text] = None
    """Name of the round; required when the call has several rounds."""
    opens: Optional[OpeningMoment] = None
    """Opening date, time optional: 5.3.2020 or 5.3.2020 klo 9.00 (Helsinki time). A continuous round
    may leave it out when the call states none (it is then open from its publication)."""
    closes: Optional[Deadline] = None
    """Closing date with time: 20.8.2020 klo 16.15 (Helsinki time); a date alone (20.8.2020) where the call
    states no time: applications are then taken to the end of that day, and the page says no time was given.
    Leave out for continuous application."""
    continuous: Flag = False
    """true for continuous application with no closing date (decisions several times a year)."""
    collection_dates: tuple[Date, ...] = ()
    """Continuous application only: the dates on which the applications received so far are collected
    for processing, e.g. [15.3.2027, 15.6.2027]."""
    collection: Optional[Text] = None
    """Continuous application only: when applications are processed, in the call's words, e.g.
    "Hakemukset käsitellään 2–3 kertaa vuodessa."."""
    extended: Optional[Extension] = None
    """Set when the deadline was extended: the original deadline (and when and why)."""
    amount: Optional[Amount] = None
    """Money for this round or group, when they have their own."""
    languages: Optional[tuple[Lang, ...]] = Field(default=None, min_length=1)
    """The pages this round or group is shown on, e.g. [sv] for a group the Finnish call does not
    cover; leave out to show it on every page of the call. Its texts are then needed in these only."""
    description: Optional[Markdown] = None
    """What this group funds, when the call has groups (hakuryhmä A, B, C) with their own content."""
    eligibility: Optional[Markdown] = None
    """Who may apply to this group, when it differs from the rest of the call."""
    links: tuple[Link, ...] = ()
    """This group's own links, e.g. its application form."""

    @model_validator(mode="after")
    def _period(self):
        if self.continuous and self.closes is not None:
            raise PydanticCustomError("period", _("a continuous round has no closing date"),
                                      {"hint": _("delete closes, or set continuous: false")})
        if not self.continuous and self.closes is None:
            raise PydanticCustomError("period", _("the closing date (closes) is missing"),
                                      {"hint": _("add e.g. closes: 20.8.2026 klo 16.15, "
                                                 "or continuous: true for continuous application")})
        if not self.continuous and self.opens is None:
            raise PydanticCustomError("period", _("the opening date (opens) is missing"),
                                      {"hint": _("add e.g. opens: 5.3.2026; only continuous application "
                                                 "(continuous: true) may go without one")})
        if self.closes is not None and self.opens is not None and self.closes <= self.opens.at:
            raise PydanticCustomError("period", _("the call closes before it opens"),
                                      {"hint": _("check the dates of opens and closes")})
        if not self.continuous and (self.collection_dates or self.collection is not None):
            raise PydanticCustomError("period", _("collection dates belong to continuous application only"),
                                      {"hint": _("delete collection_dates and collection, or set continuous: true")})
        if self.extended is not None:
            if self.closes is None:
                raise PydanticCustomError("period", _("only a closing date can be extended"),
                                          {"hint": _("delete extended, or give closes")})
            if self.extended.original >= self.closes:
                raise PydanticCustomError("period", _("the extended deadline (closes) is not later than the "
                                            "original one (extended.original)"),
                                          {"hint": _("closes is the new deadline; extended.original the one first announced")})
        return self

    @property
    def dated_collections(self) -> tuple[dt.date, ...]:
        return tuple(sorted(self.collection_dates))

    @property
    def states_collection(self) -> bool:
        """Whether the round says when applications are collected (dates or words)."""
        return bool(self.collection_dates or self.collection)


class FocusAreas(Strict):
    """The focus areas (painopisteet / prioriteringar) projects may choose from."""

    intro: Optional[Text] = None
    """Sentence before the list, e.g. "Hankkeet voivat keskittyä yhteen tai useampaan painopisteeseen"."""
    items: tuple[Markdown, ...] = Field(min_length=1)
    """The focus areas, one list item each."""


class Eligibility(Strict):
    """Who may apply."""

    applicant_types: tuple[Key, ...] = Field(min_length=1)
    """Applicant types from calls/_vocabulary.yaml, e.g. municipality."""
    text: Optional[MarkdownOrEnglish] = None
    """Who may apply, in full sentences; leave out when the applicant types say it all."""
    participants_without_aid: Optional[Markdown] = None
    """Who may take part without receiving aid, e.g. state-run schools."""


class JobTitle(PerLanguage):
    """A job title per language; one may be missing (the page in that language shows the name only,
    and ``callsite check`` warns where a bilingual call's contact lacks the Swedish one)."""

    fi: Optional[NonEmpty] = None
    """Finnish job title, e.g. opetusneuvos."""
    sv: Optional[NonEmpty] = None
    """Swedish job title, e.g. undervisningsråd. Without it the Swedish page shows the name only."""


class Contact(Strict):
    """A person to ask about the call."""

    name: NonEmpty
    """Full name."""
    languages: Optional[tuple[Lang, ...]] = Field(default=None, min_length=1)
    """The pages this contact is shown on, e.g. [sv] for a Swedish-speaking contact on the Swedish page
    only; leave out to show the contact on every page of the call."""
    title: Optional[JobTitle] = None
    """Job title in both languages."""
    email: Optional[Annotated[str, Field(strict=True, pattern=rf"^[^@\s{CONTROL_CHARACTERS}]+@[^@\s{CONTROL_CHARACTERS}]+"
                                                      rf"\.[^@\s{CONTROL_CHARACTERS}]+$")]] = None
    """Email address."""
    phone: Optional[NonEmpty] = None
    """Phone number, e.g. +358 29 533 1000."""


class Decisions(Strict):
    """Set when the funding decisions have been made; every part is optional (``decisions: {}`` or
    ``status: decided`` say "decided" with nothing more known)."""

    date: Optional[Date] = None
    """Date the decisions were published, if known."""
    note: Optional[Text] = None
    """Optional note on the decisions, e.g. "Päätökset on lähetetty hakijoille sähköpostitse."."""
    url: Optional[Urls] = None
    """Optional link to the decisions."""


class Cancellation(Strict):
    """Set when the call has been cancelled."""

    date: Date
    """Date of cancellation."""
    reason: Optional[Text] = None
    """Optional reason shown on the page."""


class ChangeNote(Strict):
    """A dated note on what changed after publication, shown under "Päivitetty" / "Uppdaterad"."""

    date: Date
    """Date of the change, e.g. 24.11.2026."""
    text: Text
    """What changed, in both languages, e.g. "Hakuaikaa jatkettu 15.1.2027 asti." /
    "Ansökningstiden har förlängts till 15.1.2027."."""


class Call(Strict):
    """One funding call (rahoitushaku / utlysning)."""

    id: Key
    """Stable identifier; never change it once published (feeds and calendars use it)."""
    languages: tuple[Lang, ...] = Field(default=("fi", "sv"), min_length=1)
    """The languages the call is published in: [fi, sv] (the default), [fi] or [sv]. Every text of
    the call is written in these languages, and only in these; a call in one language gets a page
    in that language only, and the other language's listings point to it. An English version of
    the title, purpose, eligibility and money texts (``en``) is optional: the call's pages then
    have an "In English" part."""
    slug: Slugs
    """Page address part in each language."""
    title: TextOrEnglish
    """Title in the call's languages (and in English, optional: the heading of the page's "In English" part)."""
    published: Optional[Date] = None
    """Publication date, e.g. 5.3.2020; leave out to publish on the first opening date (a continuous
    call with neither is published at once and shows no publication date)."""
    draft: Flag = False
    """true while the call is being prepared: it is then shown only in the staff preview (with a
    "Luonnos" / "Utkast" banner) and never on the public site. Delete the line to publish."""
    funder: Optional[Key] = None
    """Who grants the money, from the funders of calls/_vocabulary.yaml (e.g. okm for the Ministry of
    Education and Culture); leave out when it is the agency that publishes the site."""
    grant_type: GrantType
    """general (yleisavustus / allmänt understöd) or special (erityisavustus / specialunderstöd)."""
    tags: tuple[Key, ...] = Field(min_length=1)
    """Topic tags from calls/_vocabulary.yaml, e.g. [esiopetus, perusopetus]."""
    rounds: tuple[Round, ...] = Field(min_length=1)
    """Application periods: one, or several rounds or applicant groups."""
    funding: Funding
    """The money available."""
    purpose: Optional[MarkdownOrEnglish] = None
    """Purpose and background of the grant, if the call gives them."""
    focus_areas: Optional[FocusAreas] = None
    """Optional list of focus areas."""
    requirements: Optional[Markdown] = None
    """Optional text on what funded projects must deliver."""
    eligibility: Eligibility
    """Who may apply."""
    selection_criteria: Optional[Markdown] = None
    """Optional selection criteria."""
    legal_basis: Optional[Markdown] = None
    """Optional legal basis, e.g. Valtionavustuslaki (688/2001)."""
    contacts: tuple[Contact, ...] = ()
    """People to ask."""
    links: tuple[Link, ...] = ()
    """Application form, announcement, attachments, further information."""
    status: Optional[StatedStatus] = None
    """Set by staff where dates cannot tell: under_assessment ("Arvioitavana" / "Under bedömning") once
    the application period has ended, or decided ("Ratkaistu" / "Avgjord") when the decisions are made
    but their date is not known (with a date, use decisions). Leave out otherwise: the status follows
    the dates."""
    expected_decisions: Optional[Text] = None
    """When the decisions are expected, in the call's words, e.g. "arviolta kesäkuussa 2026" /
    "beräknas i juni 2026"; shown after "Päätökset:" / "Besluten:" until the call is decided."""
    decisions: Optional[Decisions] = None
    """Set when the decisions are made: their date, a note and a link, each if known."""
    cancelled: Optional[Cancellation] = None
    """Set when the call is cancelled."""
    changes: tuple[ChangeNote, ...] = ()
    """Change notes after publication, e.g. an extended deadline; the page shows them newest first."""

    @field_validator("languages")
    @classmethod
    def _languages_once(cls, languages):
        if len(set(languages)) != len(languages):
            raise PydanticCustomError("languages", _("a language is given twice"),
                                      {"hint": _("write each language once, e.g. languages: [fi, sv]")})
        return languages

    @model_validator(mode="after")
    def _stated_status(self):
        if self.status == "under_assessment" and self.decisions is not None:
            raise PydanticCustomError("status", _("the call has decisions, so it is decided, not under assessment"),
                                      {"hint": _("delete status: under_assessment (or decisions, if they are "
                                                 "not made yet)")})
        if self.status is not None and self.cancelled is not None:
            raise PydanticCustomError("status", _("a cancelled call has no other status"),
                                      {"hint": _("delete status, or cancelled")})
        return self

    @model_validator(mode="after")
    def _round_languages(self):
        for round_ in self.rounds:
            if round_.languages is not None and not set(round_.languages) <= set(self.languages):
                raise PydanticCustomError("languages", _("a round is shown in a language the call is not published in"),
                                          {"hint": _("give the round's languages from the call's own: {languages}")
                                           .format(languages=", ".join(self.languages))})
        if not any(round_.languages is None or lang in round_.languages
                   for lang in self.languages for round_ in self.rounds) or not all(
                any(round_.languages is None or lang in round_.languages for round_ in self.rounds)
                for lang in self.languages):
            raise PydanticCustomError("languages", _("a page of the call would have no round"),
                                      {"hint": _("every language of the call needs at least one round shown in it")})
        return self

    @model_validator(mode="after")
    def _named_rounds(self):
        if len(self.rounds) > 1 and any(r.name is None for r in self.rounds):
            raise PydanticCustomError("rounds", _("when a call has several rounds, every round needs a name"),
                                      {"hint": _("add name: {fi: ..., sv: ...} to each round")})
        return self

    @property
    def changes_newest_first(self) -> tuple[ChangeNote, ...]:
        """Change notes, newest first; notes of one day keep the order staff wrote them in."""
        return tuple(sorted(self.changes, key=lambda note: note.date, reverse=True))

    @property
    def first_opening(self) -> dt.datetime | None:
        """The earliest stated opening; None for continuous application with no date at all."""
        stated = [r.opens.at for r in self.rounds if r.opens is not None]
        return min(stated) if stated else None

    @property
    def published_on(self) -> dt.date | None:
        """The publication date as staff gave it, else the first opening's date (documented in the
        guides); None when the call states neither (continuous application: published at once)."""
        if self.published is not None:
            return self.published
        first = self.first_opening
        return None if first is None else first.astimezone(_HELSINKI).date()

    @property
    def is_decided(self) -> bool:
        return self.decisions is not None or self.status == "decided"

    @property
    def sort_moment(self) -> dt.datetime:
        """Where the call sits among others by time: its first opening, else its publication, else
        the far past (a continuous call with no date at all)."""
        first = self.first_opening
        if first is not None:
            return first
        if self.published is not None:
            return dt.datetime.combine(self.published, dt.time(), _HELSINKI)
        return dt.datetime(2000, 1, 1, tzinfo=_HELSINKI)


class Label(Strict):
    """A vocabulary entry's label in both languages."""

    fi: NonEmpty
    sv: NonEmpty


class Vocabulary(Strict):
    """Controlled vocabularies, kept in ``calls/_vocabulary.yaml``."""

    tags: dict[Key, Label]
    """Topic tags: key -> labels."""
    applicant_types: dict[Key, Label]
    """Applicant types: key -> labels (plural, lowercase: "kunnat" / "kommuner")."""
    funders: dict[Key, Label] = {}
    """Funders other than the site's agency: key -> names, e.g. okm: {fi: Opetus- ja kulttuuriministeriö,
    sv: Undervisnings- och kulturministeriet}."""


@functools.cache
def _attribute_docstrings() -> dict[str, dict[str, str]]:
    """Class name -> field name -> the docstring written right under the field, as pydantic's
    ``use_attribute_docstrings`` reads them (a string statement straight after an annotated name)."""
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    docs: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            docs[node.name] = {
                stmt.target.id: inspect.cleandoc(after.value.value)
                for stmt, after in zip(node.body, node.body[1:])
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            }
    return docs


def field_description(model: type[BaseModel], name: str) -> str | None:
    """The description of ``model``'s field ``name``: given with ``Field(description=...)``, or
    its docstring (inherited ones included); None for no such field or none written."""
    field = model.model_fields.get(name)
    if field is None:
        return None
    if field.description is not None:
        return field.description
    docs = _attribute_docstrings()
    return next((docs[cls.__name__][name] for cls in model.__mro__
                 if name in docs.get(cls.__name__, {})), None)


@functools.cache
def describe_fields() -> None:
    """Give every field of every model its docstring as description and rebuild the models
    (innermost first, as declared), so that their JSON Schema carries them."""
    models = [value for value in globals().values()
              if isinstance(value, type) and issubclass(value, Strict) and value is not Strict]
    for model in models:
        for name, field in model.model_fields.items():
            if field.description is None:
                field.description = field_description(model, name)
        model.model_rebuild(force=True)
