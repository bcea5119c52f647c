"""The Nu Html Checker (vnu-jar from npm, offline with Java) over every built page."""

from __future__ import annotations

from checkers import vnu_errors


def test_every_built_page_is_valid_html(fixture_site):
    errors = vnu_errors(fixture_site)
    assert errors == [], "\n".join(errors[:40])
