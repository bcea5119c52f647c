"""The files of a calls folder, and parsing them on the other core before validation starts.

This module is light on purpose (PyYAML, no pydantic, no MkDocs): the command line
starts :func:`parse_ahead` first thing, so that the second core parses call files
while this process imports the model and the site engine. The other process sends
back each file's plain data; :mod:`callsite.model.parallel_load` checks it here. Marks (line
and column of every value) are only needed to report a problem: a file with one is simply
parsed again here, and the message is the one a plain load gives.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from .parallel import Split
from .yamlsource import load_document

VOCABULARY_FILE = "_vocabulary.yaml"
PLACEHOLDER = "TÄYTÄ"
"""Marks a value still to be written in a file made by ``callsite new`` ("fill in"). Only in
capitals: "Täytä lomake" is ordinary Finnish."""
EXAMPLE_WORDS = ("etunimi", "firstname", "fornamn", "förnamn", "example.", "xxx", "lorem", "ipsum")
"""Each example shape of :mod:`callsite.model.placeholders` holds one of these (in lower case):
a file whose lower-cased text has none of them holds no example value."""


def display_path(path: Path) -> str:
    if not os.path.isabs(path):  # the usual case (calls/x.yaml): same answer, no getcwd per file
        return os.path.normpath(path)
    return _display_absolute(os.fspath(path), os.getcwd())


@functools.lru_cache(maxsize=16384)
def _display_absolute(path: str, here: str) -> str:
    """An absolute path as shown from ``here``: what relpath says, worked out once per folder
    (and once per file: a load asks for each file's name two or three times)."""
    path = os.path.normpath(path)
    if path.startswith(here + os.sep) and here != os.sep:  # below this folder: what relpath says, sooner
        return path[len(here) + 1:]
    folder, name = os.path.split(path)
    if not name or path == here or here.startswith(path.rstrip(os.sep) + os.sep):
        return _relative(path, here)  # the folder itself or one above it
    shown = _relative(folder, here)
    return name if shown == os.curdir else os.path.join(shown, name)


@functools.lru_cache(maxsize=1024)
def _relative(path: str, here: str) -> str:
    try:
        return os.path.relpath(path, here)
    except ValueError:
        return path


def call_files(calls_dir: Path) -> list[Path]:
    """Call files: ``*.yaml`` and ``*.yml`` in any case (``Haku.YAML`` too), except site data
    named ``_*`` and hidden files (``.*``: editors' lock and backup files). Whatever else has
    such a name (a folder, a link, a pipe) is listed too, so that loading says why it is refused."""
    files = [p for p in calls_dir.iterdir()
             if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith(("_", "."))]
    return sorted(files)


def parse_for_handover(path: Path) -> tuple:
    """What the other process sends for one file: (plain data or None, the problems of reading
    and parsing it, whether the placeholder may occur in the data). The node tree stays there:
    a file that turns out to have a problem is parsed again where its marks are wanted."""
    doc, problems = load_document(path, display_path(path))
    if doc is None:
        return None, problems, False
    return doc.data, [], may_hold_placeholder(doc.text)


def may_hold_placeholder(text: str) -> bool:
    """Whether the placeholder or an example value may be in a file's data: only if it is in its
    text, or a backslash (an escape in double quotes, such as \\u00c4) may have made it. YAML
    joins folded lines with a space, so a word cannot be made from two lines. Searching the
    text takes a tenth of the time of writing the data out as text to search that."""
    if PLACEHOLDER in text or "\\" in text:
        return True
    lowered = text.lower()  # the values are lowered the same way before they are searched
    return any(word in lowered for word in EXAMPLE_WORDS)


class ParsedAhead:
    """The call files of one folder, being parsed on the other core from the last file down."""

    def __init__(self, calls_dir: Path):
        self.calls_dir = Path(calls_dir)
        self.paths = call_files(self.calls_dir)
        self.split = Split(self.paths, parse_for_handover)

    def collect(self, here, finish) -> list:
        """For each file in order: ``here(path)`` for the files this process parses itself,
        ``finish(path, sent)`` for those the other process sent."""
        return self.split.collect(here, finish)


def parse_ahead(calls_dir: Path) -> ParsedAhead | None:
    """Start parsing ``calls_dir`` on the other core; None when the folder cannot be listed
    (loading then reports that as usual)."""
    try:
        return ParsedAhead(calls_dir)
    except OSError:
        return None

