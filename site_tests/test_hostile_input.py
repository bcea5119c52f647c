"""Hostile input: what a file, a value or an option can hold, and what the command makes of it.

Each case runs the real command in its own process on a project that already has a built
site, and asserts the message (file, line, field), the exit code, that the previous site is
byte for byte what it was and that the sources are untouched. No case may print a traceback.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import CONFIG, FIXTURE_CALLS, build, run_cli

VALID = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")
NOW = "1.6.2026 klo 12.00"


def replace(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (links and special files as what they are) -> its digest."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            relative = str(path.relative_to(folder))
            if path.is_symlink():
                found[relative] = "link to " + os.readlink(path)
            elif path.is_dir():
                found[relative] = "folder"
            elif path.is_file():
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[relative] = "special"
    return found


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project (calls/ with one valid call, mkdocs.yml) and its site/, built once."""
    project = tmp_path_factory.mktemp("project")
    calls = project / "calls"
    calls.mkdir()
    shutil.copy(FIXTURE_CALLS / "_vocabulary.yaml", calls)
    (calls / "a.yaml").write_text(VALID, encoding="utf-8")
    shutil.copy(CONFIG, project / "mkdocs.yml")
    shutil.copytree(CONFIG.parent / "theme", project / "theme")
    build(calls, project / "site", NOW)
    return project


@pytest.fixture
def project(built_project, tmp_path) -> Path:
    """A fresh copy of the built project for one test."""
    copy = tmp_path / "project"
    shutil.copytree(built_project, copy, symlinks=True)
    return copy


def run_build(project: Path, *args: str, **env: str):
    """``callsite build`` in ``project``; asserts what every refused build must leave alone."""
    site_before = snapshot(project / "site")
    calls_before = snapshot(project / "calls")
    config_before = (project / "mkdocs.yml").read_bytes()
    result = run_cli("--lang", "en", "build", "--now", NOW, *args, cwd=project, **env)
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert snapshot(project / "site") == site_before
        assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []
    assert snapshot(project / "calls") == calls_before
    assert (project / "mkdocs.yml").read_bytes() == config_before
    return result


TEXT_CASES = [
    pytest.param(replace("title: {fi: Kerhotoiminta 2025,", 'title: {fi: "Kerho\\0toiminta",'),
                 "calls/x.yaml:4:13: error: title.fi: the text has an invisible control character (U+0000) "
                 "at character 6", id="nul-escape"),
    pytest.param(replace("title: {fi: Kerhotoiminta 2025,", 'title: {fi: "\\e[31mKerho",'),
                 "calls/x.yaml:4:13: error: title.fi: the text has an invisible control character (U+001B) "
                 "at character 1", id="escape-escape"),
    pytest.param(replace("purpose: {fi: Kerhot.,", 'purpose: {fi: "Kerhot.\\v",'),
                 "calls/x.yaml:13:15: error: purpose.fi: the text has an invisible control character (U+000B) "
                 "at character 8", id="vertical-tab"),
    pytest.param(replace("title: {fi: Kerhotoiminta 2025,", 'title: {fi: "   ",'),
                 "calls/x.yaml:4:13: error: title.fi: the text has nothing visible in it "
                 "(only spaces or invisible characters)", id="spaces-only"),
    pytest.param(replace("title: {fi: Kerhotoiminta 2025,", 'title: {fi: "\\u00a0\\u200b\\u2060\\ufeff",'),
                 "calls/x.yaml:4:13: error: title.fi: the text has nothing visible in it "
                 "(only spaces or invisible characters)", id="nbsp-and-zero-width-only"),
    pytest.param(replace("total: {euros: 3000000}", "total: {euros: 9223372036854775808}"),
                 "calls/x.yaml:11:18: error: funding.total.euros: expected a number at most 1000000000000, "
                 "found the number 9223372036854775808", id="amount-beyond-64-bits"),
    pytest.param(replace("published: 1.2.2025", "published: 1.1.0001"),
                 "calls/x.yaml:3:12: error: published: the year 1 in '1.1.0001' is outside the years 2000-2099",
                 id="year-1"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 31.12.9999 klo 16.15"),
                 "calls/x.yaml:9:13: error: rounds[1].closes: the year 9999 in '31.12.9999 klo 16.15' is outside "
                 "the years 2000-2099", id="year-9999"),
    pytest.param(replace("url: {fi: https://www.oph.fi/fi/paatokset,", "url: {fi: /\\evil.example/,"),
                 "calls/x.yaml:19:13: error: decisions.url.fi: the link '/\\\\evil.example/' has a backslash (\\) in it",
                 id="backslash-path"),
    pytest.param(replace("url: {fi: https://www.oph.fi/fi/paatokset,", "url: {fi: //evil.example/,"),
                 "calls/x.yaml:19:13: error: decisions.url.fi: the link '//evil.example/' does not start with "
                 "https://, http:// or mailto:", id="protocol-relative"),
    pytest.param(replace("url: {fi: https://www.oph.fi/fi/paatokset,", 'url: {fi: "https://www.oph.fi/\\0",'),
                 "calls/x.yaml:19:13: error: decisions.url.fi: the text has an invisible control character (U+0000) "
                 "at character 20", id="control-in-link"),
]


@pytest.mark.parametrize("text, expected", TEXT_CASES)
def test_a_value_no_output_could_carry_is_refused_where_it_is_written(project, text, expected):
    (project / "calls" / "x.yaml").write_text(text.replace("id: paatetty", "id: x").replace(
        "kerhotoiminta-2025", "x").replace("klubbverksamhet-2025", "x"), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == expected
    assert result.stderr.splitlines()[-1] == ("1 error in 1 file; nothing was built and the existing "
                                              "site/ was left as it was.")


def test_a_link_to_a_file_elsewhere_is_refused_without_reading_it(project, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (project / "calls" / "x.yaml").symlink_to(secret)
    (project / "calls" / "y.yaml").symlink_to("/etc/passwd")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "calls/x.yaml: error: this is a link to another file, not a call file",
        "    hint: put the call file itself in the calls folder instead of a link to it",
        "calls/y.yaml: error: this is a link to another file, not a call file",
        "    hint: put the call file itself in the calls folder instead of a link to it",
    ]
    assert "hunter2" not in result.stderr and "root:" not in result.stderr


def test_a_named_pipe_does_not_hang_the_build(project):
    os.mkfifo(project / "calls" / "x.yaml")
    result = run_build(project)  # no writer ever opens the pipe: reading it would wait for ever
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "calls/x.yaml: error: this is not an ordinary file",
        "    hint: a call file is a text file saved by an editor; delete or move this one",
    ]


def test_a_folder_named_like_a_call_file(project):
    (project / "calls" / "x.yaml").mkdir()
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:2] == [
        "calls/x.yaml: error: this is a folder, not a call file",
        "    hint: rename the folder so that its name does not end in .yaml",
    ]


def test_an_unreadable_file_is_named(project, monkeypatch, capsys):
    # Tests run as root, whom file modes do not stop: the operating system's refusal is made here.
    from callsite.source import yamlsource
    from callsite.commands.cli import main

    real_open = os.open

    def refusing_open(path, flags, *args):
        if str(path).endswith("x.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    (project / "calls" / "x.yaml").write_text(VALID, encoding="utf-8")
    monkeypatch.setattr(yamlsource.os, "open", refusing_open)
    monkeypatch.chdir(project)
    assert main(["--lang", "en", "check", "--now", NOW]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        "calls/x.yaml: error: the file cannot be read: you do not have permission to open it",
        "    hint: ask whoever manages this computer or folder to give you read access",
    ]


def test_an_upper_case_extension_is_a_call_file_too(project):
    (project / "calls" / "Haku.YAML").write_text(replace("grant_type: special", "grant_type: specia"),
                                                 encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("calls/Haku.YAML:5:13: error: grant_type: ")


def test_two_topic_labels_that_make_one_address(project):
    vocabulary = project / "calls" / "_vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(text.replace("tasa-arvo: {fi: Tasa-arvo ja yhdenvertaisuus",
                                       "tasa-arvo: {fi: KIELTENOPETUS").replace(
        "digitaalisuus: {fi: Digitaalisuus", 'digitaalisuus: {fi: "!?"'), encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "calls/_vocabulary.yaml:12:23: error: tags.digitaalisuus.fi: the label '!?' has no letters or digits "
        "for the page address",
        "    hint: write the topic's name with letters",
        "calls/_vocabulary.yaml:17:19: error: tags.tasa-arvo.fi: the label 'KIELTENOPETUS' gives the same page "
        "address (kieltenopetus) as the topic 'kieltenopetus'",
        "    hint: every topic needs a name of its own in each language",
    ]


@pytest.mark.parametrize("now, expected", [
    ("1.1.0001", "callsite: --now / CALLSITE_NOW: the year 1 in '1.1.0001' is outside the years 2000-2099 "
                 "(check the year, e.g. 20.8.2026)"),
    ("31.12.9999 klo 23.59", "callsite: --now / CALLSITE_NOW: the year 9999 in '31.12.9999 klo 23.59' is outside "
                             "the years 2000-2099 (check the year, e.g. 20.8.2026)"),
    ("huomenna", "callsite: --now / CALLSITE_NOW: 'huomenna' is not a date we can read "
                 "(write e.g. 20.8.2026 or 20.8.2026 klo 16.15)"),
])
def test_an_unusable_now_is_a_usage_error(project, now, expected):
    result = run_cli("--lang", "en", "build", cwd=project, CALLSITE_NOW=now)
    assert (result.returncode, result.stderr.strip()) == (2, expected)
    result = run_cli("--lang", "en", "check", "--now", now, cwd=project)
    assert (result.returncode, result.stderr.strip()) == (2, expected)


def test_a_bug_is_one_line_and_a_saved_log(project, monkeypatch, capsys, tmp_path):
    from callsite.render import pages as render
    from callsite.commands.cli import main

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(render.Site, "__init__", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # read TMPDIR again
    monkeypatch.chdir(project)
    before = snapshot(project / "site")
    assert main(["--lang", "en", "build", "--now", NOW]) == 70
    err = capsys.readouterr().err
    logs = list(tmp_path.glob("callsite-error-*.log"))
    assert len(logs) == 1
    assert err.strip() == (
        "callsite: an unexpected error stopped the command (ZeroDivisionError). This is a bug in callsite, "
        f"not a mistake in your files; the details were saved in {logs[0]}: please send that file to whoever "
        "maintains the site.")
    log = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "ZeroDivisionError: a bug" in log
    assert snapshot(project / "site") == before


def test_ctrl_c_stops_quietly(project, monkeypatch, capsys):
    from callsite.model import validate
    from callsite.commands.cli import main

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(validate, "load_vocabulary", interrupted)
    monkeypatch.chdir(project)
    assert main(["--lang", "en", "check", "--now", NOW]) == 130
    assert capsys.readouterr().err == ""


def test_a_setting_the_site_engine_cannot_use_is_a_message(project):
    shutil.rmtree(project / "theme")
    (project / "calls" / "x.yaml").write_text("x: [\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "calls/x.yaml:1:4: error: the bracket [ that starts here is not closed on this line",
        "    1 | x: [",
        "      |    ^",
        "    hint: add the closing ] at the end of the line",
        "mkdocs.yml: error: the site engine (MkDocs) cannot use this setting: Config value 'theme': The path set "
        f"in custom_dir ('{project / 'theme'}') does not exist.",
        "2 errors in 2 files; nothing was built and the existing site/ was left as it was.",
    ]
