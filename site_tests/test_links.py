"""Every internal link, asset reference and #fragment in the built site resolves."""

from __future__ import annotations

from checkers import broken_links


def test_every_internal_link_and_fragment_resolves(fixture_site):
    problems = broken_links(fixture_site)
    assert problems == [], "\n".join(problems[:40])


def test_the_seed_build_links_resolve_too(seed_site):
    problems = broken_links(seed_site)
    assert problems == [], "\n".join(problems[:40])
