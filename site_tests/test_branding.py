"""The agency's colours and logo as settings (extra.callsite.colours, extra.callsite.logo): a
pair of colours below WCAG AA contrast is refused with its ratio, a logo must be an image file
that exists, and what is set reaches every page of both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURE_CALLS, config_with, page

from callsite.commands.cli import main
from callsite.model.branding import Colours, contrast_ratio

NOW = "10.4.2026 klo 12.00"
AFTER = "closing_soon_days: 14"


@pytest.mark.parametrize("first, second, ratio", [
    ("#ffffff", "#000000", 21.0), ("#767676", "#ffffff", 4.54), ("#777777", "#ffffff", 4.48),
    ("#24394a", "#ffffff", 11.94), ("#005a87", "#ffffff", 7.47), ("#4051b5", "#ffffff", 6.86),
])
def test_contrast_is_computed_as_wcag_defines_it(first, second, ratio):
    assert round(contrast_ratio(first, second), 2) == ratio
    assert contrast_ratio(first, second) == contrast_ratio(second, first)


def test_the_default_colours_pass_and_are_not_materials_indigo():
    colours = Colours()
    assert contrast_ratio(colours.header_text, colours.header) >= 4.5
    assert contrast_ratio(colours.link, "#ffffff") >= 4.5
    assert "#4051b5" not in colours.css_variables() and "#526cfe" not in colours.css_variables()


def problems(folder: Path, capsys, monkeypatch) -> list[str]:
    monkeypatch.chdir(folder)
    assert main(["--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--config", "mkdocs.yml", "--now", NOW]) == 1
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("setting, message, hint", [
    ('colours: {header: "#cccccc"}',
     "mkdocs.yml:36:14: error: extra.callsite.colours: the colours header_text (#ffffff) and header (#cccccc) have "
     "a contrast of 1.60:1; text needs at least 4.5:1 (WCAG 2.1 AA)",
     "make one of them darker or lighter; a contrast checker shows the ratio as you change them"),
    ('colours: {link: "#777777"}',
     "mkdocs.yml:36:14: error: extra.callsite.colours: the colours link (#777777) and page background (#ffffff) "
     "have a contrast of 4.47:1; text needs at least 4.5:1 (WCAG 2.1 AA)", ""),
    ("colours: {link: blue}",
     "mkdocs.yml:36:21: error: extra.callsite.colours.link: expected a colour as #rrggbb, found 'blue'",
     'write the colour in hexadecimal, in quotes, e.g. "#24394a"'),
    ("colours: {headr: '#000000'}",
     "mkdocs.yml:36:15: error: extra.callsite.colours.headr: unknown field 'headr'", "did you mean 'header'?"),
    ("logo: brand/missing.svg",
     "mkdocs.yml:36:11: error: extra.callsite.logo: the logo file 'brand/missing.svg' does not exist",
     "the path is read from the folder of mkdocs.yml: check the folder and the file's name"),
    ("logo: brand/logo.gif",
     "mkdocs.yml:36:11: error: extra.callsite.logo: the logo 'brand/logo.gif' is not an image file the site can show",
     "use an SVG, PNG, JPEG or WebP file (.svg, .png, .jpg, .jpeg, .webp)"),
    ("logo: https://www.oph.fi/logo.svg",
     "mkdocs.yml:36:11: error: extra.callsite.logo: expected the path of an image file in the site's folder, "
     "found 'https://www.oph.fi/logo.svg'", ""),
])
def test_a_wrong_colour_or_logo_is_refused_word_for_word(tmp_path, capsys, monkeypatch, setting, message, hint):
    config_with(tmp_path, (AFTER, f"{AFTER}\n    {setting}"))
    lines = problems(tmp_path, capsys, monkeypatch)
    assert lines[0] == message
    if hint:
        assert lines[1] == f"    hint: {hint}"


def test_the_colours_and_logo_set_reach_every_page(tmp_path):
    (tmp_path / "brand").mkdir()
    logo = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    (tmp_path / "brand" / "oph.png").write_bytes(logo)
    config = config_with(tmp_path, (AFTER, f'{AFTER}\n    colours: {{header: "#003366", header_text: "#FFF", '
                                           f'link: "#0050a0"}}\n    logo: brand/oph.png'))
    site = tmp_path / "site"
    assert main(["build", "--calls", str(FIXTURE_CALLS), "--config", str(config), "--site-dir", str(site),
                 "--now", NOW]) == 0
    for lang, path in (("fi", "/fi/"), ("sv", "/sv/finansiering/klubbverksamhet-2025/")):
        css = (site / lang / "assets/stylesheets/callsite.css").read_text(encoding="utf-8")
        assert "--md-primary-fg-color:#003366;" in css and "--md-primary-bg-color:#ffffff;" in css
        assert "--mdx-link:#0050a0" in css and "{{" not in css and "{#" not in css
        assert (site / lang / "assets/images/logo.png").read_bytes() == logo
        images = [img["src"] for img in page(site, path).select(".md-logo img")]
        assert images and all(re.fullmatch(r"(\.\./)*assets/images/logo\.png", src) for src in images), images


@pytest.mark.parametrize("lang, expected", [
    ("fi", "värien header_text (#ffffff) ja header (#cccccc) kontrasti on 1,60:1; tekstin kontrastin pitää olla "
           "vähintään 4,5:1 (WCAG 2.1 AA)"),
    ("sv", "färgerna header_text (#ffffff) och header (#cccccc) har kontrasten 1,60:1; text behöver minst 4,5:1 "
           "(WCAG 2.1 AA)"),
])
def test_the_contrast_problem_is_said_in_the_staff_language(lang, expected):
    from pydantic import ValidationError

    from callsite import messages

    messages.use_language(lang)
    try:
        with pytest.raises(ValidationError) as raised:
            Colours(header="#cccccc")
    finally:
        messages.use_language("en")
    assert raised.value.errors()[0]["ctx"]["message"] == expected



CONTRAST_SAID = {
    ("fi", "header"): ["mkdocs.yml:36:14: virhe: extra.callsite.colours: värien header_text (#ffffff) ja header "
                       "(#cccccc) kontrasti on 1,60:1; tekstin kontrastin pitää olla vähintään 4,5:1 (WCAG 2.1 AA)",
                       "    vihje: tummenna tai vaalenna toista väreistä; kontrastintarkistin näyttää suhteen, kun "
                       "muutat niitä",
                       "1 virhe 1 tiedostossa; mitään ei rakennettu, ja nykyinen site/-kansio jäi ennalleen."],
    ("fi", "link"): ["mkdocs.yml:36:14: virhe: extra.callsite.colours: värien link (#777777) ja sivun taustaväri "
                     "(#ffffff) kontrasti on 4,47:1; tekstin kontrastin pitää olla vähintään 4,5:1 (WCAG 2.1 AA)"],
    ("sv", "header"): ["mkdocs.yml:36:14: fel: extra.callsite.colours: färgerna header_text (#ffffff) och header "
                       "(#cccccc) har kontrasten 1,60:1; text behöver minst 4,5:1 (WCAG 2.1 AA)",
                       "    tips: gör den ena mörkare eller ljusare; ett kontrastverktyg visar förhållandet medan du "
                       "ändrar dem",
                       "1 fel i 1 fil; ingenting byggdes, och den befintliga mappen site/ lämnades orörd."],
    ("sv", "link"): ["mkdocs.yml:36:14: fel: extra.callsite.colours: färgerna link (#777777) och sidans bakgrundsfärg "
                     "(#ffffff) har kontrasten 4,47:1; text behöver minst 4,5:1 (WCAG 2.1 AA)"],
}


@pytest.mark.parametrize("lang, colour, setting", [
    ("fi", "header", 'colours: {header: "#cccccc"}'), ("fi", "link", 'colours: {link: "#777777"}'),
    ("sv", "header", 'colours: {header: "#cccccc"}'), ("sv", "link", 'colours: {link: "#777777"}'),
])
def test_the_contrast_is_written_with_the_staff_languages_decimal_comma(tmp_path, lang, colour, setting):
    """Through the command line, word for word: 1,60:1, not 1.60:1, in Finnish and Swedish."""
    from conftest import run_cli

    config_with(tmp_path, (AFTER, f"{AFTER}\n    {setting}"))
    result = run_cli("--lang", lang, "check", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert result.returncode == 1
    said = CONTRAST_SAID[lang, colour]
    assert result.stderr.splitlines()[:len(said)] == said
