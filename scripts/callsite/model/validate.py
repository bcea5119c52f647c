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

from ..problems import InputError, Problem
from ..source.callfiles import (PLACEHOLDER, UNIQUE_FIELDS, VOCABULARY_FILE, ParsedAhead, call_files, display_path,
                        parse_for_handover)
from ..source.yamlsource import Document, describe, format_path, load_document
from .call import CONTROL_CHARACTERS, LANGUAGES, Call, Vocabulary, field_description

LANGUAGE_NAMES = {"fi": "Finnish", "sv": "Swedish"}


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


def _choices_hint(word: Any, choices: list[str], what: str) -> str:
    if isinstance(word, str):
        close = _closest(word, choices)
        if close:
            return f"did you mean {close!r}?"
    return f"the {what} are: {', '.join(choices)}"


def _problem_from_error(error: dict, doc: Document, file: str, root: type[BaseModel]) -> Problem:
    kind = error["type"]
    loc = tuple(error["loc"])
    found = error.get("input")
    ctx = error.get("ctx") or {}
    hint = str(ctx.get("hint", ""))
    name = loc[-1] if loc else ""
    if kind == "missing":
        if name in LANGUAGES:
            message = f"the {LANGUAGE_NAMES[name]} text ({name}) is missing"
            hint = f"every text is written in both languages: add '{name}: ...'"
        else:
            message = f"the required field {name!r} is missing"
            model = _model_at(root, loc[:-1])
            description = field_description(model, name) if model else None
            if description:
                hint = f"{name}: {description.splitlines()[0]}"
        line, column = doc.mark_of(loc[:-1])
    elif kind == "extra_forbidden":
        message = f"unknown field {name!r}"
        model = _model_at(root, loc[:-1])
        if model is not None:
            hint = _choices_hint(name, list(model.model_fields), "fields allowed here")
        line, column = doc.mark_of(loc, key=True)
    else:
        line, column = doc.mark_of(loc)
        message, hint = _describe_value_error(kind, error, found, name, hint)
    return Problem(file, line, column, format_path(loc), message, hint)


def _describe_value_error(kind: str, error: dict, found: Any, name: Any, hint: str) -> tuple[str, str]:
    what = describe(found)
    if kind == "literal_error":
        expected = [e.strip(" '") for e in error["ctx"]["expected"].replace(" or ", ", ").split(", ")]
        return (f"expected one of {', '.join(expected)}; found {what}",
                _choices_hint(found, expected, "allowed values"))
    if kind == "string_type":
        return (f"expected text, found {what}",
                "put the value in quotes" if isinstance(found, (int, float, bool)) else hint)
    if kind == "string_too_short":
        return "the text is empty", "write the text, or delete the field if it is optional"
    if kind == "string_pattern_mismatch":
        unusable = describe_unusable_text(found)
        if unusable is not None:
            return unusable
        if name == "email":
            return f"expected an email address, found {what}", "e.g. etunimi.sukunimi@oph.fi"
        if isinstance(found, str) and found:
            return (f"expected lowercase letters a-z, digits and hyphens, found {what}",
                    f"e.g. {slugify(found)!r}")
        return f"expected lowercase letters a-z, digits and hyphens, found {what}", hint
    if kind == "string_too_long":
        return f"the text is too long ({len(found)} characters)", error["msg"].replace("String", "it")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return (f"expected a whole number, found {what}",
                "write digits only, e.g. 1500000 or 1 500 000" if isinstance(found, (str, float)) else hint)
    if kind == "bool_type":
        if isinstance(found, str) and found.lower() in ("yes", "no", "on", "off", "y", "n", "kyllä", "ei"):
            hint = "write true or false (in these files yes/no are text, not truth values)"
        return f"expected true or false, found {what}", hint or "write true or false"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(error["ctx"].values()))
        words = {"greater_than": "greater than", "greater_than_equal": "at least",
                 "less_than": "less than", "less_than_equal": "at most"}[kind]
        return f"expected a number {words} {limit}, found {what}", hint
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (f"expected a group of fields, found {what}",
                "write the fields indented under this one, each as 'name: value'")
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, found {what}", "write each item on its own line, starting with '- '"
    if kind == "too_short":
        return "the list is empty", "give at least one item"
    if kind in ("date_type", "datetime_type", "is_instance_of", "date_from_datetime_inexact"):
        return f"expected a date, found {what}", "write e.g. 20.8.2026 or 20.8.2026 klo 16.15"
    return error["msg"], hint


_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")


def describe_unusable_text(found: Any) -> tuple[str, str] | None:
    """(message, hint) for text the model refuses whatever the field: a control character, or
    nothing visible at all; None for any other text."""
    if not isinstance(found, str):
        return None
    control = _CONTROL.search(found)
    if control is not None:
        return (f"the text has an invisible control character (U+{ord(control.group()):04X}) "
                f"at character {control.start() + 1}",
                "delete it: in double quotes, a backslash starts a code such as \\0 or \\e; "
                "write the text without them")
    if not found.strip() or all(ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Zl", "Zp")
                                for ch in found):
        return ("the text has nothing visible in it (only spaces or invisible characters)",
                "write the text, or delete the field if it is optional")
    return None


def slugify(text: str) -> str:
    """Address part from a title: ``Förskola & skola`` -> ``forskola-skola``."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in plain).split()
    return "-".join(words)[:120].strip("-")


def _validate(model: type[BaseModel], doc: Document, file: str):
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
    problems = [_problem_from_error(e, doc, file, model) for e in errors if not _is_echo(e, errors)]
    return None, problems


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
    decisions = data.get("decisions")
    groups.append((("decisions", "url"), decisions.get("url") if isinstance(decisions, dict) else None))
    for path, urls in groups:
        for lang in LANGUAGES:
            yield path + (lang,), urls.get(lang) if isinstance(urls, dict) else None


def _url_problems(doc: Document, file: str) -> list[Problem]:
    problems = []
    for path, url in _link_addresses(doc.data):
        if not isinstance(url, str) or _is_allowed_url(url):
            continue
        line, column = doc.mark_of(path)
        if "\\" in url:
            message, hint = (f"the link {url!r} has a backslash (\\) in it",
                             "web addresses use / between their parts: write / instead of \\")
        elif url.startswith(("https://", "http://", "/")) and _WHITESPACE.search(url):
            message, hint = (f"the link {url!r} has a space in it",
                             "web addresses have no spaces: delete it (write %20 if the address really has one)")
        else:
            message, hint = (f"the link {url!r} does not start with https://, http:// or mailto:",
                             "copy the full address from the browser's address bar")
        problems.append(Problem(file, line, column, format_path(path), message, hint))
    return problems


def _vocabulary_problems(doc: Document, file: str, vocabulary: Vocabulary) -> list[Problem]:
    problems = []
    checks = (
        (("tags",), vocabulary.tags, "tag", "valid tags"),
        (("eligibility", "applicant_types"), vocabulary.applicant_types, "applicant type", "valid applicant types"),
    )
    for path, known, what, plural in checks:
        used = _raw(doc.data, path)
        for i, key in enumerate(used if isinstance(used, list) else []):
            if isinstance(key, str) and key not in known:
                line, column = doc.mark_of(path + (i,))
                problems.append(Problem(file, line, column, format_path(path + (i,)),
                                        f"unknown {what} {key!r}",
                                        _choices_hint(key, sorted(known), plural)
                                        + f" (new ones are added in calls/{VOCABULARY_FILE})"))
    return problems


def load_vocabulary(calls_dir: Path) -> tuple[Vocabulary | None, list[Problem]]:
    path = calls_dir / VOCABULARY_FILE
    file = display_path(path)
    doc, problems = load_document(path, file)
    if doc is None:
        return None, problems
    vocabulary, problems = _validate(Vocabulary, doc, file)
    if vocabulary is None:
        return None, problems
    problems = _topic_address_problems(vocabulary, doc, file)
    return (None if problems else vocabulary), problems


def _topic_address_problems(vocabulary: Vocabulary, doc: Document, file: str) -> list[Problem]:
    """Each topic's page address is made from its label: two labels that make the same address
    (or one that makes none) would make two pages claim one address."""
    problems = []
    for lang in LANGUAGES:
        seen: dict[str, str] = {}
        for tag, label in vocabulary.tags.items():
            name = getattr(label, lang)
            slug = slugify(name)
            path = ("tags", tag, lang)
            line, column = doc.mark_of(path)
            if not slug:
                problems.append(Problem(file, line, column, format_path(path),
                                        f"the label {name!r} has no letters or digits for the page address",
                                        "write the topic's name with letters"))
            elif slug in seen:
                problems.append(Problem(file, line, column, format_path(path),
                                        f"the label {name!r} gives the same page address ({slug}) "
                                        f"as the topic {seen[slug]!r}",
                                        "every topic needs a name of its own in each language"))
            else:
                seen[slug] = tag
    return problems


def _placeholder_paths(data: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(data, str):
        return [path] if PLACEHOLDER in data else []
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _placeholder_paths(value, path + (key,))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in _placeholder_paths(value, path + (i,))]
    return []


def _placeholder_problems(doc: Document, file: str, paths: list[tuple]) -> list[Problem]:
    problems = []
    for path in paths:
        line, column = doc.mark_of(path)
        # Explain the field, not the language: purpose.fi -> "purpose: Purpose and background ..."
        names = [part for part in path if isinstance(part, str)]
        while names and names[-1] in LANGUAGES and len(names) > 1:
            names.pop()
        name = names[-1] if names else ""
        model = _model_at(Call, tuple(names[:-1])) if name else None
        description = field_description(model, name) if model else None
        hint = f"{name}: {' '.join(description.split())}" if description else ""
        problems.append(Problem(file, line, column, format_path(path),
                                f"fill in this value: it still holds the placeholder {_raw(doc.data, path)!r}",
                                hint or "write the real value, or delete the field if it is optional"))
    return problems


def load_call(path: Path, vocabulary: Vocabulary | None) -> tuple[Call | None, Document | None, list[Problem]]:
    file = display_path(path)
    doc, problems = load_document(path, file)
    if doc is None:
        return None, None, problems
    call, problems = _check_call(doc, file, vocabulary)
    return call, doc, problems


def _check_call(doc: Document, file: str, vocabulary: Vocabulary | None,
                may_hold_placeholder: bool | None = None) -> tuple[Call | None, list[Problem]]:
    """The call of a parsed file and its problems (the call is None if there are any).
    ``may_hold_placeholder``: whether the placeholder occurs in the data, if already known."""
    call, problems = _validate(Call, doc, file)
    problems += _url_problems(doc, file)
    if vocabulary is not None:
        problems += _vocabulary_problems(doc, file, vocabulary)
    if may_hold_placeholder is None:
        may_hold_placeholder = PLACEHOLDER in str(doc.data)
    placeholders = _placeholder_paths(doc.data) if may_hold_placeholder else []
    if placeholders:
        # Say "fill this in" once, instead of also "expected a number" or "unknown tag" there.
        unfilled = {format_path(p) for p in placeholders}
        problems = [p for p in problems if p.field not in unfilled] + _placeholder_problems(doc, file, placeholders)
    return (None if problems else call), problems


def _duplicate_problems(loaded: list[tuple[Call, dict, str]]) -> list[Problem]:
    problems = []
    seen: dict[tuple, tuple[str, int]] = {}
    for call, marks, file in loaded:
        keys = [(("id",), ("id", call.id))] + [
            (("slug", lang), (f"slug.{lang}", getattr(call.slug, lang))) for lang in LANGUAGES
        ]
        for path, key in keys:
            line, column = marks[path]
            if key in seen:
                first_file, first_line = seen[key]
                problems.append(Problem(file, line, column, format_path(path),
                                        f"{key[1]!r} is already used by {first_file}:{first_line}",
                                        f"every call needs its own {key[0]}; change one of them"))
            else:
                seen[key] = (file, line)
    return problems


@dataclass
class LoadCache:
    """What the live preview keeps between loads (see :func:`load_catalog`)."""

    files: dict[Path, tuple] = field(default_factory=dict)
    """Path -> (stamp, result): a file's load, reused while its stamp is unchanged."""
    vocabulary: Vocabulary | None = None
    """The last vocabulary object, kept while equal: each stamp holds it, so comparing a
    stamp takes one identity check instead of a deep comparison."""


def _load_one(path: Path, vocabulary: Vocabulary | None, cache: LoadCache) -> tuple:
    """(call or None, marks of the unique fields, problems); reused from ``cache`` while the file is unchanged."""
    try:
        stat = path.lstat()  # a link is refused by loading: its own stamp is what counts
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_mode, vocabulary)
    except OSError:
        stamp = None  # gone or unreadable: loading says so, every time
    hit = cache.files.get(path)
    if hit is not None and stamp is not None and hit[0] == stamp:
        return hit[1]
    call, _, marks, found = _load_with_data(path, vocabulary)
    result = (call, marks, found)
    cache.files[path] = (stamp, result)
    return result


def _load_with_data(path: Path, vocabulary: Vocabulary | None) -> tuple:
    """(call or None, its plain data, marks of the unique fields, problems): parsed without
    the marks first, as the other process parses, since a valid file needs none of them."""
    return _check_handed_over(path, parse_for_handover(path), vocabulary)


def _load_marked(path: Path, vocabulary: Vocabulary | None) -> tuple:
    """:func:`_load_with_data` with every mark at hand (to report the problems of a file)."""
    call, doc, found = load_call(path, vocabulary)
    if call is None:
        return None, None, {}, found
    # Keep only the marks the duplicate check needs: a document's marks are many times its data.
    return call, doc.data, {field: doc.mark_of(field) for field in UNIQUE_FIELDS}, found


class _MarksWanted(Exception):
    """A check found a problem in a file parsed without its marks: reporting it needs them."""


class _Unmarked(Document):
    """The plain data of a file: enough to check, not to say where a problem is."""

    def mark_of(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        raise _MarksWanted


def _check_handed_over(path: Path, sent: tuple, vocabulary: Vocabulary | None) -> tuple:
    """``_load_marked(path, vocabulary)`` for a file parsed without its marks (here or by the
    other process, see :mod:`callsite.callfiles`): the same call from its data, or, if
    anything in it is wrong, the same problems, from parsing the file again with them."""
    data, problems, marks, may_hold_placeholder = sent
    if problems:
        return None, None, {}, problems
    try:  # the checks of a plain load; each asks for a mark only to report a problem
        call, problems = _check_call(_Unmarked(data), display_path(path), vocabulary, may_hold_placeholder)
    except _MarksWanted:
        problems = True
    if problems:  # reported as a plain load reports them
        return _load_marked(path, vocabulary)
    return call, data, marks, []


@contextlib.contextmanager
def _collector_paused():
    """Loading makes ~100 small objects per line of YAML and keeps most of them (marks for
    messages); the cycle collector then rescans the growing heap again and again, a third
    of the time of checking 1,000 calls. Nothing here makes cycles, so pause it meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_catalog(calls_dir: Path, cache: LoadCache | None = None, ahead: ParsedAhead | None = None) -> Catalog:
    """Load and validate every call; raise :class:`InputError` with all problems.

    ``cache`` (kept by the caller, e.g. the live preview) skips files that
    have not changed since the last call. Otherwise the files are parsed on both cores:
    ``ahead`` (from :func:`callsite.callfiles.parse_ahead`, for this folder) has had the
    other core at it already; without it, it starts now.
    """
    with _collector_paused():
        return _load_catalog(Path(calls_dir), cache, ahead)


def _load_catalog(calls_dir: Path, cache: LoadCache | None, ahead: ParsedAhead | None) -> Catalog:
    calls_dir = Path(calls_dir)
    if not calls_dir.is_dir():
        raise InputError([Problem(display_path(calls_dir), 0, 0, "", "the calls folder does not exist")])
    vocabulary, problems = load_vocabulary(calls_dir)
    if cache is not None:
        if vocabulary is not None and cache.vocabulary == vocabulary:
            vocabulary = cache.vocabulary
        cache.vocabulary = vocabulary
    loaded = []
    if cache is None:
        if ahead is None or ahead.calls_dir != calls_dir:
            ahead = ParsedAhead(calls_dir)
        paths = ahead.paths
        loaded_here_or_there = ahead.collect(functools.partial(_load_with_data, vocabulary=vocabulary),
                                             functools.partial(_check_handed_over, vocabulary=vocabulary))
        results = [(call, marks, found) for call, _, marks, found in loaded_here_or_there]
    else:
        paths = call_files(calls_dir)
        for gone in set(cache.files) - set(paths):
            del cache.files[gone]
        results = [_load_one(path, vocabulary, cache) for path in paths]
    for path, (call, marks, found) in zip(paths, results):
        problems += found
        if call is not None:
            loaded.append((call, marks, display_path(path)))
    problems += _duplicate_problems(loaded)
    if problems:
        raise InputError(problems)
    assert vocabulary is not None
    return Catalog(
        calls=tuple(call for call, _, _ in loaded),
        vocabulary=vocabulary,
        sources={call.id: file for call, _, file in loaded},
    )
