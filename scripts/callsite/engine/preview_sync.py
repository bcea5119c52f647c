"""The live preview's writing: only the files whose bytes changed since its last build.

The engine builds a preview language into a scratch folder; what it made, and the call pages
filled from the template, are compared here with the digests of what was written last time.
Nothing here knows the engine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..render.pages import SitePage
from .template_pages import Filler


def fill_changed(filler: Filler, pages: Iterable[SitePage], template_html: str, written: dict, reuse: dict,
                 kept: set[str]) -> dict[str, bytes]:
    """The live preview's call pages: filled only where something that goes into them changed.

    A call page is the template filled with its body, head, title, description and
    alternates. The bodies and heads come from the preview's cache, the same objects while
    a call is unchanged; so when the template and all of these are as last time, so are
    the page's bytes, already on disk (its path goes to ``kept``).
    """
    same_template = reuse.get("") == template_html
    produced: dict[str, bytes] = {}
    previous = {path: key for path, key in reuse.items() if path}
    reuse.clear()
    reuse[""] = template_html
    for page in pages:
        path = f"{page.path}index.html"
        key = (page.body, page.head, page.title, page.description, tuple(page.alternates.items()))
        old = previous.get(path)
        if (same_template and old is not None and old[0] is key[0] and old[1] is key[1] and old[2:] == key[2:]
                and path in written):
            kept.add(path)
        else:
            produced[path] = filler.fill(page)
        reuse[path] = key
    return produced


def sync(out_dir: Path, produced: dict[str, bytes], written: dict, kept: set[str] = frozenset()) -> None:
    """Write what changed since the last preview build; remove what is gone (not ``kept``)."""
    for path, data in produced.items():
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if written.get(path) != digest:
            target = out_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written[path] = digest
    for path in sorted(set(written) - set(produced) - kept):
        target = out_dir / path
        target.unlink(missing_ok=True)
        del written[path]
        for folder in target.parents:  # a removed call leaves no empty folder behind
            if folder == out_dir or any(folder.iterdir()):
                break
            folder.rmdir()
