"""Status from an explicit "now": around deadlines, across DST changes, set by staff."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from callsite.model.dates import parse_now
from callsite.site.status import Status, status_of
from callsite.model.validate import load_catalog
from conftest import CONFIG, FIXTURE_CALLS, build, page, text_of

SOON = dt.timedelta(days=14)
CALLS = {call.id: call for call in load_catalog(FIXTURE_CALLS).calls}


def at(text: str) -> dt.datetime:
    return parse_now(text)


@pytest.mark.parametrize("call_id, now, expected", [
    # Deadline 15.4.2026 16.15 in summer time (UTC+3): 13.15 UTC.
    ("kielikylpy-2026", "2.3.2026 klo 8.59", Status.UPCOMING),
    ("kielikylpy-2026", "2.3.2026 klo 9.00", Status.OPEN),
    ("kielikylpy-2026", "1.4.2026 klo 16.15", Status.CLOSING_SOON),
    ("kielikylpy-2026", "1.4.2026 klo 16.14", Status.OPEN),
    ("kielikylpy-2026", "2026-04-15T16:14:59", Status.CLOSING_SOON),
    ("kielikylpy-2026", "2026-04-15T16:15:00", Status.CLOSED),
    ("kielikylpy-2026", "2026-04-15T16:15:01", Status.CLOSED),
    ("kielikylpy-2026", "2026-04-15T13:14:59Z", Status.CLOSING_SOON),
    ("kielikylpy-2026", "2026-04-15T13:15:01Z", Status.CLOSED),
    # Second round closes 30.11.2026 16.15 in winter time (UTC+2): 14.15 UTC.
    ("kaksi-kierrosta", "2026-11-30T14:14:59Z", Status.CLOSING_SOON),
    ("kaksi-kierrosta", "2026-11-30T14:15:01Z", Status.CLOSED),
    ("kaksi-kierrosta", "2026-11-30T16:14:59", Status.CLOSING_SOON),
    ("kaksi-kierrosta", "2026-11-30T16:15:01", Status.CLOSED),
    ("kaksi-kierrosta", "1.6.2026 klo 12.00", Status.UPCOMING),  # between the rounds
    ("kaksi-kierrosta", "1.10.2026 klo 0.00", Status.OPEN),
    ("jatkuva-haku", "1.1.2025 klo 23.59", Status.UPCOMING),
    ("jatkuva-haku", "2.1.2025 klo 0.00", Status.CONTINUOUS),
    ("paatetty", "1.3.2025 klo 12.00", Status.DECIDED),
    ("peruttu", "10.3.2026 klo 12.00", Status.CANCELLED),
    ("tuleva", "30.11.2026 klo 23.59", Status.UPCOMING),
])
def test_status_at_moments(call_id, now, expected):
    assert status_of(CALLS[call_id], at(now), SOON) is expected


def test_closing_soon_window_counts_across_the_dst_change():
    # 14 days before 15.4.2026 16.15 (+03) is 1.4.2026 16.15 (+03); DST began 29.3.2026.
    deadline = CALLS["kielikylpy-2026"].rounds[0].closes
    assert deadline.utcoffset() == dt.timedelta(hours=3)
    assert status_of(CALLS["kielikylpy-2026"], deadline - SOON, SOON) is Status.CLOSING_SOON
    assert status_of(CALLS["kielikylpy-2026"], deadline - SOON - dt.timedelta(seconds=1), SOON) is Status.OPEN


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        status_of(CALLS["tuleva"], dt.datetime(2026, 1, 1), SOON)


@pytest.mark.parametrize("now, fi, sv", [
    ("2026-04-15T16:14:59", "Päättymässä", "Stänger snart"),
    ("2026-04-15T16:15:01", "Päättynyt", "Avslutad"),
])
def test_built_page_badge_one_second_around_the_deadline(tmp_path, now, fi, sv):
    site = tmp_path / "site"
    build(FIXTURE_CALLS, site, now)
    assert text_of(page(site, "/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/").select_one(".mdx-status")) == fi
    assert text_of(page(site, "/sv/finansiering/utveckling-av-sprakbadsundervisningen-2026/").select_one(".mdx-status")) == sv


def test_now_from_the_environment(tmp_path):
    shutil.copytree(FIXTURE_CALLS, tmp_path / "calls")
    result = subprocess.run([sys.executable, "-m", "callsite", "--lang", "en", "build", "--config", str(CONFIG)],
                            cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "CALLSITE_NOW": "2026-04-15T16:15:01"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Built 6 calls into site/ for 2026-04-15T16:15:01+03:00.\n"
    doc = page(tmp_path / "site", "/fi/rahoitushaut/kielikylpyopetuksen-kehittaminen-2026/")
    assert text_of(doc.select_one(".mdx-status")) == "Päättynyt"
