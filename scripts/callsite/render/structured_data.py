"""schema.org JSON-LD for call pages. Never imports MkDocs.

schema.org has no "call for applications"; the closest types are ``MonetaryGrant`` (the
money, with its ``funder`` and ``amount``) within a ``FundingScheme`` (the agency's grant
programme). The application period is given as ``temporalCoverage`` (an ISO 8601 interval
per round) and each deadline as ``expires`` of the grant page; who may apply is the ``audience``.
Serialised as :func:`json.dumps` does it (:mod:`callsite.jsontext`); ``<``, ``>`` and ``&``
are escaped as JSON unicode escapes so no YAML text can close the ``<script>`` element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.call import Call, has_time
from ..model.dates import HELSINKI
from .jsontext import dumps_compact

if TYPE_CHECKING:  # pragma: no cover
    from .pages import Site
    from ..site.status import CallView

LANGUAGE_TAGS = {"fi": "fi", "sv": "sv-FI"}


def call_json_ld(site: "Site", view: "CallView", lang: str) -> dict:
    call: Call = view.call
    url = site.settings.absolute(site.url(lang, site.call_path(call, lang)))
    other = "sv" if lang == "fi" else "fi"
    funder = {"@type": "GovernmentOrganization", "name": site.funder_name(call, lang),
              "alternateName": site.funder_name(call, other)}
    if call.funder is None:
        funder["url"] = "https://www.oph.fi/" + ("fi" if lang == "fi" else "sv")
    total = call.funding.total
    amount = None
    if total is not None:  # a sum only where the call states one
        amount = {"@type": "MonetaryAmount", "currency": "EUR",
                  "maxValue" if total.precision == "at_most" else "value": total.euros}
    periods = []
    for round_ in call.rounds:
        if round_.opens is None:  # ISO 8601 open start: continuous application from no stated day
            start_text = ".."
        else:
            start = round_.opens.at.astimezone(HELSINKI)
            start_text = start.isoformat() if round_.opens.has_time else start.date().isoformat()
        if round_.closes is None:
            end_text = ".."
        elif has_time(round_.closes):
            end_text = round_.closes.astimezone(HELSINKI).isoformat()
        else:  # the last day, as staff gave it
            end_text = round_.closes.day.isoformat()
        periods.append(f"{start_text}/{end_text}")
    vocabulary = site.catalog.vocabulary
    data = {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "@id": url + "#grant",
        "name": getattr(call.title, lang),
        "description": site.description(call, lang),
        "url": url,
        "inLanguage": LANGUAGE_TAGS[lang],
        "identifier": call.id,
        **({"datePublished": call.published_on.isoformat()} if call.published_on is not None else {}),
        "funder": funder,
        **({"amount": amount} if amount is not None else {}),
        "temporalCoverage": periods[0] if len(periods) == 1 else periods,
        "keywords": [getattr(vocabulary.tags[tag], lang) for tag in call.tags],
        "audience": [{"@type": "Audience", "audienceType": getattr(vocabulary.applicant_types[key], lang)}
                     for key in call.eligibility.applicant_types],
        "isPartOf": {"@type": "FundingScheme", "name": {
            "general": {"fi": "Valtionavustukset (yleisavustus)", "sv": "Statsunderstöd (allmänt understöd)"},
            "special": {"fi": "Valtionavustukset (erityisavustus)", "sv": "Statsunderstöd (specialunderstöd)"},
        }[call.grant_type][lang], "funder": funder},
    }
    closes = [r.closes for r in call.rounds if r.closes is not None]
    if closes:
        data["expires"] = max(closes).astimezone(HELSINKI).isoformat()
    modified = [note.date for note in call.changes] + [
        r.extended.date for r in call.rounds if r.extended is not None and r.extended.date is not None]
    if modified:
        data["dateModified"] = max(modified).isoformat()
    return data


def script_tag(data: dict) -> str:
    """A ``<script type="application/ld+json">`` element, safe to put in HTML."""
    text = dumps_compact(data).decode("utf-8")
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def call_head(site: "Site", view: "CallView", lang: str) -> str:
    return script_tag(call_json_ld(site, view, lang))
