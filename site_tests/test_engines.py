"""Either site engine builds the same site: MkDocs (the default) or ProperDocs, its maintained fork.

``CALLSITE_ENGINE`` is read once per process, when the engine is first imported, and under
ProperDocs every ``mkdocs.*`` import of the process is ProperDocs': each engine's build runs in
a process of its own. The one difference allowed between the two sites is the page's
``<meta name="generator">`` (docs/engine.md).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import CONFIG, FIXTURE_CALLS, ROOT, build

NOW = "10.4.2026 klo 12.00"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
"""Material's generator tag (theme/base.html prints it as ``mkdocs-{{ mkdocs_version }}, ...``):
the engine's name and version, the one line that differs."""


def _build(site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "callsite", "--lang", "en", "build", "--calls", str(FIXTURE_CALLS), "--config",
                           str(CONFIG), "--site-dir", str(site), "--now", NOW], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=300)


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_mkdocs_and_properdocs_build_the_same_site_but_for_the_generator_tag(tmp_path):
    for engine in ("mkdocs", "properdocs"):
        result = _build(tmp_path / engine, CALLSITE_ENGINE=engine)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    mkdocs_site, properdocs_site = _tree(tmp_path / "mkdocs"), _tree(tmp_path / "properdocs")
    assert mkdocs_site.keys() == properdocs_site.keys()
    expected = {"mkdocs": f"mkdocs-{version('mkdocs')}, ", "properdocs": f"mkdocs-ProperDocs {version('properdocs')}, "}
    tagged = 0
    for name, ours in mkdocs_site.items():
        theirs = properdocs_site[name]
        if ours == theirs:
            continue
        # Only a page's generator tag may differ, and only by the engine's name and version.
        mine, forks = GENERATOR.findall(ours), GENERATOR.findall(theirs)
        assert len(mine) == len(forks) == 1, name
        assert mine[0].decode().startswith(expected["mkdocs"]), (name, mine)
        assert forks[0].decode().startswith(expected["properdocs"]), (name, forks)
        assert mine[0].decode().removeprefix(expected["mkdocs"]) == forks[0].decode().removeprefix(
            expected["properdocs"]), name
        assert GENERATOR.sub(b"", ours) == GENERATOR.sub(b"", theirs), name
        tagged += 1
    pages = [name for name in mkdocs_site if name.endswith(".html") and GENERATOR.search(mkdocs_site[name])]
    assert tagged == len(pages) > 20  # every themed page differs there, and nowhere else
    assert {"fi/search/search_index.json", "sv/sitemap.xml.gz", "fi/index.html", "sv/feed.xml"} <= mkdocs_site.keys()


def test_an_unknown_engine_is_a_usage_error_and_nothing_is_built(tmp_path):
    result = _build(tmp_path / "site", CALLSITE_ENGINE="hugo")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "callsite: CALLSITE_ENGINE: 'hugo' is not a site engine callsite can use; "
        "set it to one of mkdocs, properdocs (unset: mkdocs)"]
    assert not (tmp_path / "site").exists()


def test_the_engine_is_mkdocs_unless_said_otherwise():
    from callsite.engine.selected import engine_name
    from callsite.problems import UsageError

    assert engine_name({}) == "mkdocs" and engine_name({"CALLSITE_ENGINE": ""}) == "mkdocs"
    assert engine_name({"CALLSITE_ENGINE": "properdocs"}) == "properdocs"
    for wrong in ("MkDocs", "zensical", " mkdocs"):
        with pytest.raises(UsageError, match="^CALLSITE_ENGINE: "):
            engine_name({"CALLSITE_ENGINE": wrong})


def _python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_properdocs_is_refused_once_mkdocs_was_imported_in_the_process():
    result = _python("""
        import mkdocs.plugins
        import callsite.engine.selected
    """, CALLSITE_ENGINE="properdocs")
    assert result.returncode != 0
    assert "RuntimeError: CALLSITE_ENGINE=properdocs, but MkDocs was imported in this process first" in result.stderr


def test_the_speed_patches_give_properdocs_what_it_would_find_itself(tmp_path):
    """As site_tests/test_adapter.py checks under MkDocs: the theme's files listed without walking
    hidden folders, and the settings and themes read once, are what ProperDocs finds itself."""
    (tmp_path / "docs").mkdir()
    result = _python(f"""
        import copy
        from callsite.engine import selected
        from callsite.engine.patches import faster_theme_env, read_settings_once
        assert selected.NAME == "properdocs" and selected.load_config.__module__.startswith("properdocs.")
        from properdocs.structure.files import Files
        from properdocs.utils.yaml import yaml_load

        def load():
            return selected.load_config({str(CONFIG)!r}, docs_dir={str(tmp_path / 'docs')!r},
                                        site_dir={str(tmp_path / 'site')!r})

        def theme_files(pruned):
            config = load()
            if pruned:
                faster_theme_env(config.theme, None)
            files = Files([])
            files.add_files_from_theme(config.theme.get_env(), config)
            return [(file.src_uri, file.abs_src_path) for file in files]

        full = theme_files(False)
        assert theme_files(True) == full and any(uri.startswith("assets/javascripts/") for uri, _ in full)
        with open({str(CONFIG)!r}, "rb") as file:
            expected = yaml_load(file)
        read_settings_once()
        first = load()
        first.extra["callsite"]["agency"]["fi"] = "changed"
        second = load()
        assert second.extra["callsite"] == expected["extra"]["callsite"]
        assert selected.utils.get_themes() == selected.utils.get_themes.__wrapped__()
        assert "material" in selected.utils.get_theme_names()
        print("checked")
    """, CALLSITE_ENGINE="properdocs")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "checked"


@pytest.mark.parametrize("before", [None, "86400"])
def test_the_source_date_is_now_while_the_engine_builds_and_as_it_was_after(tmp_path, monkeypatch, before):
    """The engine reads the date it prints from SOURCE_DATE_EPOCH: "now" while it builds, and the
    process's own value (or none) again once it is done."""
    from callsite.engine import selected

    if before is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", before)
    monkeypatch.setenv("CALLSITE_JOBS", "1")  # both languages in this process, where the engine is watched
    seen: list[dt.datetime] = []
    read = selected.utils.get_build_datetime

    def watched():
        seen.append(read())
        return seen[-1]

    monkeypatch.setattr(selected.utils, "get_build_datetime", watched)
    build(FIXTURE_CALLS, tmp_path / "site", NOW)
    now = dt.datetime(2026, 4, 10, 9, 0, tzinfo=dt.timezone.utc)  # 12.00 in Helsinki (EEST)
    assert seen and set(seen) == {now}
    assert os.environ.get("SOURCE_DATE_EPOCH") == before
