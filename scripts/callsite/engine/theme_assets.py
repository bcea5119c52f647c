"""The theme's files in a language's folder: the agency's logo, and only the assets the pages use.

Material copies all of its assets into every language folder: its JavaScript bundle, the search
stemmers of some thirty languages, source maps, a palette stylesheet. The site loads none of them
but the search worker and the stemmers of its two languages (theme/main.html,
theme/assets/javascripts/search.js): the rest is removed, so that what is published is what is
used (docs/performance.md, "Page weight").
"""

from __future__ import annotations

import shutil
from pathlib import Path

THEMED_STYLESHEET = "assets/stylesheets/callsite.css"
"""Our stylesheet, rendered by the engine as a template: it carries the colour settings."""

# Material 9.8's assets that no page loads. The search worker loads lunr.stemmer.support, and
# lunr.fi / lunr.sv for the page's language (with lunr.multi only for several languages at once).
_UNUSED = ("assets/javascripts/bundle.*.js", "assets/javascripts/bundle.*.js.map", "assets/javascripts/**/*.map",
           "assets/stylesheets/*.map", "assets/stylesheets/palette.*.css", "assets/javascripts/lunr/tinyseg.js",
           "assets/javascripts/lunr/wordcut.js")
_STEMMERS_KEPT = {"lunr.stemmer.support.min.js", "lunr.fi.min.js", "lunr.sv.min.js", "lunr.multi.min.js"}


def copy_logo(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def remove_unused_assets(out_dir: Path) -> None:
    for pattern in _UNUSED:
        for path in out_dir.glob(pattern):
            path.unlink()
    for path in (out_dir / "assets/javascripts/lunr/min").glob("*.js"):
        if path.name not in _STEMMERS_KEPT:
            path.unlink()
