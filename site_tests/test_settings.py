"""The site settings in mkdocs.yml (site_url, extra.callsite, extra.callsite_footer): checked as
they are read, every problem reported at its line with the field, what was expected and a hint;
``callsite check`` and ``build`` refuse a wrong value instead of publishing it or crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CONFIG, FIXTURE_CALLS, config_with, page, run_cli, text_of

from callsite.commands.cli import main
from callsite.problems import InputError
from callsite.model.settings import FooterLink, Settings, load_settings

NOW = "10.4.2026 klo 12.00"
TAIL = "in 1 file; nothing was built and the existing site/ was left as it was."


def check(folder: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    """``callsite check --config mkdocs.yml`` in ``folder`` (in-process): exit code, lines on stderr."""
    monkeypatch.chdir(folder)
    code = main(["--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--config", "mkdocs.yml", "--now", NOW])
    return code, capsys.readouterr().err.splitlines()


def test_the_committed_settings_load_without_problems():
    settings = load_settings(CONFIG)
    assert settings.site_url == "https://rahoitushaut.example.fi/"
    assert settings.agency["sv"] == "Utbildningsstyrelsen" and dict(settings.site_name) == {
        "fi": "Opetushallitus – Rahoitushaut", "sv": "Utbildningsstyrelsen – Finansiering"}
    assert (settings.closing_soon_days, settings.recently_closed_days, settings.recently_closed_limit) == (14, 365, 10)
    assert settings.newsletter_hidden_fields.get("fi") == {"list": "rahoitushaut-fi"}
    assert settings.newsletter_privacy_url["sv"] == "https://www.oph.fi/sv/dataskydd"
    assert settings.footer["fi"] == (FooterLink(title="Saavutettavuusseloste", path="saavutettavuusseloste/"),)
    assert settings.footer["sv"] == (FooterLink(title="Tillgänglighetsutlåtande", path="tillganglighetsutlatande/"),)
    # Without mkdocs.yml, check runs on the defaults: the same site, no newsletter and no footer.
    defaults = Settings()
    assert (defaults.site_url, defaults.agency, defaults.site_name) == (
        settings.site_url, settings.agency, settings.site_name)
    assert defaults.newsletter_action == "" and defaults.footer["fi"] == ()


def test_a_site_url_without_its_last_slash_gets_one(tmp_path):
    config = config_with(tmp_path, ("site_url: https://rahoitushaut.example.fi/",
                                    "site_url: https://www.example.fi/rahoitus"))
    settings = load_settings(config)
    assert settings.site_url == "https://www.example.fi/rahoitus/"
    assert settings.base_path == "/rahoitus/" and settings.origin == "https://www.example.fi"


def test_accepted_variants(tmp_path):
    """What staff may write besides the committed values."""
    config = config_with(
        tmp_path,
        ("fi: https://www.oph.fi/fi/tietosuoja", "fi: /fi/tietosuoja/"),
        ("sv: https://www.oph.fi/sv/dataskydd", "sv: http://www.oph.fi/sv/dataskydd"),
        ("newsletter_method: post", "newsletter_method: GET"),
        ('usual_deadline_times: ["16.15"]', "usual_deadline_times: ['16:15', 'klo 12.00']"),
        ("path: tillganglighetsutlatande/}", "path: 'https://www.oph.fi/sv/tillganglighet'}"),
        ("newsletter_email_field: email", "newsletter_email_field: 'fields[EMAIL]'"),
    )
    settings = load_settings(config)
    assert settings.newsletter_privacy_url.get("fi") == "/fi/tietosuoja/"
    assert settings.newsletter_method == "get"
    assert settings.usual_deadline_times == ("16:15", "klo 12.00")
    assert settings.footer["sv"][0].path == "https://www.oph.fi/sv/tillganglighet"


# (old text, new text, the problem's first line, its hint): each rule of callsite.model.settings, as staff break it.
CASES = [
    pytest.param("site_url: https://rahoitushaut.example.fi/", "site_url: rahoitushaut.example.fi",
                 "mkdocs.yml:4:11: error: site_url: expected the full address of the site, starting with https://, "
                 "found the text 'rahoitushaut.example.fi'",
                 "write the address the site is published at, e.g. https://rahoitushaut.example.fi/", id="site-url"),
    pytest.param("site_url: https://rahoitushaut.example.fi/", "site_url: javascript:alert(1)",
                 "mkdocs.yml:4:11: error: site_url: expected the full address of the site", "", id="site-url-script"),
    pytest.param("agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen}", "agency: {fi: Opetushallitus}",
                 "mkdocs.yml:33:13: error: extra.callsite.agency: the Swedish text (sv) is missing",
                 "this is written in both languages: add 'sv: ...'", id="agency-one-language"),
    pytest.param("agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen}", "agency: Opetushallitus",
                 "mkdocs.yml:33:13: error: extra.callsite.agency: expected a group of fields, found the text "
                 "'Opetushallitus'",
                 "give the name in both languages, e.g. agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen}",
                 id="agency-not-per-language"),
    pytest.param("site_name: {fi: Opetushallitus – Rahoitushaut, sv: Utbildningsstyrelsen – Finansiering}",
                 "site_name: {fi: Opetushallitus – Rahoitushaut}",
                 "mkdocs.yml:34:16: error: extra.callsite.site_name: the Swedish text (sv) is missing", "",
                 id="site-name-one-language"),
    pytest.param("sv: Utbildningsstyrelsen – Finansiering}", "sv: '   '}",
                 "mkdocs.yml:34:56: error: extra.callsite.site_name.sv: the text has nothing visible in it "
                 "(only spaces or invisible characters)", "", id="site-name-blank"),
    pytest.param("sv: Utbildningsstyrelsen – Finansiering}", 'sv: "Utbildningsstyrelsen\\nFinansiering"}',
                 "mkdocs.yml:34:56: error: extra.callsite.site_name.sv: the text 'Utbildningsstyrelsen\\nFinansiering' "
                 "has a line break or a tab in it", "write it on one line", id="site-name-line-break"),
    pytest.param("closing_soon_days: 14", 'closing_soon_days: "14"',
                 "mkdocs.yml:35:24: error: extra.callsite.closing_soon_days: expected a whole number, "
                 "found the text '14'",
                 "remove the quotes: write closing_soon_days: 14", id="number-in-quotes"),
    pytest.param("recently_closed_days: 365", "recently_closed_days: 0",
                 "mkdocs.yml:36:27: error: extra.callsite.recently_closed_days: expected a number at least 1, "
                 "found the number 0",
                 "recently_closed_days is a whole number from 1 to 3650", id="days-too-few"),
    pytest.param("recently_closed_limit: 10", "recently_closed_limit: 5000",
                 "mkdocs.yml:37:28: error: extra.callsite.recently_closed_limit: expected a number at most 1000, "
                 "found the number 5000", "", id="limit-too-large"),
    pytest.param("recently_closed_limit: 10", "recently_closed_limit: yes",
                 "mkdocs.yml:37:28: error: extra.callsite.recently_closed_limit: expected a whole number, "
                 "found the truth value true", "", id="limit-not-a-number"),
    pytest.param('usual_deadline_times: ["16.15"]', 'usual_deadline_times: ["25.00"]',
                 "mkdocs.yml:38:28: error: extra.callsite.usual_deadline_times[1]: expected a time of day such as "
                 "16.15, found the text '25.00'",
                 'write hours.minutes in Helsinki time, in quotes, e.g. "16.15"', id="deadline-time"),
    pytest.param('usual_deadline_times: ["16.15"]', "usual_deadline_times: [16.15]",
                 "mkdocs.yml:38:28: error: extra.callsite.usual_deadline_times[1]: expected text, "
                 "found the decimal number 16.15",
                 'put the value in quotes: "16.15"', id="deadline-time-unquoted"),
    pytest.param("newsletter_action: https://uutiskirje.example.fi/subscribe", "newsletter_action: javascript:alert(1)",
                 "mkdocs.yml:40:24: error: extra.callsite.newsletter_action: expected the form address your newsletter "
                 "provider gives, starting with https://, found the text 'javascript:alert(1)'",
                 "e.g. https://uutiskirje.example.fi/subscribe", id="action-script"),
    pytest.param("newsletter_action: https://uutiskirje.example.fi/subscribe",
                 "newsletter_action: http://uutiskirje.example.fi/subscribe",
                 "mkdocs.yml:40:24: error: extra.callsite.newsletter_action: the newsletter endpoint "
                 "'http://uutiskirje.example.fi/subscribe' is not an https:// address",
                 "readers' email addresses must travel encrypted: use https://", id="action-plain-http"),
    pytest.param("newsletter_method: post", "newsletter_method: pots",
                 "mkdocs.yml:41:24: error: extra.callsite.newsletter_method: expected one of post, get; "
                 "found the text 'pots'", "did you mean 'post'?", id="method"),
    pytest.param("newsletter_email_field: email", "newsletter_email_field: 'email\" autofocus=\"'",
                 "mkdocs.yml:42:29: error: extra.callsite.newsletter_email_field: expected a form field name "
                 "(letters, digits and _ - [ ]), found the text 'email\" autofocus=\"'",
                 "use the name your newsletter provider's form uses, e.g. email", id="field-name"),
    pytest.param("fi: {list: rahoitushaut-fi}", "fi: {'list\"><script>': rahoitushaut-fi}",
                 "mkdocs.yml:45:12: error: extra.callsite.newsletter_hidden_fields.fi.list\"><script>: expected a form "
                 "field name", "", id="hidden-field-name"),
    pytest.param("fi: {list: rahoitushaut-fi}", "fi: {list: 2026}",
                 "mkdocs.yml:45:18: error: extra.callsite.newsletter_hidden_fields.fi.list: expected text, "
                 "found the number 2026", 'put the value in quotes: "2026"', id="hidden-field-value"),
    pytest.param("fi: https://www.oph.fi/fi/tietosuoja", "fi: javascript:alert(1)",
                 "mkdocs.yml:48:11: error: extra.callsite.newsletter_privacy_url.fi: expected an address starting "
                 "with https:// or http://, or a page of this site starting with /, found the text "
                 "'javascript:alert(1)'",
                 "copy the full address of the privacy notice from the browser's address bar", id="privacy-script"),
    pytest.param("fi: https://www.oph.fi/fi/tietosuoja", "fi: 'data:text/html,<script>alert(1)</script>'",
                 "mkdocs.yml:48:11: error: extra.callsite.newsletter_privacy_url.fi: expected an address", "",
                 id="privacy-data"),
    pytest.param("sv: https://www.oph.fi/sv/dataskydd", "sv: //evil.example/",
                 "mkdocs.yml:49:11: error: extra.callsite.newsletter_privacy_url.sv: expected an address", "",
                 id="privacy-other-host"),
    pytest.param("sv: https://www.oph.fi/sv/dataskydd", "sv: '/\\evil.example/'",
                 "mkdocs.yml:49:11: error: extra.callsite.newsletter_privacy_url.sv: expected an address", "",
                 id="privacy-backslash"),
    pytest.param("newsletter_honeypot_field: website", "newsletter_honeypot_field: website\n"
                 "    https_hosts: [oph.fi, 'https://okm.fi/']",
                 "mkdocs.yml:44:27: error: extra.callsite.https_hosts[2]: expected a host name such as oph.fi, "
                 "found the text 'https://okm.fi/'",
                 "write the host name only, without https:// or a path, e.g. oph.fi", id="https-host"),
    pytest.param("path: saavutettavuusseloste/}", "path: 'saavutettavuusseloste/\" onmouseover=\"alert(1)'}",
                 "mkdocs.yml:54:46: error: extra.callsite_footer.fi[1].path: expected a page of this site, such as "
                 "saavutettavuusseloste/, or an https:// address, found the text "
                 "'saavutettavuusseloste/\" onmouseover=\"alert(1)'",
                 "use only letters a-z, digits and - _ . / (or a full https:// address)", id="footer-quote"),
    pytest.param("path: saavutettavuusseloste/}", "path: /saavutettavuusseloste/}",
                 "mkdocs.yml:54:46: error: extra.callsite_footer.fi[1].path: expected a page of this site",
                 "write the path without the leading /, from the language's front page, e.g. saavutettavuusseloste/",
                 id="footer-leading-slash"),
    pytest.param("path: saavutettavuusseloste/}", "path: ../../etc/}",
                 "mkdocs.yml:54:46: error: extra.callsite_footer.fi[1].path: expected a page of this site", "",
                 id="footer-dots"),
    pytest.param("path: saavutettavuusseloste/}", "path: 'javascript:alert(1)'}",
                 "mkdocs.yml:54:46: error: extra.callsite_footer.fi[1].path: expected a page of this site", "",
                 id="footer-script"),
    pytest.param("path: saavutettavuusseloste/}", "path: 'http://www.oph.fi/'}",
                 "mkdocs.yml:54:46: error: extra.callsite_footer.fi[1].path: expected a page of this site",
                 "links to other sites use https://", id="footer-plain-http"),
    pytest.param("{title: Tillgänglighetsutlåtande,", "{title: '',",
                 "mkdocs.yml:56:17: error: extra.callsite_footer.sv[1].title: the text has nothing visible in it "
                 "(only spaces or invisible characters)", "", id="footer-title-empty"),
    pytest.param("{title: Tillgänglighetsutlåtande,", "{titel: Tillgänglighetsutlåtande,",
                 "mkdocs.yml:56:10: error: extra.callsite_footer.sv[1].titel: unknown field 'titel'",
                 "did you mean 'title'?", id="footer-unknown-field"),
    pytest.param("closing_soon_days: 14", "closing_son_days: 14",
                 "mkdocs.yml:35:5: error: extra.callsite.closing_son_days: unknown setting 'closing_son_days'",
                 "did you mean 'closing_soon_days'?", id="unknown-setting"),
    pytest.param("closing_soon_days: 14", "closing_soon_days: 14\n    palette: blue",
                 "mkdocs.yml:36:5: error: extra.callsite.palette: unknown setting 'palette'", "the settings allowed "
                 "here are: agency, site_name, closing_soon_days, recently_closed_days, recently_closed_limit, "
                 "usual_deadline_times, https_hosts, newsletter_action, newsletter_method, newsletter_email_field, "
                 "newsletter_hidden_fields, newsletter_privacy_url, newsletter_honeypot_field, "
                 "accessibility_statement_reviewed, accessibility_feedback_email, accessibility_authority, "
                 "accessibility_authority_url, accessibility_authority_email, accessibility_authority_phone, "
                 "colours, logo, editor",
                 id="unknown-setting-far-off"),
    pytest.param("closing_soon_days: 14", "closing_soon_days: 14\n    site_url: https://example.fi/",
                 "mkdocs.yml:36:5: error: extra.callsite.site_url: unknown setting 'site_url'",
                 "site_url is set at the top of mkdocs.yml, not under extra.callsite", id="site-url-misplaced"),
    pytest.param("closing_soon_days: 14", "closing_soon_days: 14\n    closing_soon_days: 7",
                 "mkdocs.yml:36:5: error: extra.callsite.closing_soon_days: the field 'closing_soon_days' is given "
                 "twice in the same group (first on line 35)", "keep one of them and delete the other", id="twice"),
    pytest.param("closing_soon_days: 14", "closing_soon_days: !ENV DAYS",
                 "mkdocs.yml:35:24: error: extra.callsite.closing_soon_days: expected a whole number, "
                 "found nothing (an empty value)",
                 "callsite reads mkdocs.yml without its markings (the words starting with !): write the value "
                 "itself here", id="tag"),
    pytest.param("agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen}",
                 "agency: {fi: Opetushallitus, sv: Utbildningsstyrelsen",
                 "mkdocs.yml:33:13: error: the bracket { that starts here is not closed on this line", "", id="yaml-syntax"),
]


@pytest.mark.parametrize("old, new, first_line, hint", CASES)
def test_check_reports_each_wrong_setting_at_its_line(tmp_path, capsys, monkeypatch, old, new, first_line, hint):
    config_with(tmp_path, (old, new))
    code, lines = check(tmp_path, capsys, monkeypatch)
    assert code == 1
    assert lines[0].startswith(first_line), lines[0]
    if hint:
        assert lines[1] == f"    hint: {hint}"
    assert lines[-1] == f"1 error {TAIL}"
    assert not any("Traceback" in line for line in lines)


def test_every_problem_is_reported_in_one_run(tmp_path, capsys, monkeypatch):
    config_with(tmp_path, ('closing_soon_days: 14', 'closing_soon_days: "14"'),
                ("sv: Utbildningsstyrelsen}", "}"),
                ("fi: https://www.oph.fi/fi/tietosuoja", "fi: javascript:alert(1)"),
                ("path: saavutettavuusseloste/}", "path: 'x\"y'}"))
    code, lines = check(tmp_path, capsys, monkeypatch)
    assert code == 1
    assert [line.split(": error: ")[0] for line in lines if ": error: " in line] == [
        "mkdocs.yml:33:13", "mkdocs.yml:35:24", "mkdocs.yml:48:11", "mkdocs.yml:54:46"]
    assert lines[-1] == f"4 errors {TAIL}"


def test_check_and_build_refuse_the_settings_as_staff_run_them(tmp_path):
    """The real command in its own process: the messages, exit code 1, no traceback, and the
    previous site/ as it was."""
    config_with(tmp_path, ("newsletter_method: post", "newsletter_method: pots"),
                ("recently_closed_limit: 10", 'recently_closed_limit: "10"'))
    expected = [
        "mkdocs.yml:37:28: error: extra.callsite.recently_closed_limit: expected a whole number, found the text '10'",
        "    hint: remove the quotes: write recently_closed_limit: 10",
        "mkdocs.yml:41:24: error: extra.callsite.newsletter_method: expected one of post, get; found the text 'pots'",
        "    hint: did you mean 'post'?",
        f"2 errors {TAIL}",
    ]
    checked = run_cli("--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert (checked.returncode, checked.stderr.splitlines(), checked.stdout) == (1, expected, "")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    built = run_cli("--lang", "en", "build", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert (built.returncode, built.stderr.splitlines(), built.stdout) == (1, expected, "")
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as it was"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_yaml_error_is_one_problem_without_a_traceback(tmp_path):
    config_with(tmp_path, ("  callsite:\n", "  callsite:\n\tagency: x\n"))
    result = run_cli("--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--now", NOW, cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "mkdocs.yml:33:1: error: line 33 is indented with a tab",
        "    33 |     agency: x",
        "       | ^",
        "    hint: indent with spaces only: delete the tab and type spaces, so that the line starts in the same column "
        "as the others of its group",
        f"1 error {TAIL}",
    ]


def test_a_missing_settings_file_is_said_in_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--config", "elsewhere.yml", "--now", NOW]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "elsewhere.yml: error: the settings file cannot be read (No such file or directory)",
        "    hint: give the settings file with --config, or run the command in the site's folder",
        f"1 error {TAIL}",
    ]
    # Without any mkdocs.yml, check needs no site: the defaults do.
    assert main(["--lang", "en", "check", "--calls", str(FIXTURE_CALLS), "--now", NOW]) == 0


def test_the_preview_shows_a_settings_problem_as_it_shows_a_call_problem(tmp_path, capsys):
    from callsite.model.dates import parse_now
    from callsite.commands.preview import Preview

    config = config_with(tmp_path, ("closing_soon_days: 14", "closing_son_days: 14"))
    preview = Preview(FIXTURE_CALLS, config, tmp_path / "preview", parse_now(NOW), log=print)
    preview.rebuild()
    version, problems = preview.state()
    assert [p.format() for p in problems] == [
        f"{config}:35:5: error: extra.callsite.closing_son_days: unknown setting 'closing_son_days'\n"
        "    hint: did you mean 'closing_soon_days'?"]
    captured = capsys.readouterr()
    assert f"{config}:35:5: error: extra.callsite.closing_son_days" in captured.err
    assert "1 error: the browser shows it until the file is fixed." in captured.out
    assert not (tmp_path / "preview" / "fi").exists()


def test_load_settings_raises_input_error_with_every_problem(tmp_path):
    config = config_with(tmp_path, ("closing_soon_days: 14", "closing_soon_days: -1"),
                         ("recently_closed_days: 365", "recently_closed_days: 4000"))
    with pytest.raises(InputError) as raised:
        load_settings(config)
    assert [(p.file, p.line, p.column, p.field) for p in raised.value.problems] == [
        (str(config), 35, 24, "extra.callsite.closing_soon_days"),
        (str(config), 36, 27, "extra.callsite.recently_closed_days"),
    ]


def test_footer_links_are_written_escaped(tmp_path):
    """Text that is plain but has HTML's special characters reaches the footer as text."""
    title = 'Tietoa <sivustosta> & "muuta"'
    config = config_with(tmp_path, ("{title: Saavutettavuusseloste, path: saavutettavuusseloste/}",
                                    "{title: Saavutettavuusseloste, path: saavutettavuusseloste/}\n"
                                    f"      - {{title: '{title}', path: 'https://www.oph.fi/fi/tietoa?a=1&b=2'}}"))
    site = tmp_path / "site"
    assert main(["--lang", "en", "build", "--calls", str(FIXTURE_CALLS), "--config", str(config), "--site-dir", str(site),
                 "--now", NOW]) == 0
    links = page(site, "/fi/").select(".mdx-footer-links a")
    assert [(text_of(a), a["href"]) for a in links] == [
        ("Saavutettavuusseloste", "saavutettavuusseloste/"), (title, "https://www.oph.fi/fi/tietoa?a=1&b=2")]
    assert page(site, "/fi/").select(".mdx-footer-links script") == []


@given(st.text(alphabet=st.sampled_from("aZ09.-_@:[]/?#%xé "), max_size=30), st.sampled_from(["http://", "https://"]))
def test_the_warnings_find_a_link_s_host_as_urlsplit_does(rest, scheme):
    """The http:// warnings read a plainly written host without urlsplit: the same host."""
    from urllib.parse import urlsplit

    from callsite.model.lint import _host

    url = scheme + rest
    try:
        expected = (urlsplit(url).hostname or "").lower()
    except ValueError:
        expected = ""
    assert _host(url) == expected
