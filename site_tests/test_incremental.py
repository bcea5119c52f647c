"""The live preview's incremental build gives the same bytes as a full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from callsite.model.dates import parse_now
from callsite.problems import InputError
from callsite.commands.incremental import PreviewBuilder
from conftest import CONFIG, FIXTURE_CALLS, build

NOW = "10.4.2026 klo 12.00"


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_as_full_build(calls: Path, preview_site: Path, tmp_path: Path, name: str, now: str = NOW) -> None:
    full = tmp_path / name
    build(calls, full, now)
    expected, actual = files_of(full), files_of(preview_site)
    assert sorted(actual) == sorted(expected)
    assert [path for path in expected if expected[path] != actual[path]] == []


def started_preview(tmp_path: Path) -> tuple[Path, Path, PreviewBuilder, object]:
    """A copy of the fixture calls and a preview of them, built once."""
    calls = tmp_path / "calls"
    shutil.copytree(FIXTURE_CALLS, calls)
    site = tmp_path / "preview"
    preview = PreviewBuilder(calls, CONFIG, site)
    now = parse_now(NOW)
    preview.build(now)
    preview.write_extras()
    return calls, site, preview, now


def test_incremental_preview_matches_full_builds(tmp_path):
    calls, site, preview, now = started_preview(tmp_path)
    assert_same_as_full_build(calls, site, tmp_path, "full-1")

    # Extend a deadline, drop a call, add one: the preview follows.
    path = calls / "kielikylpy-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("15.4.2026 klo 16.15", "30.4.2026 klo 16.15"),
                    encoding="utf-8")
    (calls / "peruttu.yaml").unlink()
    shutil.copy(FIXTURE_CALLS / "tuleva.yaml", calls / "toinen.yaml")
    toinen = calls / "toinen.yaml"
    toinen.write_text(toinen.read_text(encoding="utf-8").replace("id: tuleva", "id: toinen").replace(
        "lukiokoulutuksen-kehittaminen-2027", "toinen-2027").replace("utveckling-av-gymnasieutbildningen-2027",
                                                                     "annan-2027"), encoding="utf-8")
    preview.build(now)
    preview.write_extras()
    assert_same_as_full_build(calls, site, tmp_path, "full-2")
    assert not (site / "fi/rahoitushaut/peruttu-haku-2026").exists()


def test_unchanged_pages_follow_time_and_a_new_page_chrome(tmp_path):
    """Pages the preview keeps as they are still match when only the clock moves (statuses
    change) or when the chrome around every page changes (the copyright year)."""
    calls, site, preview, now = started_preview(tmp_path)
    for later in ("20.5.2026 klo 12.00", "2.1.2027 klo 9.00", "3.1.2027 klo 9.00"):
        preview.build(parse_now(later))
        preview.write_extras()
        assert_same_as_full_build(calls, site, tmp_path, f"full-{later[:9]}", later)


def test_preview_reports_problems_and_recovers(tmp_path):
    calls, site, preview, now = started_preview(tmp_path)
    before = files_of(site)
    path = calls / "tuleva.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("grant_type: special", "grant_type: speciall"), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        preview.build(now)
    preview.write_extras()
    assert [p.message for p in raised.value.problems] == ["expected one of general, special; found the text 'speciall'"]
    assert files_of(site) == before
    path.write_text(good, encoding="utf-8")
    preview.build(now)
    preview.write_extras()
    assert files_of(site) == before
