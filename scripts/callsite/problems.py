"""Problems found in the input: what staff read when a call file is wrong."""

from __future__ import annotations

from dataclasses import dataclass


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

    def format(self) -> str:
        """Compiler-style text: ``calls/x.yaml:12:5: error: closes: ...`` plus a hint line."""
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f"{self.field}: " if self.field else ""
        text = f"{where}: {self.severity}: {field}{self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class InputError(Exception):
    """Raised with every problem found, after all files have been read."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the input")

    def report(self) -> str:
        lines = [p.format() for p in self.problems]
        files = len({p.file for p in self.problems})
        lines.append(
            f"{len(self.problems)} error(s) in {files} file(s); nothing was built "
            "and the existing site/ was left as it was."
        )
        return "\n".join(lines)


class UsageError(Exception):
    """A mistyped option or an unusable folder: exit code 2, the message only."""
