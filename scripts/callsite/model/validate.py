"""Turn YAML documents into the frozen model, collecting every problem with its spot.

All files are read and checked before anything is reported, so staff see every
mistake in one run. Each problem names the file, the line, the field path,
what was expected and what was found, and a hint where one helps.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import re
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..messages import N_, _, language
from ..problems import InputError, Problem
from ..source.callfiles import VOCABULARY_FILE, ParsedAhead, call_files, display_path, may_hold_placeholder
from ..source.yamlsource import Document, describe, format_path, load_document
from .call import CONTROL_CHARACTERS, LANGUAGES, Call, JobTitle, PerLanguage, Vocabulary, field_description
from .parallel_load import load_in_parallel, worth_parallel
from .placeholders import find_unfilled

MISSING_TEXT = {"fi": N_("the Finnish text (fi) is missing"), "sv": N_("the Swedish text (sv) is missing")}
"""Said whole, not made from a language's name: Finnish and Swedish say them differently."""


@dataclass(frozen=True)
class Catalog:
    """Everything the site is built from, validated."""

    calls: tuple[Call, ...]
    vocabulary: Vocabulary
    sources: dict  # call id -> display path of its file


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model


def _closest(word: str, choices: list[str]) -> str | None:
    matches = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


CHOICES = {
    "fields allowed here": N_("the fields allowed here are: {names}"),
    "allowed values": N_("the allowed values are: {names}"),
    "funders": N_("the funders are: {names}"),
    "valid tags": N_("the valid tags are: {names}"),
    "valid applicant types": N_("the valid applicant types are: {names}"),
}


def _choices_hint(word: Any, choices: list[str], what: str) -> str:
    """``what``: a key of :data:`CHOICES`."""
    if isinstance(word, str):
        close = _closest(word, choices)
        if close:
            return _("did you mean {name}?").format(name=repr(close))
    return _(CHOICES[what]).format(names=", ".join(choices))


@dataclass(frozen=True)
class Finding:
    """A problem found in a file's data, before it is placed in the file: the checks work on
    plain data, and only a file with findings needs to say where each one stands."""

    path: tuple
    """The field, e.g. ``("rounds", 0, "closes")``."""
    message: str
    hint: str = ""
    at: tuple | None = None
    """Where to point, when not at the field itself (a missing field: at its group)."""
    on_key: bool = False
    """Point at the field's name rather than its value (an unknown field)."""

    def placed(self, doc: Document, file: str) -> Problem:
        line, column = doc.mark_of(self.path if self.at is None else self.at, key=self.on_key)
        return Problem(file, line, column, format_path(self.path), self.message, self.hint)


def _finding_from_error(error: dict, root: type[BaseModel]) -> Finding:
    kind = error["type"]
    loc = tuple(error["loc"])
    found = error.get("input")
    ctx = error.get("ctx") or {}
    hint = str(ctx.get("hint", ""))
    name = loc[-1] if loc else ""
    if kind == "missing":
        if name in LANGUAGES:
            message = _(MISSING_TEXT[name])
            hint = _("every text is written in both languages: add '{lang}: ...'").format(lang=name)
        else:
            message = _("the required field {name} is missing").format(name=repr(name))
            model = _model_at(root, loc[:-1])
            description = field_description(model, name) if model else None
            if description and language() == "en":
                hint = f"{name}: {description.splitlines()[0]}"  # the model's docstrings are in English
            elif description:
                hint = _("add '{name}: ...' to this group").format(name=name)
        return Finding(loc, message, hint, at=loc[:-1])
    if kind == "extra_forbidden" and name == "en" and len(loc) > 1:
        return Finding(loc, _("an English text (en) is shown only for the title, the purpose, who may apply "
                              "(eligibility.text) and the money in words (funding.text)"),
                       _("delete it, or write the English in one of those fields"), on_key=True)
    if kind == "extra_forbidden":
        message = _("unknown field {name}").format(name=repr(name))
        model = _model_at(root, loc[:-1])
        if model is not None:
            hint = _choices_hint(name, list(model.model_fields), "fields allowed here")
        return Finding(loc, message, hint, on_key=True)
    message, hint = _describe_value_error(kind, error, found, name, hint)
    return Finding(loc, message, hint)


def _describe_value_error(kind: str, error: dict, found: Any, name: Any, hint: str) -> tuple[str, str]:
    """pydantic's error of type ``kind`` in staff terms: (message, hint). Said by type, not from
    pydantic's English message, so that it can be translated; an unknown type keeps pydantic's
    message, in English (a new kind of check is then found untranslated, not hidden)."""
    what = describe(found)
    if kind == "literal_error":
        expected = [e.strip(" '") for e in error["ctx"]["expected"].replace(" or ", ", ").split(", ")]
        return (_("expected one of {values}; found {found}").format(values=", ".join(expected), found=what),
                _choices_hint(found, expected, "allowed values"))
    if kind == "string_type":
        return (_("expected text, found {found}").format(found=what),
                _("put the value in quotes") if isinstance(found, (int, float, bool)) else hint)
    if kind == "string_too_short":
        return _("the text is empty"), _("write the text, or delete the field if it is optional")
    if kind == "string_pattern_mismatch":
        unusable = describe_unusable_text(found)
        if unusable is not None:
            return unusable
        if name == "email":
            return _("expected an email address, found {found}").format(found=what), _("e.g. etunimi.sukunimi@oph.fi")
        message = _("expected lowercase letters a-z, digits and hyphens, found {found}").format(found=what)
        if isinstance(found, str) and found:
            return message, _("e.g. {example}").format(example=repr(slugify(found)))
        return message, hint
    if kind == "string_too_long":
        limit = (error.get("ctx") or {}).get("max_length")
        return (_("the text is too long ({length} characters)").format(length=len(found)),
                _("it should have at most {limit} characters").format(limit=limit) if limit else hint)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (_("expected a whole number, found {found}").format(found=what),
                _("write digits only, e.g. 1500000 or 1 500 000") if isinstance(found, (str, float)) else hint)
    if kind == "bool_type":
        if isinstance(found, str) and found.lower() in ("yes", "no", "on", "off", "y", "n", "kyllä", "ei"):
            hint = _("write true or false (in these files yes/no are text, not truth values)")
        return _("expected true or false, found {found}").format(found=what), hint or _("write true or false")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(error["ctx"].values()))
        words = {"greater_than": N_("expected a number greater than {limit}, found {found}"),
                 "greater_than_equal": N_("expected a number at least {limit}, found {found}"),
                 "less_than": N_("expected a number less than {limit}, found {found}"),
                 "less_than_equal": N_("expected a number at most {limit}, found {found}")}[kind]
        return _(words).format(limit=limit, found=what), hint
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (_("expected a group of fields, found {found}").format(found=what),
                _("write the fields indented under this one, each as 'name: value'"))
    if kind in ("tuple_type", "list_type"):
        return (_("expected a list, found {found}").format(found=what),
                _("write each item on its own line, starting with '- '"))
    if kind == "too_short":
        return _("the list is empty"), _("give at least one item")
    if kind in ("date_type", "datetime_type", "is_instance_of", "date_from_datetime_inexact"):
        return (_("expected a date, found {found}").format(found=what),
                _("write e.g. 20.8.2026 or 20.8.2026 klo 16.15"))
    return error["msg"], hint


_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def describe_unusable_text(found: Any) -> tuple[str, str] | None:
    """(message, hint) for text the model refuses whatever the field: a control character, or
    nothing visible at all; None for any other text."""
    if not isinstance(found, str):
        return None
    control = _CONTROL.search(found)
    if control is not None:
        return (_("the text has an invisible control character ({code}) at character {position}").format(
                    code=f"U+{ord(control.group()):04X}", position=control.start() + 1),
                _("delete it: in double quotes, a backslash starts a code such as \\0 or \\e; "
                  "write the text without them"))
    if not found.strip() or all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp")
                                for ch in found):
        return (_("the text has nothing visible in it (only spaces or invisible characters)"),
                _("write the text, or delete the field if it is optional"))
    return None


def slugify(text: str) -> str:
    """Address part from a title: ``Förskola & skola`` -> ``forskola-skola``."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    return "-".join(words)[:120].strip("-")


def _validate(model: type[BaseModel], data: Any) -> tuple[Any, list[Finding]]:
    """``data`` as ``model``, or None and a finding for each mistake (said once each)."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
    return None, [_finding_from_error(e, model) for e in errors if not _is_echo(e, errors)]


def _is_echo(error: dict, errors: list[dict]) -> bool:
    """Errors that only repeat another: say each mistake once.

    A list whose items all failed is also "too short"; a misspelt required field
    is also "missing" (the unknown-field message already suggests the right name).
    """
    if error["type"] == "too_short" and isinstance(error["input"], list) and error["input"]:
        return True
    if error["type"] == "missing":
        parent, name = tuple(error["loc"][:-1]), error["loc"][-1]
        extras = [e["loc"][-1] for e in errors if e["type"] == "extra_forbidden" and tuple(e["loc"][:-1]) == parent]
        return any(_closest(str(extra), [str(name)]) for extra in extras)
    return False


_WHITESPACE = re.compile(r"\s")  # what str.isspace() calls whitespace (the same Unicode table)


def _is_allowed_url(url: str) -> bool:
    """https/http with a host, mailto with an address, or a path on this site."""
    if "\\" in url:  # browsers read a backslash as a slash: /\evil.example/ is another site
        return False
    if url.startswith(("https://", "http://")):
        return bool(url.split("/")[2]) and _WHITESPACE.search(url) is None
    if url.startswith("mailto:"):
        return "@" in url
    return url.startswith("/") and not url.startswith("//") and _WHITESPACE.search(url) is None


def _raw(data: Any, path: tuple) -> Any:
    """The raw YAML value at ``path``, or None: cross-checks run even on invalid calls."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _link_addresses(data: Any) -> Iterator[tuple[tuple, Any]]:
    """(path, raw value) of each link address a call may have, in order: each link's, then the
    decisions' (as :func:`_raw` finds them, without walking from the top for each one)."""
    if not isinstance(data, dict):
        data = {}
    links = data.get("links")
    groups = [(("links", i, "url"), link.get("url") if isinstance(link, dict) else None)
              for i, link in enumerate(links)] if isinstance(links, list) else []
    rounds = data.get("rounds")
    for r, round_ in enumerate(rounds if isinstance(rounds, list) else []):
        own = round_.get("links") if isinstance(round_, dict) else None
        groups += [(("rounds", r, "links", i, "url"), link.get("url") if isinstance(link, dict) else None)
                   for i, link in enumerate(own)] if isinstance(own, list) else []
    decisions = data.get("decisions")
    groups.append((("decisions", "url"), decisions.get("url") if isinstance(decisions, dict) else None))
    for path, urls in groups:
        for lang in LANGUAGES:
            yield path + (lang,), urls.get(lang) if isinstance(urls, dict) else None


def _url_findings(data: Any) -> list[Finding]:
    findings = []
    for path, url in _link_addresses(data):
        if not isinstance(url, str) or _is_allowed_url(url):
            continue
        if "\\" in url:
            message, hint = (_("the link {url} has a backslash (\\) in it"),
                             _("web addresses use / between their parts: write / instead of \\"))
        elif url.startswith(("https://", "http://", "/")) and _WHITESPACE.search(url):
            message, hint = (_("the link {url} has a space in it"),
                             _("web addresses have no spaces: delete it (write %20 if the address really has one)"))
        else:
            message, hint = (_("the link {url} does not start with https://, http:// or mailto:"),
                             _("copy the full address from the browser's address bar"))
        message = message.format(url=repr(url))
        findings.append(Finding(path, message, hint))
    return findings


def _vocabulary_findings(data: Any, vocabulary: Vocabulary) -> list[Finding]:
    findings = []
    checks = (
        (("tags",), vocabulary.tags, N_("unknown tag {name}"), "valid tags"),
        (("eligibility", "applicant_types"), vocabulary.applicant_types, N_("unknown applicant type {name}"),
         "valid applicant types"),
    )
    funder = _raw(data, ("funder",))
    if isinstance(funder, str) and funder not in vocabulary.funders:
        known = sorted(vocabulary.funders)
        hint = (_choices_hint(funder, known, "funders") if known else _("no funders are listed yet")) + " " + _(
            "(new ones are added in calls/{file} under funders; leave funder out for the site's own agency)"
        ).format(file=VOCABULARY_FILE)
        findings.append(Finding(("funder",), _("unknown funder {name}").format(name=repr(funder)), hint))
    for path, known, what, plural in checks:
        used = _raw(data, path)
        for i, key in enumerate(used if isinstance(used, list) else []):
            if isinstance(key, str) and key not in known:
                findings.append(Finding(path + (i,), _(what).format(name=repr(key)),
                                        _choices_hint(key, sorted(known), plural) + " "
                                        + _("(new ones are added in calls/{file})").format(file=VOCABULARY_FILE)))
    return findings


def _topic_address_findings(vocabulary: Vocabulary) -> list[Finding]:
    """Each topic's page address is made from its label: two labels that make the same address
    (or one that makes none) would make two pages claim one address."""
    findings = []
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for tag, label in vocabulary.tags.items():
            name = getattr(label, lang)
            slug = slugify(name)
            path = ("tags", tag, lang)
            if not slug:
                findings.append(Finding(path, _("the label {label} has no letters or digits for the page "
                                                "address").format(label=repr(name)),
                                        _("write the topic's name with letters")))
            elif slug in seen:
                findings.append(Finding(path, _("the label {label} gives the same page address ({address}) as the "
                                                "topic {topic}").format(label=repr(name), address=slug,
                                                                        topic=repr(seen[slug])),
                                        _("every topic needs a name of its own in each language")))
            else:
                seen[slug] = tag
    return findings


@functools.cache
def _texts_plan(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """Where texts per language can be below ``model``: (field, how) with how ``text`` (a text
    per language itself), ``texts`` (a list of them), ``model`` (a group that may hold some) or
    ``list`` (a list of such groups). Worked out once per class: walking every field of every call cost more."""
    plan = []
    for name, field_info in model.model_fields.items():
        inner = _inner_model(field_info.annotation)
        if inner is None or inner is JobTitle:  # a job title may lack a language: the page shows the name
            continue
        listed = typing.get_origin(field_info.annotation) is tuple or any(
            typing.get_origin(arg) is tuple for arg in typing.get_args(field_info.annotation))
        if issubclass(inner, PerLanguage):
            plan.append((name, "texts" if listed else "text"))
        elif _texts_plan(inner):
            plan.append((name, "list" if listed else "model"))
    return tuple(plan)


@functools.cache
def _has_languages(model: type[BaseModel]) -> bool:
    return "languages" in model.model_fields


PUBLISHED_IN = {("fi", "sv"): N_("in Finnish and Swedish"), ("fi",): N_("in Finnish"), ("sv",): N_("in Swedish")}
ONLY_IN = PUBLISHED_IN
SHOWN_NOWHERE = {
    "fi": N_("this call is published {published_in} only, so the Finnish text (fi) would be shown nowhere"),
    "sv": N_("this call is published {published_in} only, so the Swedish text (sv) would be shown nowhere"),
}


def _language_findings(call: Call) -> list[Finding]:
    """Every text of a call exists in the call's languages, and in no other (a text in another
    language would be shown nowhere: staff would think it published)."""
    findings: list[Finding] = []
    wanted = call.languages
    written = ", ".join(wanted)
    published_in = _(PUBLISHED_IN[tuple(sorted(wanted))])

    def check(value: PerLanguage, path: tuple) -> None:
        if (value.fi is not None) is ("fi" in wanted) and (value.sv is not None) is ("sv" in wanted):
            return  # as nearly every text is: said without the loop below (a fifth of a call's checks)
        for lang in LANGUAGES:
            if value[lang] is None and lang in wanted:
                findings.append(Finding(path + (lang,), _(MISSING_TEXT[lang]), _(
                    "this call is published {published_in} (languages: [{written}]): add '{lang}: ...', or "
                    "change languages if the call is not published {not_in}").format(
                        published_in=published_in, written=written, lang=lang, not_in=_(ONLY_IN[(lang,)])),
                    at=path))
            elif value[lang] is not None and lang not in wanted:
                findings.append(Finding(path + (lang,), _(SHOWN_NOWHERE[lang]).format(published_in=published_in),
                                        _("delete it, or add {lang} to languages: [{written}, {lang}]").format(
                                            lang=lang, written=written),
                                        on_key=True))

    def walk(value: BaseModel, path: tuple) -> None:
        nonlocal wanted
        outer = wanted
        # (Asked of the classes that have the field only: pydantic answers a missing attribute
        # by raising and catching an error, which was most of the time of these checks.)
        if value is not call and _has_languages(type(value)) and value.languages is not None:
            wanted = value.languages  # a round shown on some pages only: its texts in those
        for name, how in _texts_plan(type(value)):
            inner = getattr(value, name)
            if inner is None:
                continue
            if how == "text":
                check(inner, path + (name,))
            elif how == "texts":
                for i, item in enumerate(inner):
                    check(item, path + (name, i))
            elif how == "model":
                walk(inner, path + (name,))
            else:
                for i, item in enumerate(inner):
                    walk(item, path + (name, i))
        wanted = outer

    walk(call, ())
    english = [value for value in (call.purpose, call.funding.text, call.eligibility.text) if value is not None]
    if call.title.en is None and any(value.en is not None for value in english):
        findings.append(Finding(("title", "en"), _("the English title (en) is missing"), _(
            "the English texts are shown under \"In English\" with the English title as their heading: "
            "add 'en: ...' to title, or delete the English texts"), at=("title",)))
    return findings


# --- One file ---------------------------------------------------------------------------------

def load_vocabulary(calls_dir: Path) -> tuple[Vocabulary | None, list[Problem]]:
    """The vocabulary of ``calls_dir``, or None and its problems."""
    path = calls_dir / VOCABULARY_FILE
    file = display_path(path)
    doc, problems = load_document(path, file)
    if doc is None:
        return None, problems
    vocabulary, findings = _validate(Vocabulary, doc.data)
    if vocabulary is not None:
        findings = _topic_address_findings(vocabulary)
    return (None if findings else vocabulary), [finding.placed(doc, file) for finding in findings]


def check_call(data: Any, vocabulary: Vocabulary | None, may_hold_placeholder: bool = True
               ) -> tuple[Call | None, list[Finding]]:
    """The call in a file's plain data, or None and what is wrong with it. ``may_hold_placeholder``:
    False when the file's text shows that no value can hold the placeholder (see
    :func:`callsite.source.callfiles.may_hold_placeholder`)."""
    call, findings = _validate(Call, data)
    if call is not None:
        findings += _language_findings(call)
    findings += _url_findings(data)
    if vocabulary is not None:
        findings += _vocabulary_findings(data, vocabulary)
    unfilled = find_unfilled(data) if may_hold_placeholder else []  # model/placeholders.py
    if unfilled:
        # Say "fill this in" once, instead of also "expected a number" or "unknown tag" there.
        at = {u.path for u in unfilled}
        findings = [f for f in findings if f.path not in at] + [Finding(u.path, u.message, u.hint) for u in unfilled]
    return (None if findings else call), findings


def load_call(path: Path, vocabulary: Vocabulary | None) -> tuple[Call | None, list[Problem]]:
    """The call in the file at ``path``, or None and every problem in it, each at its line."""
    file = display_path(path)
    doc, problems = load_document(path, file)
    if doc is None:
        return None, problems
    call, findings = check_call(doc.data, vocabulary, may_hold_placeholder(doc.text))
    return call, [finding.placed(doc, file) for finding in findings]


# --- The whole folder ---------------------------------------------------------------------------

def _duplicate_problems(loaded: list[tuple[Call, Path]]) -> list[Problem]:
    """Two calls with one id or one page address. Their files are read again for the lines:
    only files with such a problem need them."""
    problems = []
    seen: dict[tuple, Path] = {}
    docs: dict[Path, Document | None] = {}

    def mark(path: Path, field: tuple) -> tuple[int, int]:
        if path not in docs:
            docs[path] = load_document(path, display_path(path))[0]
        return docs[path].mark_of(field) if docs[path] is not None else (0, 0)

    for call, path in loaded:
        keys = [(("id",), ("id", call.id))] + [
            (("slug", lang), (f"slug.{lang}", getattr(call.slug, lang))) for lang in LANGUAGES
            if getattr(call.slug, lang) is not None  # a language the call is not in has no address
        ]
        for where, key in keys:
            if key in seen:
                first = seen[key]
                line, column = mark(path, where)
                problems.append(Problem(display_path(path), line, column, format_path(where),
                                        _("{value} is already used by {file}").format(
                                            value=repr(key[1]), file=f"{display_path(first)}:{mark(first, where)[0]}"),
                                        _("every call needs its own {field}; change one of them").format(field=key[0])))
            else:
                seen[key] = path
    return problems


@dataclass
class LoadCache:
    """What the live preview keeps between loads (see :func:`load_catalog`)."""

    files: dict[Path, tuple] = field(default_factory=dict)
    """Path -> (stamp, result): a file's load, reused while its stamp is unchanged."""
    vocabulary: Vocabulary | None = None
    """The last vocabulary object, kept while equal: each stamp holds it, so comparing a
    stamp takes one identity check instead of a deep comparison."""


def _load_cached(path: Path, vocabulary: Vocabulary | None, cache: LoadCache) -> tuple[Call | None, list[Problem]]:
    """:func:`load_call`, reused from ``cache`` while the file is unchanged."""
    try:
        stat = path.lstat()  # a link is refused by loading: its own stamp is what counts
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_mode, vocabulary)
    except OSError:
        stamp = None  # gone or unreadable: loading says so, every time
    hit = cache.files.get(path)
    if hit is not None and stamp is not None and hit[0] == stamp:
        return hit[1]
    result = load_call(path, vocabulary)
    cache.files[path] = (stamp, result)
    return result


@contextlib.contextmanager
def _collector_paused():
    """Loading makes many small objects and keeps most of them; the cycle collector would rescan
    the growing heap again and again, a third of the time of checking 1,000 calls. Nothing here
    makes cycles, so pause it meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(calls_dir: Path, cache: LoadCache | None = None, ahead: ParsedAhead | None = None) -> Catalog:
    """Load and validate every call of ``calls_dir``; raise :class:`InputError` with every problem
    of every file. One file after another, in name order; two speed-ups give the same result:

    - ``cache`` (kept by the live preview) reuses the load of each file unchanged since the last;
    - many files are parsed on both cores (:mod:`callsite.model.parallel_load`): ``ahead``, if the
      command started that already (:func:`callsite.source.callfiles.parse_ahead`), or else now.
    """
    calls_dir = Path(calls_dir)
    with _collector_paused():
        if not calls_dir.is_dir():
            raise InputError([Problem(display_path(calls_dir), 0, 0, "", _("the calls folder does not exist"))])
        vocabulary, problems = load_vocabulary(calls_dir)
        if cache is not None:
            if vocabulary is not None and cache.vocabulary == vocabulary:
                vocabulary = cache.vocabulary  # the cached loads' stamps hold this very object
            cache.vocabulary = vocabulary
            paths = call_files(calls_dir)
            for gone in set(cache.files) - set(paths):
                del cache.files[gone]
            results = [_load_cached(path, vocabulary, cache) for path in paths]
        elif worth_parallel(calls_dir, ahead):
            paths, results = load_in_parallel(calls_dir, ahead, functools.partial(load_call, vocabulary=vocabulary),
                                              functools.partial(check_call, vocabulary=vocabulary))
        else:
            paths = call_files(calls_dir)
            results = [load_call(path, vocabulary) for path in paths]
        loaded = []
        for path, (call, found) in zip(paths, results):
            problems += found
            if call is not None:
                loaded.append((call, path))
        problems += _duplicate_problems(loaded)
    if problems:
        raise InputError(problems)
    assert vocabulary is not None
    return Catalog(
        calls=tuple(call for call, _path in loaded),
        vocabulary=vocabulary,
        sources={call.id: display_path(path) for call, path in loaded},
    )
