"""Finnish and Swedish formatting (Babel) and interface strings (gettext catalogs).

Every function takes the language explicitly; nothing reads the process locale
or the clock. Babel locales: ``fi`` and ``sv_FI`` (Finland-Swedish).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from babel.dates import format_date, format_time
from babel.numbers import format_compact_decimal, format_decimal, format_percent
from babel.support import Translations

from .. import messages  # for its compiled catalogs only: the site's words are not the staff's
from ..model.call import Amount, Round, has_time
from ..model.dates import HELSINKI

LOCALES = {"fi": "fi", "sv": "sv_FI"}
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska"}
HREFLANG = {"fi": "fi", "sv": "sv-FI"}
CATALOG_DIR = Path(__file__).parent / "locales"


@functools.lru_cache(maxsize=None)
def catalog_source(lang: str) -> bytes:
    """The bytes of ``locales/<lang>.po``."""
    return (CATALOG_DIR / f"{lang}.po").read_bytes()


@functools.lru_cache(maxsize=None)
def translations(lang: str) -> Translations:
    """The compiled catalog for ``lang``, read from ``locales/<lang>.po``."""
    return Translations(io.BytesIO(messages.compiled_catalog(catalog_source(lang), LOCALES[lang])))


def gettext(lang: str, message: str, **values) -> str:
    text = translations(lang).gettext(message)
    return text % values if values else text


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def format_day(value: dt.date | dt.datetime, lang: str) -> str:
    """``5.3.2020`` in both languages."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(HELSINKI).date()
    return format_date(value, format="short", locale=LOCALES[lang])


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def format_clock(value: dt.datetime, lang: str) -> str:
    """``16.15`` (Helsinki time)."""
    return format_time(value.astimezone(HELSINKI), format="short", locale=LOCALES[lang])


def format_moment(value: dt.datetime, lang: str, with_time: bool = True, with_zone: bool = True) -> str:
    """:func:`format_moment_of`, or for a deadline given as a day only, ``20.8.2026 (kellonaikaa ei
    ilmoitettu)``: the day, and that the call states no time."""
    if not has_time(value):
        return gettext(lang, "%(date)s (no time given)", date=format_day(value.day, lang))
    return format_moment_of(value, lang, with_time, with_zone)


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def format_moment_of(value: dt.datetime, lang: str, with_time: bool = True, with_zone: bool = True) -> str:
    """``20.8.2020 klo 16.15 (Suomen aikaa)`` / ``20.8.2020 kl. 16.15 (finsk tid)``: a time of day
    shown to readers says it is Helsinki time (readers abroad apply too). ``with_zone=False`` leaves
    the zone to a later moment that says it for both (the end of a period); a date alone has none."""
    if not with_time:
        return format_day(value, lang)
    message = "%(date)s at %(time)s (Finnish time)" if with_zone else "%(date)s at %(time)s"
    return gettext(lang, message, date=format_day(value, lang), time=format_clock(value, lang))


def format_english_moment(value: dt.datetime) -> str:
    """``20.8.2020 at 16.15 (Finnish time)``, for a call's "In English" part. The messages' own
    words are English; the date keeps the Finnish form, as in the rest of the page (an English
    locale's 20/08/2020 would read differently from the dates around it)."""
    if not has_time(value):
        return "%(date)s (no time given)" % {"date": format_day(value.day, "fi")}
    return "%(date)s at %(time)s (Finnish time)" % {"date": format_day(value, "fi"), "time": format_clock(value, "fi")}


def format_period(round_: Round, lang: str) -> str:
    """``5.3.2020 – 20.8.2020 klo 16.15 (Suomen aikaa)`` / ``5.3.2020–20.8.2020 kl. 16.15 (finsk tid)``."""
    # Cached by the moments, not by the round: hashing a model hashes every field.
    if round_.opens is None:
        return gettext(lang, "Continuous application")
    return _format_period(round_.opens.at, round_.opens.has_time, round_.closes, lang)


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def _format_period(opens: dt.datetime, opens_has_time: bool, closes: dt.datetime | None, lang: str) -> str:
    # The deadline (always with a time) says the zone for both ends: "5.3.2020 klo 9.00 – 20.8.2020
    # klo 16.15 (Suomen aikaa)"; templates/call-period.html follows the same rule.
    # (closes is a DayDeadline or a stated moment: they never compare equal, so the cache tells them apart)
    start = format_moment(opens, lang, opens_has_time, with_zone=closes is None or not has_time(closes))
    if closes is None:
        return gettext(lang, "from %(start)s, continuous application", start=start)
    return gettext(lang, "%(start)s – %(end)s", start=start, end=format_moment(closes, lang))


def format_extension(round_: Round, lang: str) -> str:
    """``Hakuaikaa on jatkettu 15.1.2027 klo 16.15 asti (Suomen aikaa). Alkuperäinen määräaika oli
    8.1.2027 klo 16.15 (Suomen aikaa).`` and the reason, if given: the note of an extended deadline."""
    extension = round_.extended
    text = gettext(lang, "The application period has been extended until %(new)s. The original deadline was "
                   "%(original)s.", new=format_moment(round_.closes, lang),
                   original=format_moment(extension.original, lang))
    if extension.reason is not None and extension.reason[lang]:
        text = f"{text} {extension.reason[lang]}"
    return text


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def format_euros(euros: int, lang: str) -> str:
    """``1,5 miljoonaa euroa`` / ``1,5 miljoner euro`` for round millions, else ``250 000 euroa``."""
    locale = LOCALES[lang]
    if euros >= 1_000_000 and euros % 10_000 == 0:
        number = format_compact_decimal(euros, format_type="long", locale=locale, fraction_digits=2)
        return translations(lang).ngettext("%(number)s euro", "%(number)s euros", 2) % {"number": number}
    number = format_decimal(euros, locale=locale)
    return translations(lang).ngettext("%(number)s euro", "%(number)s euros", euros) % {"number": number}


def format_amount(amount: Amount, lang: str) -> str:
    """``noin 1,5 miljoonaa euroa``, ``enintään 200 000 euroa``."""
    return _format_amount(amount.euros, amount.precision, lang)  # cached by value, as format_period


@functools.lru_cache(maxsize=8192)  # the same dates and amounts recur on many pages
def _format_amount(euros: int, precision: str, lang: str) -> str:
    money = format_euros(euros, lang)
    if precision == "approximately":
        return gettext(lang, "approximately %(amount)s", amount=money)
    if precision == "at_most":
        return gettext(lang, "at most %(amount)s", amount=money)
    return money


@functools.lru_cache(maxsize=256)
def format_share(percent: int, lang: str) -> str:
    """``90 %`` with the locale's spacing."""
    return format_percent(percent / 100, locale=LOCALES[lang])


def warm_up() -> None:
    """Load both locales' data (Babel reads it from disk on first use), e.g. before a fork."""
    for lang in LOCALES:
        translations(lang)
        format_day(dt.date(2020, 1, 1), lang)
        format_clock(dt.datetime(2020, 1, 1, 12, tzinfo=HELSINKI), lang)
        format_euros(1_500_000, lang)
        format_euros(250_000, lang)
        format_share(90, lang)


def days_left_forms(lang: str, deadline: dt.datetime) -> dict[str, str]:
    """The words for the days left to ``deadline``, as the page and callsite.js say them: ``one``
    and ``other`` with ``{n}`` for the number (the catalog's plural forms, which for fi and sv are
    CLDR's: one for 1, other otherwise; the script picks with Intl.PluralRules), and ``today``."""
    catalog = translations(lang)
    if has_time(deadline):
        today = gettext(lang, "last day today, closes at %(time)s (Finnish time)", time=format_clock(deadline, lang))
    else:
        today = gettext(lang, "last day today")
    return {"one": catalog.ngettext("%(n)s day left", "%(n)s days left", 1) % {"n": "{n}"},
            "other": catalog.ngettext("%(n)s day left", "%(n)s days left", 2) % {"n": "{n}"},
            "today": today}


def format_days_left(days: int, deadline: dt.datetime, lang: str) -> str:
    """``10 päivää jäljellä``, ``1 dag kvar``, ``viimeinen päivä tänään, sulkeutuu klo 16.15 (Suomen aikaa)``."""
    if days <= 0:
        return days_left_forms(lang, deadline)["today"]
    return translations(lang).ngettext("%(n)s day left", "%(n)s days left", days) % {
        "n": format_decimal(days, locale=LOCALES[lang])}


ONLY_IN = {"fi": "Only in Finnish", "sv": "Only in Swedish"}
"""What marks a call published in one language on the other language's pages (key: its language)."""
PUBLISHED_ONLY_IN = {"fi": "This call is published in Finnish only.", "sv": "This call is published in Swedish only."}


def only_in(call_lang: str, lang: str, *, in_brackets: bool = False) -> str:
    """"Endast på finska" (in ``lang``) for a call published in ``call_lang`` only; in brackets
    and lower case after a title: "(endast på finska)"."""
    text = gettext(lang, ONLY_IN[call_lang])
    return f"({text[:1].lower()}{text[1:]})" if in_brackets else text


def marked_title(title: str, call_lang: str, lang: str) -> str:
    """A call's title in its own language, marked for readers of ``lang`` when they differ."""
    return title if call_lang == lang else f"{title} {only_in(call_lang, lang, in_brackets=True)}"
