"""Bad input: every class gives its message (word for word) with file and line,
a non-zero exit, and leaves an existing site/ untouched."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CONFIG, FIXTURE_CALLS, run_cli

VALID = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")


def write(calls: Path, name: str, text: str) -> None:
    (calls / name).write_text(textwrap.dedent(text), encoding="utf-8")


def replace(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


CASES = [
    pytest.param("id: paatetty\nslug: [\n", [
        "calls/x.yaml:2:7: error: the bracket [ that starts here is not closed on this line",
        "    2 | slug: [",
        "      |       ^",
        "    hint: add the closing ] at the end of the line",
    ], id="yaml-syntax"),
    pytest.param(replace("grant_type: special", "grant_tpye: special"), [
        "calls/x.yaml:5:1: error: grant_tpye: unknown field 'grant_tpye'",
        "    hint: did you mean 'grant_type'?",
    ], id="unknown-field"),
    pytest.param(replace("grant_type: special\n", ""), [
        "calls/x.yaml:1:1: error: grant_type: the required field 'grant_type' is missing",
        "    hint: grant_type: general (yleisavustus / allmänt understöd) or special (erityisavustus / specialunderstöd).",
    ], id="missing-field"),
    pytest.param(replace("title: {fi: Kerhotoiminta 2025, sv: Klubbverksamhet 2025}", "title: {fi: 2025, sv: Klubbar}"), [
        "calls/x.yaml:4:13: error: title.fi: expected text, found the number 2025",
        "    hint: put the value in quotes",
    ], id="wrong-type"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 30.2.2025 klo 16.15"), [
        "calls/x.yaml:9:13: error: rounds[1].closes: the date '30.2.2025 klo 16.15' does not exist",
        "    hint: check the day and the month (day.month.year)",
    ], id="impossible-date"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 1.2.2025 klo 16.15"), [
        "calls/x.yaml:8:5: error: rounds[1]: the call closes before it opens",
        "    hint: check the dates of opens and closes",
    ], id="closes-before-opens"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 30.3.2025 klo 3.30"), [
        "calls/x.yaml:9:13: error: rounds[1].closes: '30.3.2025 klo 3.30' does not exist in Helsinki "
        "(clocks jump from 3.00 to 4.00 that night)",
        "    hint: choose a time outside 3.00-3.59 on that night",
    ], id="dst-gap"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 26.10.2025 klo 3.15"), [
        "calls/x.yaml:9:13: error: rounds[1].closes: '26.10.2025 klo 3.15' occurs twice in Helsinki "
        "(clocks go back from 4.00 to 3.00 that night)",
        "    hint: choose a time outside 3.00-3.59 on that night",
    ], id="dst-twice"),
    pytest.param(replace("tags: [perusopetus]", "tags: [perusopetuss]"), [
        "calls/x.yaml:6:8: error: tags[1]: unknown tag 'perusopetuss'",
        "    hint: did you mean 'perusopetus'? (new ones are added in calls/_vocabulary.yaml)",
    ], id="unknown-tag"),
    pytest.param(replace("applicant_types: [municipality]", "applicant_types: [kunnat]"), [
        "calls/x.yaml:15:21: error: eligibility.applicant_types[1]: unknown applicant type 'kunnat'",
        "    hint: the valid applicant types are: association, higher_education, joint_municipal_authority, "
        "municipality, private_provider, state_school (new ones are added in calls/_vocabulary.yaml)",
    ], id="unknown-applicant-type"),
    pytest.param(replace("purpose: {fi: Kerhot., sv: Klubbar.}", "purpose: {fi: Kerhot.}"), [
        "calls/x.yaml:13:10: error: purpose.sv: the Swedish text (sv) is missing",
        "    hint: this call is published in Finnish and Swedish (languages: [fi, sv]): add 'sv: ...', or change "
        "languages if the call is not published in Swedish",
    ], id="missing-swedish"),
    pytest.param(replace("id: paatetty\n", "id: paatetty\nlanguages: [fi]\n"), [
        "calls/x.yaml:3:32: error: slug.sv: this call is published in Finnish only, so the Swedish text (sv) would be "
        "shown nowhere",
        "    hint: delete it, or add sv to languages: [fi, sv]",
    ], id="text-in-a-language-the-call-is-not-in"),
    pytest.param(replace("id: paatetty\n", "id: paatetty\nlanguages: [fi, fi]\n"), [
        "calls/x.yaml:2:12: error: languages: a language is given twice",
        "    hint: write each language once, e.g. languages: [fi, sv]",
    ], id="language-twice"),
    pytest.param(replace("url: {fi: https://www.oph.fi/fi/paatokset,", "url: {fi: ftp://www.oph.fi/fi/paatokset,"), [
        "calls/x.yaml:19:13: error: decisions.url.fi: the link 'ftp://www.oph.fi/fi/paatokset' does not start "
        "with https://, http:// or mailto:",
        "    hint: copy the full address from the browser's address bar",
    ], id="bad-url-scheme"),
    pytest.param(replace("url: {fi: https://www.oph.fi/fi/paatokset,", 'url: {fi: "https://www.oph.fi/fi/paatokset\\u00a02025",'), [
        "calls/x.yaml:19:13: error: decisions.url.fi: the link 'https://www.oph.fi/fi/paatokset\\xa02025' has a space in it",
        "    hint: web addresses have no spaces: delete it (write %20 if the address really has one)",
    ], id="url-with-a-space"),
    pytest.param(replace("grant_type: special", "grant_type: special\ngrant_type: general"), [
        "calls/x.yaml:6:1: error: grant_type: the field 'grant_type' is given twice in the same group (first on line 5)",
        "    hint: keep one of them and delete the other",
    ], id="duplicate-key"),
    pytest.param(replace("closes: 14.3.2025 klo 16.15", "closes: 16:15"), [
        "calls/x.yaml:9:13: error: rounds[1].closes: '16:15' is a time without a date",
        "    hint: write the date too, e.g. 20.8.2026 klo 16.15",
    ], id="yaml11-sexagesimal"),
    pytest.param(replace("    closes: 14.3.2025 klo 16.15", "    closes: 14.3.2025 klo 16.15\n    continuous: no"), [
        "calls/x.yaml:10:17: error: rounds[1].continuous: expected true or false, found the text 'no'",
        "    hint: write true or false (in these files yes/no are text, not truth values)",
    ], id="yaml11-no"),
    pytest.param(replace("grant_type: special", "grant_type: !!python/object:os.system special"), [
        "calls/x.yaml:5:13: error: grant_type: the marking 'tag:yaml.org,2002:python/object:os.system' is not allowed "
        "in a call file",
        "    hint: remove the marking (the word starting with !)",
    ], id="python-tag"),
    pytest.param(replace("title: {fi: Kerhotoiminta 2025, sv: Klubbverksamhet 2025}",
                         "title: &t {fi: Kerhotoiminta 2025, sv: Klubbverksamhet 2025}\nx: *t"), [
        "calls/x.yaml:5:1: error: x: a value cannot refer to another one with & and * (anchors and aliases)",
        "    hint: write the value out in full in each place",
    ], id="alias"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_bad_input_is_reported_with_file_line_and_field(tmp_path, scratch_calls, text, expected):
    write(scratch_calls, "x.yaml", text)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    result = run_cli("--lang", "en", "build", "--config", str(CONFIG), "--now", "1.6.2026", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[: len(expected)] == expected
    assert lines[-1].endswith("nothing was built and the existing site/ was left as it was.")
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_all_problems_in_all_files_in_one_run(tmp_path, scratch_calls):
    write(scratch_calls, "a.yaml", replace("grant_type: special", "grant_type: specia"))
    write(scratch_calls, "b.yaml", replace("id: paatetty", "id: toinen").replace(
        "published: 1.2.2025", "published: 2025").replace("tags: [perusopetus]", "tags: [perusopetu]"))
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "calls/a.yaml:5:13: error: grant_type: expected one of general, special; found the text 'specia'",
        "calls/b.yaml:3:12: error: published: expected a date, found the number 2025",
        "calls/b.yaml:6:8: error: tags[1]: unknown tag 'perusopetu'",
    ]
    assert result.stderr.splitlines()[-1].startswith("3 errors in 2 files;")


def test_duplicate_ids_and_slugs(tmp_path, scratch_calls):
    write(scratch_calls, "a.yaml", VALID)
    write(scratch_calls, "b.yaml", VALID.replace("kerhotoiminta-2025", "muu-2025"))
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:4] == [
        "calls/b.yaml:1:5: error: id: 'paatetty' is already used by calls/a.yaml:1",
        "    hint: every call needs its own id; change one of them",
        "calls/b.yaml:2:26: error: slug.sv: 'klubbverksamhet-2025' is already used by calls/a.yaml:2",
        "    hint: every call needs its own slug.sv; change one of them",
    ]


def test_oversized_file_is_refused_unread(tmp_path, scratch_calls):
    write(scratch_calls, "big.yaml", VALID + "#" * 300_000)
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "calls/big.yaml: error: the file is 293 KiB; the limit is 256 KiB"


def test_valid_calls_pass_check(tmp_path, scratch_calls):
    write(scratch_calls, "a.yaml", VALID)
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "1 call checked: no errors.\n", "")


@given(st.text(alphabet=st.characters(), max_size=6))
def test_a_web_address_with_any_kind_of_space_or_a_backslash_is_refused(text):
    from callsite.model.validate import _is_allowed_url

    url = f"https://www.oph.fi/{text}"
    assert _is_allowed_url(url) == (not any(ch.isspace() for ch in url) and "\\" not in url)


@pytest.mark.parametrize("relative", ["calls/a.yaml", ".", "../elsewhere/a.yaml", "calls/../calls/b.yaml", "calls//c.yaml",
                                      "..", "../..", "../../x.yaml", "../" + "x" * 3, "/", "/x.yaml"])
def test_a_file_given_by_absolute_path_is_named_as_relpath_names_it(relative, tmp_path, monkeypatch):
    import os

    from callsite.source.callfiles import display_path

    monkeypatch.chdir(tmp_path)
    absolute = f"{tmp_path}/{relative}"
    assert display_path(Path(absolute)) == os.path.relpath(absolute)
    assert display_path(absolute) == os.path.relpath(absolute)


def test_a_bad_address_in_the_links_is_named_by_its_place(tmp_path, scratch_calls):
    text = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
    bad = text.replace('sv: "mailto:kielikylpy@oph.fi"}', 'sv: "www.oph.fi/sv"}', 1)
    assert bad != text
    (scratch_calls / "x.yaml").write_text(bad, encoding="utf-8")
    result = run_cli("--lang", "en", "check", cwd=tmp_path)
    line = next(n for n, row in enumerate(bad.splitlines(), 1) if "www.oph.fi/sv\"" in row)
    column = bad.splitlines()[line - 1].index('"www.oph.fi/sv"') + 1
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"calls/x.yaml:{line}:{column}: error: links[2].url.sv: the link 'www.oph.fi/sv' does not start with "
        "https://, http:// or mailto:")


_SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["https://x.fi", "ftp://x", "a b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["links", "decisions", "url", "fi", "sv", "label"]), inner, max_size=4),
    max_leaves=12)


@given(_SHAPES)
def test_link_addresses_are_those_a_walk_from_the_top_finds(data):
    """The addresses checked, with their places, for any shape of data (the checks run on
    invalid calls too): the same as looking each one up from the top of the data."""
    from callsite.model.validate import LANGUAGES, _link_addresses, _raw

    links = _raw(data, ("links",))
    paths = [("links", i, "url") for i in range(len(links))] if isinstance(links, list) else []
    paths.append(("decisions", "url"))
    expected = [(path + (lang,), _raw(data, path + (lang,))) for path in paths for lang in LANGUAGES]
    assert list(_link_addresses(data)) == expected
