"""Read one YAML file safely, keeping the line and column of every value.

Staff write YAML by hand, so this loader is strict where PyYAML is forgiving:

* Scalars are resolved with the YAML 1.2 core schema: ``16:15`` stays the text
  "16:15" (YAML 1.1 reads it as the number 975), ``no`` stays the text "no"
  (YAML 1.1 reads it as false) and ``2020-08-20`` stays text, which
  :mod:`callsite.dates` then parses in Helsinki time.
* A key given twice in one mapping is an error (PyYAML silently keeps the last).
* Anchors, aliases, merge keys and application tags (``!!python/...``) are
  refused, so a file can neither run code nor expand into gigabytes.
* Files above :data:`MAX_FILE_BYTES` are refused unread.

The parser is libyaml's (``CSafeLoader``) when available: it is ten times faster
than the pure-Python one and still gives node marks.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from ..messages import N_, _
from ..problems import Problem

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 32

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _CoreSchemaLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    yaml_implicit_resolvers: dict = {}


for _tag, _regexp, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
):
    _CoreSchemaLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_regexp), list(_first))

_STD = "tag:yaml.org,2002:"


_STR, _SEQ, _MAP = _STD + "str", _STD + "seq", _STD + "map"
_KNOWN_PLAIN: dict[str, str] = {}
"""Tags of short plain scalars already resolved (field names above all: ``fi``, ``title``)."""
_KNOWN_PLAIN_MAX = 4096


def _resolve(kind, value, implicit):
    """PyYAML's ``Resolver.resolve`` for our table, without its general machinery.

    The C parser calls this once per node; it dominated loading (``callsite check`` of
    1,000 calls). Same answers: plain scalars by first character and pattern, quoted
    scalars are text. A static method: the parser calls it through the loader, and
    binding it to the loader each time cost a tenth of parsing.
    """
    if kind is yaml.ScalarNode:
        if implicit[0]:
            tag = _KNOWN_PLAIN.get(value)
            if tag is not None:
                return tag
            tag = _STR
            for candidate, regexp in _RESOLVERS_BY_FIRST.get(value[:1], ()):
                if regexp.match(value):
                    tag = candidate
                    break
            if len(value) <= 32 and len(_KNOWN_PLAIN) < _KNOWN_PLAIN_MAX:
                _KNOWN_PLAIN[value] = tag
            return tag
        return _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


_RESOLVERS_BY_FIRST = _CoreSchemaLoader.yaml_implicit_resolvers
_CoreSchemaLoader.resolve = staticmethod(_resolve)
# We have no path resolvers, so PyYAML's bookkeeping for them, two Python calls per node, does
# nothing: built-ins that take the same arguments and do nothing either stand in (the parser
# ignores what they return). A built-in is not bound to the loader, so it gets just those.
_CoreSchemaLoader.descend_resolver = {}.get  # (parent node, index) -> None
_CoreSchemaLoader.ascend_resolver = tuple  # () -> ()
_MERGE = _STD + "merge"
_ALLOWED_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_PATTERNS = {tag: regexp for resolvers in _RESOLVERS_BY_FIRST.values() for tag, regexp in resolvers}
_TAG_NAMES = {_STD + "int": N_("a whole number"), _STD + "float": N_("a number"),
              _STD + "bool": N_("true or false"), _STD + "null": N_("empty")}


def _fits_its_tag(node: yaml.ScalarNode) -> bool:
    """Whether a scalar is written as its tag wants: always so for one resolved from its text;
    one tagged by hand (``!!int twelve``) may not be."""
    pattern = _PATTERNS.get(node.tag)
    return pattern is None or pattern.match(node.value) is not None



class Document:
    """The plain data of one YAML file, its text, and its node tree: where each value and key
    stands is looked up in the tree when a message needs it (a valid file needs none)."""

    def __init__(self, data: Any, root: yaml.Node | None = None, text: str = ""):
        self.data = data
        self.root = root
        self.text = text

    def mark_of(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """(line, column) of the value at ``path``, or of its nearest ancestor; ``key``: of the
        field's name rather than its value, where the path ends in (or nears) a field."""
        node = self.root
        if node is None:
            return (1, 1)
        value_mark, key_mark = node.start_mark, None
        for part in path:
            found = None
            if isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part),
                             None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                found = (None, node.value[part])
            if found is None:
                break
            key_node, node = found
            value_mark, key_mark = node.start_mark, key_node.start_mark if key_node is not None else None
        mark = key_mark if key and key_mark is not None else value_mark
        return (mark.line + 1, mark.column + 1)


def describe(value: Any) -> str:
    """Describe a parsed YAML value in staff terms, for 'found ...' messages."""
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        return _("the truth value {value}").format(value="true" if value else "false")
    if isinstance(value, int):
        return _("the number {value}").format(value=value)
    if isinstance(value, float):
        return _("the decimal number {value}").format(value=f"{value:g}")
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return _("the text {text}").format(text=repr(shown))
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of fields")
    return type(value).__name__


class _Walker:
    """Plain data from a node tree, with every problem that only the tree shows (aliases, tags,
    keys given twice, too deep) at its spot. Where values stand is not recorded here: a
    :class:`Document` finds that in the tree when asked."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

    def problem(self, mark: yaml.Mark, path: tuple, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, format_path(path), message, hint)
        )

    def walk(self, node: yaml.Node, path: tuple, depth: int = 0, named_at: yaml.Mark | None = None) -> Any:
        """``named_at``: where the field whose value this is was named (an alias is reported there)."""
        if id(node) in self.seen:
            # The alias resolves to the anchored node itself; point at the field that uses it.
            self.problem(named_at or node.start_mark, path,
                         _("a value cannot refer to another one with & and * (anchors and aliases)"),
                         _("write the value out in full in each place"))
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node.start_mark, path,
                         _("the fields are nested more than {depth} levels deep").format(depth=MAX_DEPTH))
            return None
        if node.tag not in _ALLOWED_TAGS:
            self.problem(node.start_mark, path, _("the marking {tag} is not allowed in a call file").format(
                tag=repr(node.tag)), _("remove the marking (the word starting with !)"))
            return None
        if isinstance(node, yaml.ScalarNode):
            if not _fits_its_tag(node):
                self.problem(node.start_mark, path, _("{value} is not {kind}, as its marking {tag} says").format(
                    value=repr(node.value), kind=_(_TAG_NAMES[node.tag]), tag=node.tag.replace(_STD, "!!")),
                    _("remove the marking (the word starting with !)"))
                return None
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self.mapping(node, path, depth)

    @staticmethod
    def scalar(node: yaml.ScalarNode) -> Any:
        kind = node.tag[len(_STD):]
        text = node.value
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            return text.lower() == "true"
        if kind == "null":
            return None
        return text

    def mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        seen = self.seen
        depth += 1
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self.problem(key_node.start_mark, path, _("fields cannot be copied from elsewhere with <<"),
                             _("write the fields out in full"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, path, _("a field name must be a plain word"))
                continue
            key = key_node.value
            if key in first_line:  # every key in result is in first_line too
                self.problem(key_node.start_mark, path + (key,),
                             _("the field {name} is given twice in the same group (first on line {line})").format(
                                 name=repr(key), line=first_line[key]),
                             _("keep one of them and delete the other"))
                continue
            first_line[key] = key_node.start_mark.line + 1
            # A text value, most of a file, is taken here without a call (loading is mostly this).
            if value_node.tag == _STR and value_node.__class__ is yaml.ScalarNode and depth <= MAX_DEPTH \
                    and id(value_node) not in seen:
                seen.add(id(value_node))
                result[key] = value_node.value
            else:
                result[key] = self.walk(value_node, path + (key,), depth, key_node.start_mark)
        return result


def format_path(path: tuple) -> str:
    """``("rounds", 0, "closes")`` -> ``rounds[1].closes`` (items counted from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read(path: Path, file: str) -> tuple[str | None, list[Problem]]:
    """The text of ``path``, or None and why it cannot be read as a call file.

    Only an ordinary file is read: a link is refused unopened (its target could be any file
    on the machine, and a message must not quote it), and a named pipe or a device is opened
    without waiting (reading one would wait for ever) and refused."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return None, [_unreadable(path, file, error)]
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem(file, 0, 0, "", _("this is a folder, not a call file"),
                                  _("rename the folder so that its name does not end in .yaml"))]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(file, 0, 0, "", _("this is not an ordinary file"),
                                  _("a call file is a text file saved by an editor; delete or move this one"))]
        if info.st_size > MAX_FILE_BYTES:
            return None, [Problem(file, 0, 0, "", _("the file is {size} KiB; the limit is {limit} KiB").format(
                size=info.st_size // 1024, limit=MAX_FILE_BYTES // 1024),
                _("a call this long is probably a mistake; move long texts to the linked documents"))]
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [_unreadable(path, file, error)]
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        return None, [Problem(file, 0, 0, "", _("the file is over the limit of {limit} KiB").format(
            limit=MAX_FILE_BYTES // 1024))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(file, line, 0, "", _("the file is not in UTF-8 encoding"),
                              _("save the file as UTF-8 in your editor"))]
    if "\x00" in text:
        return None, [Problem(file, 0, 0, "", _("the file contains NUL characters; it is not a text file"))]
    return text, []


def _unreadable(path: Path, file: str, error: OSError) -> Problem:
    """Why a file could not be opened or read, in staff terms."""
    if os.path.islink(path):  # O_NOFOLLOW refused it (ELOOP, or EMLINK on some systems)
        return Problem(file, 0, 0, "", _("this is a link to another file, not a call file"),
                       _("put the call file itself in the calls folder instead of a link to it"))
    if error.errno in (errno.EACCES, errno.EPERM):
        return Problem(file, 0, 0, "", _("the file cannot be read: you do not have permission to open it"),
                       _("ask whoever manages this computer or folder to give you read access"))
    return Problem(file, 0, 0, "", _("the file cannot be read ({reason})").format(reason=error.strerror or error))


def syntax_problem(error: yaml.YAMLError, file: str, text: str, compose=None) -> Problem:
    """The mistake behind PyYAML's syntax error in ``text``, in plain words, at the line it is on
    (see :mod:`callsite.source.syntax`), that line quoted. ``compose``: how ``text`` was parsed
    (default: as a call file)."""
    if not isinstance(error, yaml.MarkedYAMLError) or (error.problem_mark or error.context_mark) is None:
        return Problem(file, 0, 0, "", _("the file cannot be read as YAML: {reason}").format(reason=error))
    from .syntax import diagnose, lines_of

    found = diagnose(text, error, compose or _compose_text)
    lines = lines_of(text)
    quote = lines[found.line - 1] if found.line <= len(lines) else ""
    return Problem(file, found.line, found.column, "", found.message, found.hint, quote=quote)


def _compose_text(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_CoreSchemaLoader)


def _compose(text: str, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of ``text``, or None and the syntax problem."""
    try:
        node = _compose_text(text)
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, file, text)]
    except RecursionError:
        return None, [Problem(file, 0, 0, "", _("the fields are nested too deeply"))]
    if node is None:
        return None, [Problem(file, 0, 0, "", _("the file is empty"))]
    return node, []


def _walk(node: yaml.Node, file: str) -> tuple[Any, list[Problem]]:
    """The plain data of a node tree, or None and the problems found in it."""
    walker = _Walker(file)
    data = walker.walk(node, ())
    return (None, walker.problems) if walker.problems else (data, [])


def load_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse ``path``: the document (data, text, node tree), or ``None`` and the problems."""
    file = display or str(path)
    text, problems = _read(path, file)
    if text is None:
        return None, problems
    node, problems = _compose(text, file)
    if node is None:
        return None, problems
    data, problems = _walk(node, file)
    if problems:
        return None, problems
    return Document(data, node, text), []
