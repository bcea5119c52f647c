"""What is most likely wrong where a call file cannot be read, said in staff terms at the line
the mistake is on.

PyYAML says where its parser gave up, in the parser's terms ("did not find expected key"), and
that is often below the mistake: a field moved one column left is noticed on the next line, a
colon missing after a field name at the next field. So the likely mistakes (a tab, a quotation
mark left open, a missing colon, a colon inside a text, a list item where a field belongs, a
line indented differently from its group) are each tried as a repair of one line near that
spot: the mistake is the repair with which the file reads, or reads further, and the message
names it at its line. When no repair helps, the message says in plain words what kind of thing
is wrong at the parser's spot.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import yaml

from ..messages import _

LINE_BREAKS = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
"""What PyYAML counts as the end of a line: its line numbers are counted the same way here."""

_WINDOW = 8
"""Lines above the parser's spot where the mistake is looked for."""
_FIELD_WITHOUT_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)(?:(\s+)(\S.*))?$")


@dataclass(frozen=True)
class Diagnosis:
    line: int
    """1-based line of the mistake."""
    column: int
    """1-based column to point at."""
    message: str
    hint: str


def lines_of(text: str) -> list[str]:
    return LINE_BREAKS.split(text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _open_quote(line: str) -> int | None:
    """Index of a quotation mark that starts a text on ``line`` and is not closed on it."""
    i, n, can_start = 0, len(line), True
    while i < n:
        ch = line[i]
        if ch in " \t":
            i += 1
            continue
        if ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return None  # the rest is a comment
        if can_start and ch in "\"'":
            j = i + 1
            while j < n:
                if ch == '"' and line[j] == "\\":
                    j += 2
                    continue
                if line[j] == ch:
                    if ch == "'" and j + 1 < n and line[j + 1] == "'":  # '' is one ' inside '...'
                        j += 2
                        continue
                    break
                j += 1
            else:
                return i
            i, can_start = j + 1, False
            continue
        if ch in "[{,":
            can_start = True
        elif ch == ":" and (i + 1 == n or line[i + 1] == " "):
            can_start = True
        elif not (ch == "-" and can_start and (i + 1 == n or line[i + 1] == " ")):
            can_start = False
        i += 1
    return None


def _open_brackets(line: str) -> list[int]:
    """Indexes of the [ and { on ``line`` (outside quoted texts and comments) not closed on it."""
    opened: list[int] = []
    quote = None
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or line[i - 1] in " [{,:"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            break
        elif ch in "[{":
            opened.append(i)
        elif ch in "]}" and opened:
            opened.pop()
        i += 1
    return opened


class _Diagnoser:
    def __init__(self, text: str, error: yaml.MarkedYAMLError, compose: Callable[[str], object]):
        self.lines = lines_of(text)
        self.compose = compose
        self.error = error
        mark = error.problem_mark or error.context_mark
        self.at = min(mark.line, len(self.lines) - 1) if mark else 0
        self.column = mark.column if mark else 0
        self.context = error.context_mark.line if error.context_mark is not None else self.at
        self.problem = str(error.problem or error.context or "")

    def reads_with(self, number: int, replacement: str) -> bool:
        """Whether the file reads, or reads past the parser's spot, with line ``number`` replaced."""
        lines = list(self.lines)
        lines[number] = replacement
        try:
            self.compose("\n".join(lines))
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            return mark is not None and mark.line > self.at
        except (yaml.YAMLError, RecursionError):
            return False
        return True

    def above(self) -> range:
        """The lines where the mistake may be, nearest first."""
        return range(self.at, max(-1, min(self.at, self.context) - _WINDOW), -1)

    def diagnose(self) -> Diagnosis:
        for attempt in (self.tab, self.open_quote, self.open_bracket, self.missing_colon, self.colon_in_text,
                        self.stray_list_item, self.indentation):
            found = attempt()
            if found is not None:
                return found
        return self.in_plain_words()

    def tab(self) -> Diagnosis | None:
        for number in self.above():
            line = self.lines[number]
            if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
                return Diagnosis(number + 1, line.index("\t") + 1,
                                 _("line {line} is indented with a tab").format(line=number + 1),
                                 _("indent with spaces only: delete the tab and type spaces, so that the line "
                                   "starts in the same column as the others of its group"))
        return None

    def open_quote(self) -> Diagnosis | None:
        for number in range(self.at, -1, -1):
            line = self.lines[number]
            start = _open_quote(line)
            if start is not None and self.reads_with(number, line.rstrip() + line[start]):
                return Diagnosis(number + 1, start + 1,
                                 _("the quotation mark {mark} that starts the text here is not closed on this "
                                   "line").format(mark=line[start]),
                                 _("add the closing {mark} at the end of the text, or delete the opening "
                                   "one").format(mark=line[start]))
        return self.open_quote_in_braces()

    def open_quote_in_braces(self) -> Diagnosis | None:
        """``{fi: "text, sv: "text"}``: the first text's closing mark is missing, so the second's
        opening mark closes it; the line reads again with a mark put back before a field's comma."""
        line = self.lines[self.at]
        for comma in re.finditer(r",\s*[A-Za-z_][A-Za-z0-9_]*:\s", line):
            opening = line.rfind('"', 0, comma.start())
            if opening < 0 or line[:opening].count('"') % 2:
                continue  # that mark closes a text: the comma is outside it
            if self.reads_with(self.at, line[: comma.start()] + '"' + line[comma.start():]):
                return Diagnosis(self.at + 1, opening + 1,
                                 _("the quotation mark {mark} that starts the text here is not closed before the "
                                   "next field").format(mark='"'),
                                 _("add the closing {mark} at the end of the text, or delete the opening "
                                   "one").format(mark='"'))
        return None

    def open_bracket(self) -> Diagnosis | None:
        """A list in [ ] or a group in { } left open on its line: the nearest such line above the
        parser's spot whose closing makes the file read."""
        for number in range(self.at, max(-1, self.at - _WINDOW * 4), -1):
            line = self.lines[number]
            opened = _open_brackets(line)
            if not opened:
                continue
            closing = "".join({"[": "]", "{": "}"}[line[i]] for i in reversed(opened))
            if self.reads_with(number, line.rstrip() + closing):
                return Diagnosis(number + 1, opened[-1] + 1,
                                 _("the bracket {opening} that starts here is not closed on this line").format(
                                     opening=line[opened[-1]]),
                                 _("add the closing {closing} at the end of the line").format(closing=closing))
        return None

    def missing_colon(self) -> Diagnosis | None:
        for number in dict.fromkeys((self.context, self.at, self.at - 1)):
            if number < 0:
                continue
            match = _FIELD_WITHOUT_COLON.match(self.lines[number])
            if match is None:
                continue
            lead, name, space, value = match.groups()
            repaired = f"{lead}{name}:{space}{value}" if value else f"{lead}{name}:"
            if self.reads_with(number, repaired):
                return Diagnosis(number + 1, len(lead) + len(name) + 1,
                                 _("the colon (:) after the field name '{name}' is missing").format(name=name),
                                 _("write the field as '{name}: value', with a colon and a space after the "
                                   "name").format(name=name))
        return None

    def colon_in_text(self) -> Diagnosis | None:
        line = self.lines[self.at]
        match = re.match(r"^(\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+)(.*?)\s*$", line)
        if match is None or ": " not in match.group(2) or match.group(2)[:1] in "\"'[{":
            return None
        lead, value = match.groups()
        quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if not self.reads_with(self.at, lead + quoted):
            return None
        name = lead.strip(" -:")
        return Diagnosis(self.at + 1, len(lead) + value.index(": ") + 1,
                         _("the text has a colon followed by a space (': '), which would start a new field"),
                         _("put the whole text in quotation marks: {name}: \"{text}\"").format(
                             name=name, text=value if len(value) <= 40 else value[:37] + "..."))

    def stray_list_item(self) -> Diagnosis | None:
        for number in self.above():
            line = self.lines[number]
            match = re.match(r"^(\s*)-\s+(?=\S)", line)
            if match is None or not self.reads_with(number, match.group(1) + line[match.end():]):
                continue
            return Diagnosis(number + 1, len(match.group(1)) + 1,
                             _("a list item (a line starting with '-') stands where a field is expected"),
                             _("delete the '-' at the start of the line, or move the line into the list it "
                               "belongs to"))
        return None

    def indentation(self) -> Diagnosis | None:
        """The line whose indentation, changed to that of a line near it, makes the file read. Of
        several, the likeliest slip: a line whose column no line near it shares (a slip makes an
        odd column), then one without fields under it (one line moved, not a whole group), then
        the smallest move, then the nearest to the parser's spot."""
        content = [n for n, line in enumerate(self.lines) if _is_content(line)]
        best = None
        for number in self.above():
            line = self.lines[number]
            if not _is_content(line):
                continue
            present = _indent(line)
            near = [_indent(self.lines[n]) for n in content if number - 10 <= n <= number + 4 and n != number]
            below = next((n for n in content if n > number), None)
            has_children = below is not None and _indent(self.lines[below]) > present
            for target in sorted(set(near) - {present}, key=lambda t: abs(t - present))[:4]:
                if not self.reads_with(number, " " * target + line.lstrip(" ")):
                    continue
                score = (present in near, has_children, abs(target - present), self.at - number)
                if best is None or score < best[0]:
                    best = (score, number, present, target)
        if best is None:
            return None
        _score, number, present, target = best
        if self.lines[number].lstrip(" ").startswith("-"):
            message = _("the indentation of line {line} does not match the lines above: the items of one list "
                        "start in the same column")
        else:
            message = _("the indentation of line {line} does not match the lines above: the fields of one "
                        "group start in the same column")
        return Diagnosis(number + 1, present + 1, message.format(line=number + 1),
                         _("move the start of the line to column {column}, like the other lines of its group "
                           "(now it starts in column {found})").format(column=target + 1, found=present + 1))

    def in_plain_words(self) -> Diagnosis:
        """What kind of thing is wrong at the parser's spot, when no single repair was found."""
        problem, line = self.problem, self.lines[self.at]
        char = line[self.column] if self.column < len(line) else ""
        if "end of stream" in problem:
            message = _("the file ends in the middle of a text or a list: a quotation mark or a bracket may be "
                        "missing its closing pair")
            hint = _("check that every quotation mark and every [ and { above is closed")
        elif "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
            message = _("a list in brackets [ ] or a group in braces { } on this line is not closed properly")
            hint = _("check the quotation marks and commas: every opening quotation mark, [ and { needs its "
                     "closing pair, and a text with a comma in it goes in quotation marks")
        elif "cannot start any token" in problem and char in "@`%":
            message = _("a text cannot start with {char} unless it is in quotation marks").format(char=char)
            hint = _('put the text in quotation marks, e.g. "{char}..."').format(char=char)
        elif "escape" in problem:
            message = _("inside double quotation marks a backslash (\\) starts a special code, and this one "
                        "is unknown")
            hint = _("use single quotation marks ' ' around the text, or write the backslash twice (\\\\)")
        elif "mapping values are not allowed" in problem:
            message = _("a colon followed by a space (': ') stands where it cannot start a field")
            hint = _("put a text that has ': ' in it in quotation marks, and check that the fields of one "
                     "group start in the same column")
        else:
            message = _("line {line} cannot be read: how it is written (its indentation, a colon or a quotation "
                        "mark) does not fit the lines around it").format(line=self.at + 1)
            hint = _("compare the line with the one above it: the fields of one group start in the same "
                     "column, each written as 'name: value'")
        return Diagnosis(self.at + 1, self.column + 1, message, hint)


def diagnose(text: str, error: yaml.MarkedYAMLError, compose: Callable[[str], object]) -> Diagnosis:
    """The most likely mistake behind ``error`` (raised reading ``text``); ``compose`` parses a
    text as the file was parsed, raising the same kind of error."""
    return _Diagnoser(text, error, compose).diagnose()
