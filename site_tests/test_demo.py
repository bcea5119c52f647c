"""``callsite build --demo``: fictional calls in every state around "now", for a first look and the
README's screenshots (issue 20); production builds never include them."""

from __future__ import annotations

from conftest import CONFIG, page, run_cli, text_of

STATES = {"open", "closing-soon", "upcoming", "continuous", "closed", "under-assessment", "decided", "cancelled"}


def test_the_demo_shows_every_state_whatever_the_day(tmp_path):
    for now in ("5.12.2026 klo 12.00", "20.6.2031 klo 9.00"):
        site = tmp_path / now.split()[0]
        result = run_cli("build", "--demo", "--lang", "en", "--config", str(CONFIG), "--site-dir", str(site),
                         "--now", now, cwd=CONFIG.parent)
        assert result.returncode == 0, result.stderr
        assert "Built 9 calls" in result.stdout
        archive = page(site, "/fi/arkisto/")
        assert {b["data-callsite-status"] for b in archive.select(".mdx-card .mdx-status")} == STATES
        # Something to apply for on the home page, in both languages.
        for lang in ("fi", "sv"):
            home = page(site, f"/{lang}/")
            assert home.select("[data-callsite-section=open] .mdx-card .mdx-left"), lang
            assert all(text_of(span) for span in home.select("[data-callsite-section=open] .mdx-left"))


def test_a_production_build_never_includes_the_demo(tmp_path):
    site = tmp_path / "site"
    result = run_cli("build", "--config", str(CONFIG), "--site-dir", str(site), "--now", "5.12.2026 klo 12.00",
                     cwd=CONFIG.parent)
    assert result.returncode == 0, result.stderr
    assert not list(site.rglob("*kielikylpy-20*")) and "demo-" not in (site / "calls.json").read_text(encoding="utf-8")
