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
_TAG_NAMES = {_STD + "int": "a whole number", _STD + "float": "a number", _STD + "bool": "true or false",
              _STD + "null": "empty"}


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


_SYNTAX_HINTS = {
    "mapping values are not allowed": "a colon followed by a space starts a new field; "
    "put text that contains ': ' in quotes, or check the indentation",
    "could not find expected ':'": "every field is written 'name: value'; check this line and "
    "the one above for a missing colon or wrong indentation",
    "that cannot start any token": "indent with spaces, not tabs, and put text starting with "
    "@ or ` in quotes",
    "did not find expected key": "check the indentation: fields of one group start in the same column",
    "did not find expected '-' indicator": "check the indentation of the list items",
    "found unexpected end of stream": "a quotation mark may be missing its closing pair",
    "found unknown escape character": "inside double quotes a backslash starts an escape; use single quotes",
}


def describe(value: Any) -> str:
    """Describe a parsed YAML value in staff terms, for 'found ...' messages."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the truth value {'true' if value else 'false'}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the decimal number {value:g}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
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
            self.problem(named_at or node.start_mark, path, "anchors and aliases (& and *) are not allowed",
                         "write the value out in full in each place")
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node.start_mark, path, f"the data is nested more than {MAX_DEPTH} levels deep")
            return None
        if node.tag not in _ALLOWED_TAGS:
            self.problem(node.start_mark, path, f"the YAML tag {node.tag!r} is not allowed",
                         "remove the tag (the word starting with !)")
            return None
        if isinstance(node, yaml.ScalarNode):
            if not _fits_its_tag(node):
                self.problem(node.start_mark, path, f"{node.value!r} is not {_TAG_NAMES[node.tag]}, "
                             f"as its YAML tag {node.tag.replace(_STD, '!!')} says",
                             "remove the tag (the word starting with !)")
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
                self.problem(key_node.start_mark, path, "merge keys (<<) are not allowed",
                             "write the fields out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node.start_mark, path, "a field name must be a plain word")
                continue
            key = key_node.value
            if key in first_line:  # every key in result is in first_line too
                self.problem(key_node.start_mark, path + (key,),
                             f"the field {key!r} is given twice in the same group "
                             f"(first on line {first_line[key]})",
                             "keep one of them and delete the other")
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
            return None, [Problem(file, 0, 0, "", "this is a folder, not a call file",
                                  "rename the folder so that its name does not end in .yaml")]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(file, 0, 0, "", "this is not an ordinary file",
                                  "a call file is a text file saved by an editor; delete or move this one")]
        if info.st_size > MAX_FILE_BYTES:
            return None, [Problem(file, 0, 0, "", f"the file is {info.st_size // 1024} KiB; the limit is "
                                  f"{MAX_FILE_BYTES // 1024} KiB", "a call this long is probably a mistake; "
                                  "move long texts to the linked documents")]
        with os.fdopen(fd, "rb", closefd=False) as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [_unreadable(path, file, error)]
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        return None, [Problem(file, 0, 0, "", f"the file is over the limit of {MAX_FILE_BYTES // 1024} KiB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(file, line, 0, "", "the file is not in UTF-8 encoding",
                              "save the file as UTF-8 in your editor")]
    if "\x00" in text:
        return None, [Problem(file, 0, 0, "", "the file contains NUL characters; it is not a text file")]
    return text, []


def _unreadable(path: Path, file: str, error: OSError) -> Problem:
    """Why a file could not be opened or read, in staff terms."""
    if os.path.islink(path):  # O_NOFOLLOW refused it (ELOOP, or EMLINK on some systems)
        return Problem(file, 0, 0, "", "this is a link to another file, not a call file",
                       "put the call file itself in the calls folder instead of a link to it")
    if error.errno in (errno.EACCES, errno.EPERM):
        return Problem(file, 0, 0, "", "the file cannot be read: you do not have permission to open it",
                       "ask whoever manages this computer or folder to give you read access")
    return Problem(file, 0, 0, "", f"the file cannot be read ({error.strerror or error})")


def syntax_problem(error: yaml.YAMLError, file: str) -> Problem:
    """What PyYAML's syntax error says, at its line and column, with a hint where one helps."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(file, 0, 0, "", f"YAML syntax error: {error}")
    mark = error.problem_mark or error.context_mark
    message = str(error.problem or error.context or "YAML syntax error")
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in message), "")
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(file, line, column, "", f"YAML syntax error: {message}", hint)


def _compose(text: str, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of ``text``, or None and the syntax problem."""
    try:
        node = yaml.compose(text, Loader=_CoreSchemaLoader)
    except yaml.YAMLError as error:
        return None, [syntax_problem(error, file)]
    except RecursionError:
        return None, [Problem(file, 0, 0, "", "the data is nested too deeply")]
    if node is None:
        return None, [Problem(file, 0, 0, "", "the file is empty")]
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
