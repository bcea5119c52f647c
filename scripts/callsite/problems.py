"""Problems found in the input: what staff read when a call file is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from .messages import N_, _, ngettext

SEVERITY_WORDS = {"error": N_("error"), "warning": N_("warning")}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in one file, at one spot."""

    file: str
    """Path of the file, as given on the command line (e.g. ``calls/x.yaml``)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    column: int
    """1-based column number; 0 when unknown."""
    field: str
    """Field path in staff terms, e.g. ``rounds[1].closes``; empty for the whole file."""
    message: str
    """What was expected and what was found."""
    hint: str = ""
    """How to fix it, when we can tell."""
    severity: str = "error"
    """``error`` stops the build; ``warning`` does not."""
    quote: str = ""
    """The text of the line, shown under the message with a caret under the column (a mistake
    in how the file is written is easier to see than to describe)."""

    def format(self) -> str:
        """Compiler-style text: ``calls/x.yaml:12:5: error: closes: ...`` (the severity in the
        chosen language), the line quoted with a caret, and a hint line."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f"{self.field}: " if self.field else ""
        severity = _(SEVERITY_WORDS.get(self.severity, self.severity))
        text = f"{where}: {severity}: {field}{self.message}"
        if self.quote and self.line:
            text += "\n" + quote_line(self.quote, self.line, self.column)
        if self.hint:
            hint = _("hint")
            text += f"\n    {hint}: {self.hint}"
        return text


QUOTE_WIDTH = 100
"""Characters of a long line shown around the column."""


def quote_line(line_text: str, line: int, column: int) -> str:
    """``    14 |   applicant_types: [kunta]`` and a caret under ``column`` on the next line.

    A tab is shown as four spaces (the caret must stand under the same character on any
    terminal); a long line is cut to the part around the column."""
    before = line_text[: max(column - 1, 0)].replace("\t", "    ")
    after = line_text[max(column - 1, 0):].replace("\t", "    ")
    shown = before + after
    caret_at = len(before)
    if len(shown) > QUOTE_WIDTH:
        start = max(0, min(caret_at - QUOTE_WIDTH // 2, len(shown) - QUOTE_WIDTH))
        shown = ("…" if start else "") + shown[start: start + QUOTE_WIDTH] + ("…" if start + QUOTE_WIDTH < len(shown) else "")
        caret_at = caret_at - start + (1 if start else 0)
    number = str(line)
    gutter = " " * (4 + len(number))
    return f"    {number} | {shown.rstrip()}\n{gutter} | {' ' * caret_at}^"


class InputError(Exception):
    """Raised with every problem found, after all files have been read."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input")

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        lines.append(summary(len(self.problems), len({p.file for p in self.problems})))
        return "\n".join(lines)


def summary(errors: int, files: int) -> str:
    """The last line of a failed check or build."""
    return _("{errors} {in_files}; nothing was built and the existing site/ was left as it was.").format(
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        in_files=ngettext("in {n} file", "in {n} files", files).format(n=files))


class UsageError(Exception):
    """A mistyped option or an unusable folder: exit code 2, the message only."""
