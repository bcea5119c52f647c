"""Site settings: read once at the entry point, then passed down (never global).

Declared once, as a frozen pydantic model with a docstring per field, like the call model
(:mod:`callsite.model`). :func:`load_settings` reads them from ``mkdocs.yml`` (``site_url``,
``extra.callsite`` and the footer links under ``extra.callsite_footer``) without MkDocs, and
reports every problem at once, each at its line and column, as a call file's are: whatever
is published from here (links in every page's footer, the newsletter form) has been checked
first. ``Settings()`` gives the defaults (used when there is no ``mkdocs.yml``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Optional
from urllib.parse import SplitResult, urlsplit

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ..messages import N_, _
from ..problems import InputError, Problem
from ..source.yamlsource import Document, describe, format_path, syntax_problem
from .branding import Colours, LogoPath
from .call import LANGUAGES
from .dates import DateProblem, parse_date
from .validate import MISSING_TEXT, _closest, _describe_value_error, _model_at, describe_unusable_text

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
"""Hosts a newsletter endpoint may be reached on with plain http:// (a test endpoint on this computer)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Characters that have no place in an address as written in an attribute (RFC 3986 leaves them out).
_URL_UNSAFE = re.compile(r"[\s\"<>\\^`{|}\x00-\x1f\x7f]")
_FIELD_NAME = re.compile(r"[A-Za-z0-9_\-\[\]]+")
_HOST_LABEL = r"[^\W_](?:[^\W_]|-){0,62}"
_HOST = re.compile(rf"(?=.{{1,253}}$){_HOST_LABEL}(?:\.{_HOST_LABEL})*")
_CLOCK = re.compile(r"(?:klo\s*)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?")  # as callsite.lint reads them
_SITE_PATH = re.compile(r"[A-Za-z0-9_\-./]+")
_EMAIL = re.compile(r"[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@(.+)")
_PHONE = re.compile(r"\+?[0-9][0-9 ()\-]*[0-9]")


def _problem(message: str, hint: str = "") -> PydanticCustomError:
    """A located error with our own message (kept out of pydantic's template: it may hold braces)."""
    return PydanticCustomError("setting", "{message}", {"message": message, "hint": hint})


def _split(url: str) -> SplitResult | None:
    """``urlsplit`` of a web address with a host, or None (a bad port or IPv6 host raises in urlsplit)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  raises ValueError for a port that is not a number
    except ValueError:
        return None
    if parts.scheme not in ("https", "http") or not url.startswith(parts.scheme + "://") or not parts.hostname:
        return None
    if _URL_UNSAFE.search(url) or "@" in parts.netloc:
        return None
    return parts


def _plain_text(value: str) -> str:
    unusable = describe_unusable_text(value)  # as a call's text: a control character, nothing visible
    if unusable is not None:
        raise _problem(*unusable)
    if _CONTROL.search(value):  # what a call's text may hold, but a name or a link text may not
        raise _problem(_("the text {text} has a line break or a tab in it").format(text=repr(value)),
                       _("write it on one line"))
    return value


def _site_url(value: str) -> str:
    parts = _split(value)
    if parts is None:
        raise _problem(_("expected the full address of the site, starting with https://, found {found}").format(
            found=describe(value)), _("write the address the site is published at, e.g. https://rahoitushaut.example.fi/"))
    if parts.query or parts.fragment:
        raise _problem(_("the site address {address} has a ? or # part").format(address=repr(value)),
                       _("write the address of the site's front page only, e.g. https://rahoitushaut.example.fi/"))
    return value if value.endswith("/") else value + "/"  # as the other addresses are made from it


def _newsletter_action(value: str) -> str:
    if value == "":
        return value
    parts = _split(value)
    if parts is None:
        raise _problem(_("expected the form address your newsletter provider gives, starting with https://, "
                         "found {found}").format(found=describe(value)),
                       _("e.g. https://uutiskirje.example.fi/subscribe"))
    if parts.scheme != "https" and parts.hostname not in LOCAL_HOSTS:
        raise _problem(_("the newsletter endpoint {address} is not an https:// address").format(address=repr(value)),
                       _("readers' email addresses must travel encrypted: use https://"))
    return value


def _field_name(value: str) -> str:
    if not _FIELD_NAME.fullmatch(value):
        raise _problem(_("expected a form field name (letters, digits and _ - [ ]), found {found}").format(
            found=describe(value)), _("use the name your newsletter provider's form uses, e.g. email"))
    return value


def _hidden_value(value: str) -> str:
    if _CONTROL.search(value):
        raise _problem(_("the value {value} has a line break or another control character in it").format(
            value=repr(value)), _("write it on one line, as plain text"))
    return value


def _link_target(value: str) -> str:
    if value.startswith(("https://", "http://")) and _split(value) is not None:
        return value
    if value.startswith("/") and not value.startswith(("//", "/\\")) and not _URL_UNSAFE.search(value):
        return value
    raise _problem(_("expected an address starting with https:// or http://, or a page of this site "
                     "starting with /, found {found}").format(found=describe(value)),
                   _("copy the full address of the privacy notice from the browser's address bar"))


def _empty_as_none(value: Any) -> Any:
    return None if value == "" else value


def _clock(value: str) -> str:
    match = _CLOCK.fullmatch(value.strip())
    hour, minute, second = (int(g or 0) for g in match.groups()) if match else (99, 0, 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _problem(_("expected a time of day such as 16.15, found {found}").format(found=describe(value)),
                       _('write hours.minutes in Helsinki time, in quotes, e.g. "16.15"'))
    return value


def _host(value: str) -> str:
    host = value.strip().lower()
    if not _HOST.fullmatch(host):
        hint = (_("write the host name only, without https:// or a path, e.g. oph.fi") if "/" in host or ":" in host
                else _("write a host name such as oph.fi"))
        raise _problem(_("expected a host name such as oph.fi, found {found}").format(found=describe(value)), hint)
    return host


def _footer_path(value: str) -> str:
    if value.startswith("https://"):
        if _split(value) is not None:
            return value
        hint = _("copy the full address from the browser's address bar")
    elif value.startswith("http://"):
        hint = _("links to other sites use https://")
    elif value.startswith(("/", "\\")):
        hint = _("write the path without the leading /, from the language's front page, e.g. saavutettavuusseloste/")
    elif ".." in value:
        hint = _("write the path from the language's front page, without .., e.g. saavutettavuusseloste/")
    elif _SITE_PATH.fullmatch(value):
        return value
    else:
        hint = _("use only letters a-z, digits and - _ . / (or a full https:// address)")
    raise _problem(_("expected a page of this site, such as saavutettavuusseloste/, or an https:// address, "
                     "found {found}").format(found=describe(value)), hint)


def _web_page(value: str) -> str:
    parts = _split(value)
    if parts is None or parts.scheme != "https":
        hint = (_("pages of other sites are linked with https://") if value.startswith("http://")
                else _("copy the full address from the browser's address bar"))
        raise _problem(_("expected a web page's address starting with https://, found {found}").format(
            found=describe(value)), hint)
    return value


def _email(value: str) -> str:
    match = _EMAIL.fullmatch(value)
    if match is None or "." not in match.group(1) or not _HOST.fullmatch(match.group(1)):
        hint = (_("write the address alone, without mailto:") if value.lower().startswith("mailto:")
                else _("write one address, e.g. saavutettavuus@oph.fi"))
        raise _problem(_("expected an email address, found {found}").format(found=describe(value)), hint)
    return value


def _phone(value: str) -> str:
    if not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 5:
        raise _problem(_("expected a telephone number, found {found}").format(found=describe(value)),
                       _('write the number in quotes, with digits, spaces and + only, e.g. "0295 016 000"'))
    return value


def _review_date(value: Any) -> Any:
    """A date as staff write it (``28.11.2026``), or as YAML reads ``2026-11-28`` (a date already)."""
    if isinstance(value, dt.datetime):  # a subclass of date: a YAML timestamp with a time of day
        raise _problem(_("expected a date without a time, found {found}").format(found=value.isoformat(" ")),
                       _("write e.g. 28.11.2026"))
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _problem(_("expected a date, found {found}").format(found=describe(value)), _("write e.g. 28.11.2026"))
    try:
        return parse_date(value)
    except DateProblem as problem:
        raise _problem(problem.message, problem.hint) from None


def _lowercase(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


PlainText = Annotated[str, Field(strict=True), AfterValidator(_plain_text)]
SiteUrl = Annotated[str, Field(strict=True), AfterValidator(_site_url)]
NewsletterAction = Annotated[str, BeforeValidator(lambda v: "" if v is None else v), Field(strict=True),
                             AfterValidator(_newsletter_action)]
FieldName = Annotated[str, Field(strict=True), AfterValidator(_field_name)]
HiddenValue = Annotated[str, Field(strict=True), AfterValidator(_hidden_value)]
LinkTarget = Annotated[Optional[Annotated[str, Field(strict=True), AfterValidator(_link_target)]],
                       BeforeValidator(_empty_as_none)]
ClockTime = Annotated[str, Field(strict=True), AfterValidator(_clock)]
HostName = Annotated[str, Field(strict=True), AfterValidator(_host)]
FooterPath = Annotated[str, Field(strict=True), AfterValidator(_footer_path)]
Method = Annotated[Literal["post", "get"], BeforeValidator(_lowercase)]
WebPage = Annotated[str, Field(strict=True), AfterValidator(_web_page)]
EmailAddress = Annotated[str, Field(strict=True), AfterValidator(_email)]
OptionalEmail = Annotated[Optional[EmailAddress], BeforeValidator(_empty_as_none)]
OptionalPhone = Annotated[Optional[Annotated[str, Field(strict=True), AfterValidator(_phone)]],
                          BeforeValidator(_empty_as_none)]
ReviewDate = Annotated[dt.date, BeforeValidator(_review_date)]

RANGES = {"closing_soon_days": (0, 365), "recently_closed_days": (1, 3650), "recently_closed_limit": (0, 1000)}
"""Sensible bounds of the numbers (a typo such as 1400 days is caught)."""


ClosingSoonDays = Annotated[int, Field(strict=True, ge=RANGES["closing_soon_days"][0],
                                       le=RANGES["closing_soon_days"][1])]
RecentlyClosedDays = Annotated[int, Field(strict=True, ge=RANGES["recently_closed_days"][0],
                                          le=RANGES["recently_closed_days"][1])]
RecentlyClosedLimit = Annotated[int, Field(strict=True, ge=RANGES["recently_closed_limit"][0],
                                           le=RANGES["recently_closed_limit"][1])]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Editor(_Strict):
    """Where the browser editor (``/admin/``) saves on the public site: a GitHub repository, through
    an OAuth proxy (docs/editing-in-browser.md). Without it the built editor saves nowhere but
    under ``callsite edit``."""

    repo: Annotated[str, Field(strict=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+$")]
    """owner/name of the repository on GitHub, e.g. oph/rahoitushaut."""
    branch: Annotated[str, Field(strict=True, min_length=1, pattern=r"^[^\s]+$")] = "main"
    """The branch the site is built from; saved calls become pull requests into it."""
    auth_base_url: Optional[WebPage] = None
    """The OAuth proxy's address, e.g. https://rahoitushaut-auth.example.workers.dev (none: GitHub's own,
    which needs Netlify)."""
    auth_endpoint: Annotated[str, Field(strict=True, min_length=1)] = "auth"
    """The proxy's path for logging in."""


class _PerLanguage(_Strict):
    """A value per language: ``names["fi"]`` and ``names.get("sv")`` as for the dicts these were."""

    def __getitem__(self, lang: str) -> Any:
        if lang in LANGUAGES:
            return getattr(self, lang)
        raise KeyError(lang)

    def get(self, lang: str, default: Any = None) -> Any:
        value = getattr(self, lang) if lang in LANGUAGES else None
        return default if value is None else value


class Names(_PerLanguage):
    """A name in both languages."""

    fi: PlainText
    """The name in Finnish."""
    sv: PlainText
    """The name in Swedish."""


class HiddenFields(_PerLanguage):
    """Hidden fields of the newsletter form, per language: field name -> value."""

    fi: dict[FieldName, HiddenValue] = {}
    """Hidden fields of the Finnish form, e.g. {list: uutiset-fi}."""
    sv: dict[FieldName, HiddenValue] = {}
    """Hidden fields of the Swedish form, e.g. {list: nyheter-sv}."""


class PrivacyUrls(_PerLanguage):
    """The privacy notice's address per language."""

    fi: LinkTarget = None
    """Address of the Finnish privacy notice (tietosuojaseloste): https://... or a page of this site, /..."""
    sv: LinkTarget = None
    """Address of the Swedish privacy notice (dataskyddsbeskrivning): https://... or a page of this site, /..."""


class FooterLink(_Strict):
    """A link in the footer of every page."""

    title: PlainText
    """The link text; the linked page's own title, e.g. Saavutettavuusseloste."""
    path: FooterPath
    """The page, from the language's front page (e.g. saavutettavuusseloste/), or an https:// address."""


class Footer(_PerLanguage):
    """Links in the footer of every page, per language."""

    fi: tuple[FooterLink, ...] = ()
    """Links on the Finnish pages."""
    sv: tuple[FooterLink, ...] = ()
    """Links on the Swedish pages."""


class SupervisionPages(_PerLanguage):
    """The supervising authority's page on accessibility supervision, per language."""

    fi: WebPage = "https://www.saavutettavuusvaatimukset.fi/"
    """The Finnish page (https://...)."""
    sv: WebPage = "https://www.tillganglighetskrav.fi/"
    """The Swedish page (https://...)."""


class Settings(_Strict):
    """The site's settings: ``site_url``, ``extra.callsite`` and ``extra.callsite_footer`` in ``mkdocs.yml``."""

    site_url: SiteUrl = "https://rahoitushaut.example.fi/"
    """Absolute address of the site root, ending in a slash."""
    agency: Names = Names(fi="Opetushallitus", sv="Utbildningsstyrelsen")
    """The agency's name in each language."""
    site_name: Names = Names(fi="Opetushallitus – Rahoitushaut", sv="Utbildningsstyrelsen – Finansiering")
    """The site's name in each language (page titles, feeds, calendars)."""
    closing_soon_days: ClosingSoonDays = 14
    """A call is "closing soon" when its deadline is at most this many days away."""
    recently_closed_days: RecentlyClosedDays = 365
    """How far back the home page lists closed calls."""
    recently_closed_limit: RecentlyClosedLimit = 10
    """At most this many closed calls on the home page."""
    usual_deadline_times: tuple[ClockTime, ...] = Field(("16.15",), min_length=1)
    """``callsite check`` warns about a deadline at any other time of day (Helsinki time)."""
    https_hosts: tuple[HostName, ...] = ("oph.fi", "okm.fi", "minedu.fi", "finlex.fi", "suomi.fi", "gov.fi",
                                         "valtioneuvosto.fi", "europa.eu")
    """Hosts known to serve https (with their subdomains): ``callsite check`` warns about http:// links to them."""
    newsletter_action: NewsletterAction = ""
    """Newsletter signup: the address the form posts to (from the newsletter provider); https://.
    A production build fails without it; the preview shows a note instead of the form."""
    newsletter_method: Method = "post"
    """Newsletter signup: the form method the provider expects, post or get."""
    newsletter_email_field: FieldName = "email"
    """Newsletter signup: the name the provider expects for the email field, e.g. email or EMAIL."""
    newsletter_hidden_fields: HiddenFields = HiddenFields()
    """Newsletter signup: hidden fields per language, e.g. {fi: {list: uutiset-fi}, sv: {list: nyheter-sv}}."""
    newsletter_privacy_url: PrivacyUrls = PrivacyUrls()
    """Newsletter signup: the privacy notice (tietosuojaseloste / dataskyddsbeskrivning) per language."""
    newsletter_honeypot_field: FieldName = "website"
    """Newsletter signup: name of the hidden field that people leave empty and bots fill in."""
    # The accessibility statement (laki digitaalisten palvelujen tarjoamisesta 306/2019, 15 §). The
    # regional state administrative agencies (aluehallintovirastot) ceased on 1.1.2026 and their tasks
    # moved to Lupa- ja valvontavirasto: the defaults name it and link to the accessibility
    # requirements' site it runs. Its exact contact details (email, telephone) are to be confirmed
    # by the agency and written in mkdocs.yml; until then the statement links to that site only.
    accessibility_statement_reviewed: ReviewDate = dt.date(2026, 11, 28)
    """Accessibility statement: the day it was last reviewed, e.g. 28.11.2026. Review the statement
    at least once a year and write the day here (a test fails once it is more than a year old)."""
    accessibility_feedback_email: EmailAddress = "saavutettavuus@oph.fi"
    """Accessibility statement: where readers send feedback on accessibility. This must be a real
    address of the agency that someone reads (the agency answers within 14 days)."""
    accessibility_authority: Names = Names(fi="Lupa- ja valvontavirasto", sv="Tillstånds- och tillsynsverket")
    """Accessibility statement: the authority that supervises the accessibility requirements, per language."""
    accessibility_authority_url: SupervisionPages = SupervisionPages()
    """Accessibility statement: the supervising authority's page on accessibility supervision (where
    readers report a problem), per language; https://."""
    accessibility_authority_email: OptionalEmail = None
    """Accessibility statement: the supervising authority's email address for accessibility matters,
    if it is to be shown (confirm it with the authority first); none by default."""
    accessibility_authority_phone: OptionalPhone = None
    """Accessibility statement: the supervising authority's telephone number, in quotes, e.g.
    "0295 016 000", if it is to be shown (confirm it with the authority first); none by default."""
    colours: Colours = Colours()
    """The site's colours: {header: "#24394a", header_text: "#ffffff", link: "#005a87"}. A pair whose
    contrast is below 4.5:1 (WCAG 2.1 AA) is refused (:mod:`callsite.model.branding`)."""
    logo: LogoPath = None
    """The agency's logo in the header: an SVG, PNG, JPEG or WebP file, its path from the folder of
    mkdocs.yml, e.g. theme/assets/images/logo.svg; by default the theme's neutral mark."""
    editor: Optional[Editor] = None
    """The browser editor's backend on the public site: {repo: owner/name, branch: main,
    auth_base_url: ..., auth_endpoint: auth}; leave out until the OAuth proxy is deployed."""
    footer: Footer = Footer()
    """Links in the footer of every page, per language (``extra.callsite_footer``, beside ``extra.callsite``):
    {fi: [{title: ..., path: ...}], sv: [...]}. The theme (theme/partials/copyright.html) writes them."""

    @property
    def closing_soon(self) -> dt.timedelta:
        return dt.timedelta(days=self.closing_soon_days)

    @property
    def recently_closed(self) -> dt.timedelta:
        return dt.timedelta(days=self.recently_closed_days)

    # Asked for on every page and feed item: worked out once (the settings never change).
    @functools.cached_property
    def base_path(self) -> str:
        """``/`` or ``/repo/`` when the site lives below the host's root."""
        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @functools.cached_property
    def host(self) -> str:
        """The host (and port) of ``site_url``, e.g. ``rahoitushaut.example.fi``."""
        return urlsplit(self.site_url).netloc

    @functools.cached_property
    def origin(self) -> str:
        """``https://rahoitushaut.example.fi``: the scheme and host of ``site_url``."""
        return f"{urlsplit(self.site_url).scheme}://{self.host}"

    def absolute(self, site_path: str) -> str:
        """``/fi/feed.xml`` (a site-absolute path, from :meth:`Site.url`) -> ``https://host/fi/feed.xml``."""
        return self.origin + site_path


# --- Reading mkdocs.yml ------------------------------------------------------------------------

CALLSITE = ("extra", "callsite")
FOOTER = ("extra", "callsite_footer")
_ELSEWHERE = {"site_url": N_("site_url is set at the top of mkdocs.yml, not under extra.callsite"),
              "footer": N_("the footer links are set under extra.callsite_footer, beside extra.callsite")}
_EXAMPLES = {"agency": "agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen}",
             "site_name": "site_name: {fi: Opetushallitus – Rahoitushaut, sv: Utbildningsstyrelsen – Finansiering}",
             "accessibility_authority": "accessibility_authority: {fi: Lupa- ja valvontavirasto, "
                                        "sv: Tillstånds- och tillsynsverket}"}


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as ``!ENV`` or ``!!python/name``: read them as plain values."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTagsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)

_STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                  ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "set", "omap",
                   "pairs", "merge", "value")}


class _Source:
    """``mkdocs.yml``'s node tree (for the marks of its values and keys) and what is odd about them."""

    def __init__(self, file: str):
        self.file = file
        self.doc = Document(data=None)
        self.written: dict[tuple, str] = {}
        """Path -> the text of an unquoted scalar, as written (``16:15`` that YAML read as 975)."""
        self.tagged: set[tuple] = set()
        """Paths of values with a tag such as ``!ENV``: read as nothing here."""
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def walk(self, node: yaml.Node, path: tuple) -> None:
        if id(node) in self.seen:  # an alias: its value's marks are the anchor's (and aliases may nest deep)
            return
        self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            self.tagged.add(path)
        if isinstance(node, yaml.ScalarNode):
            if node.style is None:
                self.written[path] = node.value
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.walk(item, path + (i,))
        elif isinstance(node, yaml.MappingNode):
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key_path = path + (key_node.value,)
                line = key_node.start_mark.line + 1
                if key_node.value in first_line and _read_by_us(key_path):
                    self.problems.append(Problem(
                        self.file, line, key_node.start_mark.column + 1, format_path(key_path),
                        _("the field {name} is given twice in the same group (first on line {line})").format(
                            name=repr(key_node.value), line=first_line[key_node.value]),
                        _("keep one of them and delete the other")))
                first_line.setdefault(key_node.value, line)
                self.walk(value_node, key_path)


def _read_by_us(path: tuple) -> bool:
    """Whether ``path`` is one of the settings read here (MkDocs reads, and checks, the rest)."""
    return path in (("site_url",), ("extra",)) or path[:2] in (CALLSITE, FOOTER)


def load_settings(config_file: Path) -> Settings:
    """Read ``site_url``, ``extra.callsite`` and ``extra.callsite_footer`` from ``mkdocs.yml``
    (plain YAML, no MkDocs); raise :class:`InputError` with every problem found."""
    file = str(config_file)  # as given, as the newsletter's checks name it
    source = _Source(file)
    data, problems = _parse(Path(config_file), source)
    if problems:
        raise InputError(problems)
    values, problems = _settings_values(data, source)
    problems += source.problems
    try:
        settings = Settings.model_validate(values, context={"folder": Path(config_file).parent})
    except ValidationError as error:
        errors = error.errors(include_url=False)
        problems += [_problem_from_error(e, source) for e in errors if not _is_echo(e, errors)]
    if problems:
        raise InputError(problems)
    return settings


def _parse(path: Path, source: _Source) -> tuple[Any, list[Problem]]:
    """The data of ``mkdocs.yml`` (its marks go to ``source``), or the problem that stops reading it."""
    file = source.file
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return None, [Problem(file, 0, 0, "", _("the settings file cannot be read ({reason})").format(
            reason=error.strerror), _("give the settings file with --config, or run the command in the site's folder"))]
    except UnicodeDecodeError:
        return None, [Problem(file, 0, 0, "", _("the file is not in UTF-8 encoding"),
                              _("save the file as UTF-8 in your editor"))]
    loader = _IgnoreTagsLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, []
        source.doc = Document(None, node, text)  # where values stand, looked up in the tree when a message needs it
        source.walk(node, ())
        return loader.construct_document(node), []
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, file, text, _compose_settings)]
    except RecursionError:
        return None, [Problem(file, 0, 0, "", _("the fields are nested too deeply"))]
    finally:
        loader.dispose()


def _compose_settings(text: str) -> Any:
    """Parse ``text`` as mkdocs.yml is parsed (for finding the line a syntax error is on)."""
    loader = _IgnoreTagsLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _settings_values(data: Any, source: _Source) -> tuple[dict, list[Problem]]:
    """What :class:`Settings` is validated from: ``extra.callsite``'s fields, ``site_url`` and
    ``footer``; and the problems of the groups around them (not groups of fields at all)."""
    problems = []

    def group(parent: Any, path: tuple) -> dict:
        value = parent.get(path[-1]) if isinstance(parent, dict) else None
        if value is None or isinstance(value, dict):
            return value or {}
        line, column = source.doc.mark_of(path)
        problems.append(Problem(source.file, line, column, format_path(path),
                                _("expected a group of fields, found {found}").format(found=describe(value)),
                                _("write the fields indented under this one, each as 'name: value'")))
        return {}

    if not isinstance(data, dict):
        return {}, [Problem(source.file, 1, 1, "", _("expected a group of fields (the settings), found {found}").format(
            found=describe(data)), _("mkdocs.yml holds fields such as 'site_url: ...', each on its own line"))]
    extra = group(data, ("extra",))
    values = {}
    for key, value in group(extra, CALLSITE).items():
        if key in _ELSEWHERE:
            line, column = source.doc.mark_of(CALLSITE + (key,), key=True)
            problems.append(Problem(source.file, line, column, format_path(CALLSITE + (key,)),
                                    _("unknown setting {name}").format(name=repr(key)), _(_ELSEWHERE[key])))
        else:
            values[key] = value
    if ("site_url",) in source.tagged:  # else the example address would be published in its place
        line, column = source.doc.mark_of(("site_url",))
        problems.append(Problem(source.file, line, column, "site_url",
                                _("the site address is given with a marking (such as !ENV), which callsite does not read"),
                                _("write the address itself, e.g. site_url: https://rahoitushaut.example.fi/")))
    elif data.get("site_url") is not None:
        values["site_url"] = data["site_url"]
    if extra.get("callsite_footer") is not None:
        values["footer"] = extra["callsite_footer"]
    return values, problems


def _path_in_file(loc: tuple) -> tuple:
    """A field's place in :class:`Settings` -> its place in ``mkdocs.yml``."""
    loc = tuple(part for part in loc if part != "[key]")
    if not loc:
        return CALLSITE
    if loc[0] == "site_url":
        return loc
    if loc[0] == "footer":
        return FOOTER + loc[1:]
    return CALLSITE + loc


def _problem_from_error(error: dict, source: _Source) -> Problem:
    kind, loc, found = error["type"], tuple(error["loc"]), error.get("input")
    ctx = error.get("ctx") or {}
    path = _path_in_file(loc)
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    name = names[-1] if names else ""
    on_key = loc[-1:] == ("[key]",)
    if kind == "missing":
        path = path[:-1]
        if name in LANGUAGES:
            message = _(MISSING_TEXT[name])
            hint = _("this is written in both languages: add '{lang}: ...'").format(lang=name)
        else:
            message = _("the required field {name} is missing").format(name=repr(name))
            hint = _("add '{name}: ...'").format(name=name)
    elif kind == "extra_forbidden":
        on_key = True
        model = _model_at(Settings, loc[:-1])
        fields = list(model.model_fields) if model is not None else []
        if len(loc) == 1:  # directly under extra.callsite: footer and site_url live elsewhere
            fields = [f for f in fields if f not in _ELSEWHERE]
        setting = len(loc) == 1
        message = (_("unknown setting {name}") if setting else _("unknown field {name}")).format(name=repr(name))
        close = _closest(name, fields)
        if close:
            hint = _("did you mean {name}?").format(name=repr(close))
        else:
            hint = (_("the settings allowed here are: {names}") if setting
                    else _("the fields allowed here are: {names}")).format(names=", ".join(fields))
    elif kind == "setting":
        message, hint = ctx["message"], ctx["hint"]
    else:
        message, hint = _describe_value_error(kind, error, found, name, str(ctx.get("hint", "")))
        hint = _better_hint(kind, found, name, path, source) or hint
    if found is None and path in source.tagged:
        hint = _("callsite reads mkdocs.yml without its markings (the words starting with !): "
                 "write the value itself here")
    elif found is None and kind not in ("missing", "extra_forbidden"):
        hint = hint or _("write a value, or delete the line to use the default")
    line, column = source.doc.mark_of(path, key=on_key)
    return Problem(source.file, line, column, format_path(path), message, hint)


def _better_hint(kind: str, found: Any, name: str, path: tuple, source: _Source) -> str:
    """Hints in the settings' terms where the call files' would mislead."""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(found, str) and found.strip().isdigit():
            return _("remove the quotes: write {name}: {value}").format(name=name, value=found.strip())
        if name in RANGES:
            return _("write digits only, e.g. {name}: {value}").format(name=name,
                                                                       value=Settings.model_fields[name].default)
    if kind in ("greater_than_equal", "less_than_equal") and name in RANGES:
        low, high = RANGES[name]
        return _("{name} is a whole number from {low} to {high}").format(name=name, low=low, high=high)
    if kind == "string_type" and path in source.written and not isinstance(found, (dict, list)):
        return _('put the value in quotes: "{value}"').format(value=source.written[path])
    if kind in ("model_type", "dict_type", "model_attributes_type") and name in _EXAMPLES:
        return _("give the name in both languages, e.g. {example}").format(example=_EXAMPLES[name])
    if kind in ("model_type", "dict_type", "model_attributes_type") and name == "accessibility_authority_url":
        return _("give the address in both languages, e.g. {example}").format(
            example="accessibility_authority_url: "
                    "{fi: https://www.saavutettavuusvaatimukset.fi/, sv: https://www.tillganglighetskrav.fi/}")
    return ""


def _is_echo(error: dict, errors: list[dict]) -> bool:
    """Errors that only repeat another (as :func:`callsite.validate._is_echo` says of the call files'):
    a list whose items all failed is also "too short"; a misspelt required field is also "missing"."""
    if error["type"] == "too_short" and isinstance(error["input"], (list, tuple)) and error["input"]:
        return True
    if error["type"] != "missing":
        return False
    parent, name = tuple(error["loc"][:-1]), error["loc"][-1]
    extras = [e["loc"][-1] for e in errors if e["type"] == "extra_forbidden" and tuple(e["loc"][:-1]) == parent]
    return any(_closest(str(extra), [str(name)]) for extra in extras)


def settings_for(config: Path) -> Settings:
    """Settings from ``--config``; without the default ``mkdocs.yml``, the defaults (``check``
    needs no site). Raises :class:`InputError` with every problem in the settings."""
    if not config.exists() and config == Path("mkdocs.yml"):
        return Settings()
    return load_settings(config)
