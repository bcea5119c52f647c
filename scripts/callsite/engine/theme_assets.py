"""The theme's files in a language's folder: the agency's logo, and only the assets the pages use.

Material copies all of its assets into every language folder: its JavaScript bundle, the search
stemmers of some thirty languages, source maps, a palette stylesheet. The site loads none of them
but the search worker and the stemmers of its two languages (theme/main.html,
theme/assets/javascripts/search.js): the rest is left out of the engine's files (never copied),
so that what is published is what is used (docs/performance.md, "Page weight").
"""

from __future__ import annotations

import shutil
from fnmatch import fnmatchcase
from pathlib import Path

THEMED_STYLESHEET = "assets/stylesheets/callsite.css"
"""Our stylesheet, rendered by the engine as a template: it carries the colour settings."""

# Material 9.8's assets that no page loads (fnmatch patterns: "*" also crosses "/"). The search
# worker loads lunr.stemmer.support, and lunr.fi / lunr.sv for the page's language (with
# lunr.multi only for several languages at once).
_UNUSED = ("assets/javascripts/bundle.*.js", "assets/javascripts/*.map", "assets/stylesheets/*.map",
           "assets/stylesheets/palette.*.css", "assets/javascripts/lunr/tinyseg.js",
           "assets/javascripts/lunr/wordcut.js")
_STEMMERS = "assets/javascripts/lunr/min"
_STEMMERS_KEPT = {"lunr.stemmer.support.min.js", "lunr.fi.min.js", "lunr.sv.min.js", "lunr.multi.min.js"}


def copy_logo(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def is_unused(path: str) -> bool:
    """Whether the theme's file at ``path`` (below the theme, "/"-separated) is one no page loads:
    the engine is told not to copy it (2.3 MB a language, written and deleted before)."""
    folder, _, name = path.rpartition("/")
    if folder == _STEMMERS and name.endswith(".js"):
        return name not in _STEMMERS_KEPT
    return any(fnmatchcase(path, pattern) for pattern in _UNUSED)
