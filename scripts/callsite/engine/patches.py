"""The engine's internals we change, for speed only: the one module that does.

Each patch is here because no public hook exists for it (MkDocs' ``on_env`` event comes after
the theme's files are listed, and Material's search plugin makes environments of its own; no
event comes before the settings are read), and each gives the engine exactly what it would
have found itself (``site_tests/test_adapter.py`` checks it). They apply to whichever engine
:mod:`.selected` imported. Checked against MkDocs 1.6.1 and ProperDocs 1.6.7: both have
``config.defaults.yaml_load`` (the same but for how ``INHERIT`` is merged, and a file with
``INHERIT`` is never kept), ``utils.get_themes`` (``functools.cache`` around the entry point
lookup, cleared by ``Theme._load_theme_config``) and the same ``Theme.get_env``; another
version of either may move them, which the tests would show.

Measured here (2 cores, the same under both engines; docs/engine.md has the table): with the
settings read once ``load_config`` takes 0.7 ms instead of 6-7 ms (three times a build); the
theme's files are listed in 2 ms instead of 37 ms (once a language build); compiled templates
from the cache make a 1,000-call build 1.0 s wall / 1.8 s CPU instead of 2.0 s / 2.7 s.
"""

from __future__ import annotations

import copy
import functools
import os
from pathlib import Path

import jinja2

from . import selected


def read_settings_once() -> None:
    """MkDocs reads ``mkdocs.yml`` (with PyYAML's pure-Python parser) and lists the installed
    themes (reading every package's entry points) in each ``load_config``: in the warm-up and
    again in each language's build, 6-7 ms each time here (0.7 ms once kept). Within one run both answers are the
    same every time, so the first ones are kept (a copy of the settings for each build; a file
    with tags or ``INHERIT``, whose values depend on more than its text, is read each time).

    Patches ``config.defaults.yaml_load`` (what ``MkDocsConfig.load_file`` calls) and
    ``utils.get_themes`` (MkDocs 1.6.1, ProperDocs 1.6.7)."""
    defaults, utils = selected.config_defaults, selected.utils
    read_yaml = defaults.yaml_load
    if getattr(read_yaml, "callsite_once", False):
        return
    known: dict[tuple, dict] = {}

    def yaml_load(source, loader=None):
        text = source.read() if hasattr(source, "read") else source
        tag, inherit = (b"!", b"INHERIT") if isinstance(text, bytes) else ("!", "INHERIT")
        if tag in text or inherit in text:
            if hasattr(source, "seek"):
                source.seek(0)
            return read_yaml(source, loader)
        key = (getattr(source, "name", ""), text)
        if key not in known:
            known[key] = read_yaml(text, loader)
        return copy.deepcopy(known[key])

    yaml_load.callsite_once = True
    defaults.yaml_load = yaml_load
    themes = functools.cache(utils.get_themes.__wrapped__)
    themes.cache_clear = lambda: None  # the engine clears it for each theme it loads
    utils.get_themes = themes


class ThemeLoader(jinja2.FileSystemLoader):
    """Material's template loader, listing its files without walking into hidden folders.

    MkDocs lists every theme file to find the static ones, then drops each path with a part
    starting with a dot (its patterns ``.*`` and ``*/.*``). Material keeps 14,000 icons in
    ``.icons``: skipping such folders up front gives MkDocs the same list in 2 ms instead of 37.
    """

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath).replace(os.path.sep, "/")
                prefix = "" if folder == "." else folder + "/"
                found.update(prefix + name for name in filenames)
        return sorted(found)


def faster_theme_env(theme, cache_dir: Path | None) -> None:
    """Wrap ``theme.get_env`` (this theme object only): its environments list files through
    :class:`ThemeLoader` and keep compiled templates in ``cache_dir``. MkDocs makes one
    environment per build and Material's search plugin two more; compiling Material's
    templates in each was a third of a 1,000-call build's time here (2.0 s without the cache,
    1.0 s with it). Jinja keys the cache by each
    template's source checksum, so the output cannot change. (``Theme.get_env`` of MkDocs
    1.6.1 and ProperDocs 1.6.7 builds a ``FileSystemLoader`` over ``theme.dirs``.)"""
    get_env = theme.get_env

    def patched():
        env = get_env()
        env.loader = ThemeLoader(env.loader.searchpath, followlinks=env.loader.followlinks)
        if cache_dir is not None:
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))
        return env

    theme.get_env = patched
