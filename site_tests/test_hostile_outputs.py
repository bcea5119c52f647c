"""Hostile text in the outputs: what staff text (or a setting) can make of feeds, calendars,
open data and pages, read back with the parsers readers and programs use.

Markup staff write reaches a feed reader as text, never as an element; a spreadsheet never
runs a cell as a formula; no text makes a file unparseable; and turning Markdown links into
plain text takes time in proportion to the text (counted, not timed).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from conftest import CONFIG, FIXTURE_CALLS

NOW = "10.4.2026 klo 12.00"
SOURCE = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
SLUG = {"fi": "kielikylpyopetuksen-kehittaminen-2026", "sv": "utveckling-av-sprakbadsundervisningen-2026"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TAG_OPENING = re.compile("<[A-Za-z/!?]")  # what the HTML tokenizer takes as the start of a tag

# Each text field of the fixture call that the tests fill in: its line, with {} for the text.
FIELDS = {
    "title_fi": "  fi: Kielikylpyopetuksen kehittäminen 2026\n",
    "title_sv": "  sv: Utveckling av språkbadsundervisningen 2026\n",
    "funding_purpose": "    fi: kielikylpyopetuksen kehittämiseen\n",
    "purpose": '  fi: Tavoitteena on **vahvistaa** kielikylpyä. <script>alert("x")</script>\n',
    "eligibility": "    fi: Kunnat ja yksityiset opetuksen järjestäjät.\n",
    "contact": "  - name: Maija Meikäläinen\n",
    "link_label": "    label: {fi: Hae avustusta, sv: Ansök om understöd}\n",
}
ORDINARY = {"change": "Hakuaikaa jatkettu.", "reason": "Määräraha siirtyi."}


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: printable ASCII as it is, everything else escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def call_yaml(**texts: str) -> str:
    """The fixture call with the given texts in its fields, a change note and a cancellation."""
    source = SOURCE
    for name, line in FIELDS.items():
        if name in texts:
            assert source.count(line) == 1, line
            key, _ = line.split(":", 1)
            if name == "link_label":
                replacement = f"    label: {{fi: {yaml_quoted(texts[name])}, sv: Ansök om understöd}}\n"
            else:
                replacement = f"{key}: {yaml_quoted(texts[name])}\n"
            source = source.replace(line, replacement)
    change = yaml_quoted(texts.get("change", ORDINARY["change"]))
    reason = yaml_quoted(texts.get("reason", ORDINARY["reason"]))
    return source + f"""\
changes:
  - date: 5.3.2026
    text: {{fi: {change}, sv: Ansökningstiden har förlängts.}}
cancelled:
  date: 20.3.2026
  reason: {{fi: {reason}, sv: Anslaget flyttades.}}
"""


def write_project(folder: Path, call: str, *, tag_label: str | None = None,
                  site_name: str | None = None) -> tuple[Path, Path]:
    """calls/ (vocabulary and the call) and a settings file; (calls folder, settings file)."""
    calls = folder / "calls"
    calls.mkdir()
    vocabulary = (FIXTURE_CALLS / "_vocabulary.yaml").read_text(encoding="utf-8")
    if tag_label is not None:
        line = "  perusopetus: {fi: Perusopetus, sv: Grundläggande utbildning}\n"
        assert line in vocabulary
        vocabulary = vocabulary.replace(line, f"  perusopetus: {{fi: {yaml_quoted(tag_label)}, "
                                              "sv: Grundläggande utbildning}\n")
    (calls / "_vocabulary.yaml").write_text(vocabulary, encoding="utf-8")
    (calls / "haku.yaml").write_text(call, encoding="utf-8")
    config = CONFIG.read_text(encoding="utf-8").replace("custom_dir: theme", f"custom_dir: {CONFIG.parent / 'theme'}")
    if site_name is not None:
        line = "    site_name: {fi: Opetushallitus – Rahoitushaut, sv: Utbildningsstyrelsen – Finansiering}\n"
        assert line in config
        config = config.replace(line, f"    site_name: {{fi: {yaml_quoted(site_name)}, "
                                      "sv: Utbildningsstyrelsen – Finansiering}\n")
    settings_file = folder / "mkdocs.yml"
    settings_file.write_text(config, encoding="utf-8")
    return calls, settings_file


def run_build(calls: Path, settings_file: Path, site: Path) -> int:
    from callsite.commands.cli import main

    return main(["build", "--calls", str(calls), "--config", str(settings_file), "--site-dir", str(site),
                 "--now", NOW])


# --- Reading the outputs -------------------------------------------------------------------

def html_elements(fragment: str) -> list[str]:
    """The elements an HTML renderer makes of ``fragment`` (a feed reader rendering it)."""
    body = BeautifulSoup(fragment, "html5lib").body
    return [element.name for element in body.find_all(True)]


def html_shown(fragment: str) -> str:
    return BeautifulSoup(fragment, "html5lib").body.get_text()


def read_ics_value(data: bytes, name: str) -> list[str]:
    """Every ``name`` property's TEXT value, read as RFC 5545 says (icalendar 6 unescapes
    sequence after sequence, so ``\\\\,`` comes back as ``,``: not usable as the reference)."""
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    escapes = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
    values = []
    for line in unfolded.split("\r\n"):
        if line.startswith(name + ":"):
            value = line[len(name) + 1:]
            values.append(re.sub(r"\\(.)", lambda m: escapes[m.group(1)], value))
    return values


def check_outputs(site: Path, baseline: dict[str, dict] | None = None) -> None:
    """Every output parses with a strict parser and carries no markup from staff text."""
    for path in site.rglob("*.xml"):
        data = path.read_bytes()
        root = ET.fromstring(data)  # strict: raises on anything not well-formed
        if path.name != "feed.xml":
            continue
        feed = feedparser.parse(data)
        assert feed.bozo == 0, (path, feed.get("bozo_exception"))
        for description in root.iter("description"):
            # One XML unescape (the parser's), then rendered as HTML: text, no element.
            assert html_elements(description.text or "") == [], (path, description.text)
        for name in ("title", "category"):
            for element in root.iter(name):
                assert not TAG_OPENING.search(element.text or ""), (path, element.text)
    for path in site.rglob("*.ics"):
        data = path.read_bytes()
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), path
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", data.replace(b"\r\n", b"")), path
        calendar = icalendar.Calendar.from_ical(data)
        for component in calendar.walk():
            assert not component.errors, (path, component.name, component.errors)
    for path in site.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    text = (site / "calls.csv").read_bytes().decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell
    for path in site.rglob("*.html"):
        counts = page_counts(path)
        if baseline is not None:
            assert counts == baseline[str(path.relative_to(site))], path


DANGEROUS = ("script", "iframe", "frame", "object", "embed", "base", "form", "style", "meta", "link", "svg", "math")


def page_counts(path: Path) -> dict:
    """What staff text must never add to a page: elements that run, load or redirect."""
    soup = BeautifulSoup(path.read_bytes(), "html5lib")
    handlers = [(element.name, attribute) for element in soup.find_all(True) for attribute in element.attrs
                if attribute.lower().startswith("on")]
    assert handlers == [], (path, handlers)
    for link in soup.find_all("a", href=True):
        assert not link["href"].strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, link)
    for script in soup.find_all("script", type=re.compile("json")):
        json.loads(script.string)
    return {name: len(soup.find_all(name)) for name in DANGEROUS} | {
        "scripts": sorted((s.get("type", ""), s.get("src", "")) for s in soup.find_all("script"))}


# --- A hostile call, built once ------------------------------------------------------------

HOSTILE = {
    "title_fi": '=HYPERLINK("http://evil","x")',
    "title_sv": "-2+3; a, b \\ c <b>fet</b> & co",
    "change": "Korjattu <img src=x onerror=alert(1)>",
    "reason": 'Peruttu <script>alert(3)</script> & "lainaus" ]]>',
    "purpose": "Tavoite <img src=x onerror=alert(2)> [linkki](https://www.oph.fi/) & loppu",
    "contact": "@Maija <i>Meikäläinen</i>",
    "link_label": "+Hae <svg onload=alert(6)>",
}
TAG_LABEL = "Perus <img src=x onerror=alert(4)>"
SITE_NAME = "Rahoitushaut <img src=x onerror=alert(5)> & co"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    calls, settings_file = write_project(folder, call_yaml(**HOSTILE), tag_label=TAG_LABEL)
    assert run_build(calls, settings_file, folder / "site") == 0
    return folder / "site"


@pytest.fixture(scope="module")
def hostile_settings_site(tmp_path_factory) -> Path:
    """The site's name in the settings with markup in it."""
    folder = tmp_path_factory.mktemp("hostile-settings")
    calls, settings_file = write_project(folder, call_yaml(), site_name=SITE_NAME)
    assert run_build(calls, settings_file, folder / "site") == 0
    return folder / "site"


def test_a_change_note_with_markup_reaches_feed_readers_as_text(hostile_site):
    data = (hostile_site / "fi/feed.xml").read_bytes()
    feed = feedparser.parse(data)
    assert feed.bozo == 0
    changed = next(entry for entry in feed.entries if "/changed/" in entry.id)
    # feedparser takes the description as HTML (as readers do) and sanitises it: there is no
    # element left to sanitise, and what it shows is the note as staff wrote it.
    assert changed.summary_detail.type == "text/html"
    assert html_elements(changed.summary) == []
    assert html_shown(changed.summary).startswith("Korjattu <img src=x onerror=alert(1)> ")
    assert "Tavoite <img src=x onerror=alert(2) linkki & loppu" in html_shown(changed.summary)  # > is Markdown
    # The bytes themselves: escaped twice, so one XML unescape leaves HTML-escaped text.
    item = next(i for i in ET.fromstring(data).iter("item") if "/changed/" in i.findtext("guid"))
    description = item.findtext("description")
    assert description.startswith("Korjattu &lt;img src=x onerror=alert(1)&gt; ")
    assert html_elements(description) == []
    assert b"&amp;lt;img src=x onerror=alert(1)&amp;gt;" in data
    cancelled = next(entry for entry in feed.entries if "/cancelled/" in entry.id)
    assert 'Peruttu <script>alert(3)</script> & "lainaus" ]]>' in html_shown(cancelled.summary)
    assert html_elements(cancelled.summary) == []


def test_titles_and_topic_labels_never_carry_a_tag(hostile_site):
    data = (hostile_site / "sv/feed.xml").read_bytes()
    root = ET.fromstring(data)
    titles = [element.text for element in root.iter("title")]
    assert "-2+3; a, b \\ c &lt;b>fet&lt;/b> & co" in titles  # only the "<" that would open a tag
    feed = feedparser.parse(data)
    # feedparser judges such a title HTML; shown as HTML it is exactly what staff wrote.
    title = next(entry.title_detail for entry in feed.entries if "/published/" in entry.id)
    assert title.type == "text/html" and html_elements(title.value) == []
    assert html_shown(title.value) == HOSTILE["title_sv"]
    fi = ET.fromstring((hostile_site / "fi/feed.xml").read_bytes())
    categories = {element.text for element in fi.iter("category")}
    assert "Perus &lt;img src=x onerror=alert(4)>" in categories
    entry = feedparser.parse((hostile_site / "fi/feed.xml").read_bytes()).entries[0]
    assert html.unescape(entry.title) == "Peruttu: " + HOSTILE["title_fi"]  # nothing looks like a tag: as it is
    assert entry.title == "Peruttu: " + HOSTILE["title_fi"] and entry.title_detail.type == "text/plain"
    check_outputs(hostile_site)


def test_the_site_name_from_the_settings_is_text_in_feeds(hostile_settings_site):
    for path in hostile_settings_site.joinpath("fi").rglob("feed.xml"):
        title = ET.fromstring(path.read_bytes()).findtext("channel/title")
        assert title.startswith("Rahoitushaut &lt;img src=x onerror=alert(5)> & co"), path
        assert feedparser.parse(path.read_bytes()).bozo == 0


def test_the_site_name_from_the_settings_is_text_in_pages(hostile_settings_site):
    for path in hostile_settings_site.rglob("*.html"):
        page_counts(path)


def test_a_formula_in_a_title_is_text_in_spreadsheets(hostile_site):
    text = (hostile_site / "calls.csv").read_bytes().decode("utf-8-sig")
    assert text.startswith('"id","languages","title_fi","title_sv",')  # every text cell quoted
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["title_fi"] == "'" + HOSTILE["title_fi"]
    assert row["title_sv"] == "'" + HOSTILE["title_sv"]
    assert row["total_euros"] == "750000" and ",750000," in text  # numbers as numbers
    # calls.json is data for programs: the text as written.
    [call] = json.loads((hostile_site / "calls.json").read_text(encoding="utf-8"))["calls"]
    assert call["title"] == {"fi": HOSTILE["title_fi"], "sv": HOSTILE["title_sv"]}


def test_calendar_text_is_escaped_as_rfc_5545_asks(hostile_site):
    path = hostile_site / f"sv/kalender/{SLUG['sv']}.ics"
    data = path.read_bytes()
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "\r\nSUMMARY:Ansökningstiden går ut: -2+3\\; a\\, b \\\\ c <b>fet</b> & co\r\n" in unfolded
    assert "Ansökningstiden går ut: " + HOSTILE["title_sv"] in read_ics_value(data, "SUMMARY")
    assert read_ics_value(data, "X-WR-CALNAME") == [HOSTILE["title_sv"]]
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert {str(event["STATUS"]) for event in events} == {"CANCELLED"}
    assert all(not component.errors for component in calendar.walk())


def test_pages_show_staff_markup_as_text(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page_counts(path)  # no event handler, no script link, JSON-LD parses
    page = BeautifulSoup((hostile_site / f"fi/rahoitushaut/{SLUG['fi']}/index.html").read_bytes(), "html5lib")
    assert "Korjattu <img src=x onerror=alert(1)>" in page.get_text()


# --- Encoders on their own -----------------------------------------------------------------

_xml_text = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\r")
                    .filter(lambda ch: ch in "\t\n" or ch >= " " and ch not in "\ufffe\uffff"))


@given(_xml_text | st.lists(st.sampled_from(["<", "<b>", "</i>", "<!--", "<?x", "&", "&lt;", "]]>", "a", " "]))
       .map("".join))
def test_feed_text_reads_back_as_text_in_every_reader(text):
    from callsite.render.xmltext import escape_html_text, escape_plain_text

    description = ET.fromstring(f"<d>{escape_html_text(text)}</d>").text or ""
    assert html_elements(description) == []
    assert html.unescape(description) == text  # a reader rendering HTML shows the text
    title = ET.fromstring(f"<t>{escape_plain_text(text)}</t>").text or ""
    assert not TAG_OPENING.search(title)
    assert html_elements(title) == []
    if "<" not in text:
        assert title == text  # a literal reader shows it exactly


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ud800", "\ufffe", "\uffff"])
def test_a_character_xml_cannot_carry_is_an_internal_error(character):
    from callsite.render.xmltext import escape_html_text, escape_plain_text

    for escape in (escape_plain_text, escape_html_text):
        with pytest.raises(ValueError, match=f"U\\+{ord(character):04X} at character 3 of 'ab"):
            escape("ab" + character + "c")


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\r")
               .filter(lambda ch: ch in "\t\n" or ch >= " " and ch != "\x7f")))
@example("a\\,b; c\\\\n")
def test_calendar_text_reads_back_as_written(text):
    from callsite.outputs.calendars import fold, text as ics_text

    line = fold("SUMMARY:" + ics_text(text))
    assert read_ics_value(line.encode("utf-8") + b"\r\n", "SUMMARY") == [text]


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1b", "\x7f"])
def test_a_control_character_in_calendar_text_is_an_internal_error(character):
    from callsite.outputs.calendars import text as ics_text

    with pytest.raises(ValueError, match=f"U\\+{ord(character):04X} in 'a"):
        ics_text("a" + character)


@pytest.fixture(scope="module")
def ordinary_record(tmp_path_factory) -> dict:
    """A call's record as calls.json has it (the same dict calls_csv reads)."""
    folder = tmp_path_factory.mktemp("ordinary")
    calls, settings_file = write_project(folder, call_yaml())
    assert run_build(calls, settings_file, folder / "site") == 0
    return json.loads((folder / "site/calls.json").read_text(encoding="utf-8"))["calls"][0]


@pytest.mark.parametrize("title", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a;=1+1", "'=x"])
def test_csv_cells_are_never_formulas(ordinary_record, title):
    from callsite.outputs.opendata import calls_csv

    record = {**ordinary_record, "title": {"fi": title, "sv": "Ok"}}
    text = calls_csv([record]).decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["title_fi"] == ("'" + title if title.startswith(FORMULA_START) else title)
    assert f'"{row["title_fi"]}"' in text  # quoted: a ";" inside cannot start a cell


def test_a_control_character_in_csv_is_an_internal_error(ordinary_record):
    from callsite.outputs.opendata import calls_csv

    with pytest.raises(ValueError, match=re.escape(r"""U+0000 in the row '"kielikylpy-2026","fi sv","a\x00","Ok",""")):
        calls_csv([{**ordinary_record, "title": {"fi": "a\x00", "sv": "Ok"}}])


# --- Markdown links as text: the same as the regex, in linear time --------------------------

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # what feeds.plain_text used (quadratic on many "[")


def counted_unlink(text: str) -> tuple[str, int]:
    """``feeds.unlink`` with the characters its searches look at counted (one more per search)."""
    from callsite.outputs.feeds import unlink

    steps = 0

    def find(haystack: str, needle: str, start: int) -> int:
        nonlocal steps
        found = str.find(haystack, needle, start)
        steps += (len(haystack) if found == -1 else found + 1) - start + 1
        return found

    return unlink(text, find), steps


_markdownish = st.text(alphabet=st.sampled_from("[]()ab \n!*"), max_size=60)
_adversarial = (st.lists(st.sampled_from(["[", "]", "(", ")", "[](", "](", "[[", "]]", "[a](", "a"]), max_size=400)
                .map("".join)
                | st.tuples(st.sampled_from(["[", "[](", "](", "[a](", "[]", "[a]", "[[]("]), st.integers(1, 3000),
                            st.sampled_from(["", ")", "]", "](", "]()"])).map(lambda t: t[0] * t[1] + t[2]))


@given(_markdownish | _adversarial)
@example("[" * 240_000 + "]")
@example("[](" * 80_000 + ")")
def test_links_become_their_text_as_the_regex_did_in_linear_time(text):
    result, steps = counted_unlink(text)
    assert steps <= 6 * (len(text) + 1)
    if len(text) <= 2_000:  # the regex itself is quadratic: only where it is quick
        assert result == LINK.sub(r"\1", text)


@given(st.text(max_size=80))
def test_plain_text_of_any_text_is_the_regex_result(text):
    from callsite.outputs.feeds import plain_text

    first = text.strip().split("\n\n")[0]
    expected = " ".join(re.sub(r"[*_`#>]", "", LINK.sub(r"\1", first)).split())
    expected = expected if len(expected) <= 300 else expected[:299].rstrip() + "…"
    assert plain_text(text) == expected


# --- Any text in every field ---------------------------------------------------------------

_FRAGMENTS = ["<", ">", "&", "]]>", '"', "'", "\u200f", "\u202e", "=", "+", "-", "@", "\t", "\n", "[a](b)",
              "<img src=x onerror=alert(1)>", "</textarea>", "&amp;", ",", ";", "\\", "é", "😀", "\u2028", "\ufeff",
              "\u00a0", "[" * 20, "%(title)s", "{{ x }}", "javascript:alert(1)"]
_usable_characters = (st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")
                      | st.sampled_from("\t\n"))
_usable = st.lists(st.sampled_from(_FRAGMENTS) | st.text(alphabet=_usable_characters, max_size=4),
                   max_size=6).map("".join)
_usable_text = st.tuples(_usable, st.sampled_from("aä€😀<&=@-+\u05d0"), _usable).map("".join)
"""Text validation lets through: something visible, no control character but tab and newline."""
_any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12) | st.lists(
    st.sampled_from([*_FRAGMENTS, "\x00", "\x1b", "\r", "\x85", "\ufffe", " ", "\u200b"]), max_size=4).map("".join)
"""Any text at all (surrogates excepted: YAML cannot carry them), mostly refused by validation."""
_TEXT_FIELDS = (*FIELDS, "change", "reason")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, dict]:
    """The elements each page of the ordinary call's site has (that staff text must not add to)."""
    folder = tmp_path_factory.mktemp("baseline")
    calls, settings_file = write_project(folder, call_yaml(**{name: f"Teksti {name}" for name in FIELDS}))
    assert run_build(calls, settings_file, folder / "site") == 0
    site = folder / "site"
    return {str(path.relative_to(site)): page_counts(path) for path in site.rglob("*.html")}


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(texts=st.fixed_dictionaries({name: _usable_text for name in _TEXT_FIELDS}),
       anything=st.none() | st.tuples(st.sampled_from(_TEXT_FIELDS), _any_text))
def test_any_text_in_every_field_builds_well_formed_outputs_or_a_clean_error(texts, anything, baseline, capsys):
    """Every field gets text validation lets through, and one field (in most examples) any text."""
    if anything is not None:
        texts = {**texts, anything[0]: anything[1]}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = call_yaml(**texts)
        assert yaml.safe_load(source)["title"]["fi"] == texts["title_fi"]  # the YAML says what we meant
        calls, settings_file = write_project(folder, source)
        capsys.readouterr()
        code = run_build(calls, settings_file, folder / "site")
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        if code != 0:  # refused by validation (control characters, nothing visible): a clean error
            event("refused")
            assert code == 1, err
            assert "haku.yaml" in err
            return
        event("built")
        site = folder / "site"
        check_outputs(site, baseline)
        [call] = json.loads((site / "calls.json").read_text(encoding="utf-8"))["calls"]
        assert call["title"] == {"fi": texts["title_fi"], "sv": texts["title_sv"]}
        ics = (site / f"fi/kalenteri/{SLUG['fi']}.ics").read_bytes()
        assert read_ics_value(ics, "X-WR-CALNAME") == [texts["title_fi"].replace("\r\n", "\n").replace("\r", "\n")]
        text = (site / "calls.csv").read_bytes().decode("utf-8-sig")
        [row] = list(csv.DictReader(io.StringIO(text, newline="")))
        expected = texts["title_fi"]
        assert row["title_fi"] == ("'" + expected if expected.startswith(FORMULA_START) else expected)
        shutil.rmtree(site)


def test_the_characters_xml_cannot_carry_are_exactly_those_outside_its_char_production():
    """xmltext lists the characters outside XML 1.0's Char production: every code point is
    checked against the production as the specification writes it."""
    from callsite.render.xmltext import _NOT_XML

    def is_xml_char(code: int) -> bool:
        return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
                or 0x10000 <= code <= 0x10FFFF)

    everything = "".join(map(chr, range(0x110000)))
    assert [ord(found) for found in _NOT_XML.findall(everything)] == [
        code for code in range(0x110000) if not is_xml_char(code)]
