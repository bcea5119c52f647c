"""Newsletter signup: the form's settings, checked before a production build. Never imports MkDocs.

The form is plain HTML and posts straight to the agency's newsletter provider (any provider
that accepts an HTML form): action URL, method, the name of the email field and hidden
fields per language come from ``extra.callsite`` in ``mkdocs.yml``, checked as they are read
(:mod:`callsite.settings`: an http:// or javascript: address never reaches a page). A
production build with no endpoint fails before anything is written: a form that posts
nowhere must never ship.
The staff preview builds without one and shows a note in the form's place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import _
from ..model.call import LANGUAGES
from ..model.settings import Settings
from ..problems import InputError, Problem



@dataclass(frozen=True)
class Form:
    """What the template needs to draw the form in one language."""

    configured: bool
    action: str
    method: str
    email_field: str
    honeypot_field: str
    hidden: tuple
    """(name, value) pairs."""
    privacy_url: str


def form_for(settings: Settings, lang: str) -> Form:
    # The settings have been checked as they were read (callsite.settings): the action is https://
    # (or empty), the method post or get, the field names safe in HTML, the privacy notice a web
    # address or a page of this site.
    return Form(
        configured=bool(settings.newsletter_action),
        action=settings.newsletter_action,
        method=settings.newsletter_method,
        email_field=settings.newsletter_email_field,
        honeypot_field=settings.newsletter_honeypot_field,
        hidden=tuple(settings.newsletter_hidden_fields.get(lang, {}).items()),
        privacy_url=settings.newsletter_privacy_url.get(lang, ""),
    )


def endpoint_problems(settings: Settings, config_file: Path | str = "mkdocs.yml") -> list[Problem]:
    """What a production build needs of the newsletter settings and they lack (empty: nothing).
    What is there has been checked as the settings were read (:func:`callsite.settings.load_settings`)."""

    def problem(field: str, message: str, hint: str) -> Problem:
        return Problem(str(config_file), 0, 0, f"extra.callsite.{field}", message, hint)

    problems = []
    if not settings.newsletter_action:
        problems.append(problem(
            "newsletter_action", _("no newsletter endpoint is configured: the signup form would post nowhere"),
            _("set newsletter_action to the form address your newsletter provider gives "
              "(e.g. https://uutiskirje.example.fi/subscribe), or build with --preview")))
    for lang in LANGUAGES:
        if not settings.newsletter_privacy_url.get(lang):
            problems.append(problem(f"newsletter_privacy_url.{lang}",
                                    _("no privacy notice address for {lang}").format(lang=lang),
                                    _("the consent text links to the privacy notice in each language")))
    return problems


def require_endpoint(settings: Settings, preview: bool, config_file: Path | str = "mkdocs.yml") -> None:
    """Raise :class:`InputError` in a production build whose newsletter settings are missing or wrong."""
    if preview:
        return
    problems = endpoint_problems(settings, config_file)
    if problems:
        raise InputError(problems)
