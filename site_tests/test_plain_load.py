"""Loading without marks (the usual case: a valid file needs none) gives what a full load gives.

``load_plain`` skips recording where each value stands; whenever the file has anything
the full walk reports, it walks again in full. So for any text, it must give the same
data and the same marks of the paths asked for, or the same problems.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callsite.source import callfiles
from callsite.source.callfiles import PLACEHOLDER, UNIQUE_FIELDS, parse_for_handover
from callsite.model.validate import _load_marked, _load_with_data, load_vocabulary
from callsite.source.yamlsource import load_document, load_plain
from conftest import FIXTURE_CALLS

VALID = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
VOCABULARY, _ = load_vocabulary(FIXTURE_CALLS)
ASKED = UNIQUE_FIELDS + ((), ("slug",), ("title", "fi"), ("rounds",), ("nowhere", "at all"))
BITS = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\t\\") + [
    "\n  ", ": ", "- ", "no", "16:15", "~", "<<: *a", "&a ", "*a", "!!python/object ", "!!str ", "!!int ",
    "id: x\n", "slug: ", "fi: ", "? ", "[a, b]: ", PLACEHOLDER, "\\u00c4", "\ufeff"])


def same_as_full_load(tmp: Path, text: str) -> None:
    path = tmp / "x.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    full, full_problems = load_document(path, "x.yaml")
    plain, problems = load_plain(path, "x.yaml", ASKED)
    assert problems == full_problems
    assert (plain is None) == (full is None)
    if full is not None:
        assert plain.data == full.data
        assert repr(plain.data) == repr(full.data)  # the same types too (1 == 1.0 == True)
        assert plain.marks == {asked: full.mark_of(asked) for asked in ASKED}
    # and the whole load of a call: its call, data, unique marks and problems
    assert _load_with_data(path, VOCABULARY) == _load_marked(path, VOCABULARY)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 40), insert=st.lists(BITS, max_size=4))
def test_mutated_call_files_load_as_in_full(tmp_path, position, cut, insert):
    same_as_full_load(tmp_path, VALID[:position] + "".join(insert) + VALID[position + cut:])


@pytest.mark.parametrize("text", [
    "a: &x [1, 2]\nb: *x\n",  # an alias
    "a: &x text\nb: *x\n",  # an alias of a text value
    "a: 1\na: 2\n",  # a key twice
    "base: &b {x: 1}\nc:\n  <<: *b\n",  # a merge key
    "a: !!python/object:os.system x\n",  # a tag
    "a: !!str 12\nb: !!int '12'\nc: !!float 3\nd: !!bool 'true'\n",  # tags that are allowed
    "a: !!int twelve\n", "a: !!float x\n", "a: !!bool yes\n", "a: !!null x\n",  # and values that do not fit them
    "? [a, b]\n: c\n",  # a key that is not a word
    "a:" + " [" * 40 + " ]" * 40 + "\n",  # nested too deeply
    "- 1\n- two\n",  # not a group of fields
    "just text\n",
    "a: true\nb: 12\nc: 1.5\nd: ~\ne: no\nf: 16:15\ng: 2020-08-20\nh: 'true'\ni: TRUE\nj: .5\n",
    "id: x\nslug: [a, b]\n",  # a unique field that is not where its marks are asked
    "id: x\nslug: {fi: a, sv: b}\nid: y\n",
])
def test_each_kind_of_unusual_file_loads_as_in_full(tmp_path, text):
    same_as_full_load(tmp_path, text)
    same_as_full_load(tmp_path, text)  # again: the short plain values' tags are remembered by then


def test_the_placeholder_is_found_however_it_is_written(tmp_path):
    """Searched for in the text, unless a backslash escape may have made it."""
    written = {
        "plain": f"title: {{fi: {PLACEHOLDER}}}\n",
        "escaped": 'title: {fi: "T\\u00c4YT\\u00c4"}\n',
        "in a comment only": f"# {PLACEHOLDER}\ntitle: {{fi: x}}\n",
        "nowhere": 'title: {fi: "x\\ty"}\n',
    }
    holds = {}
    for name, text in written.items():
        path = tmp_path / "x.yaml"
        path.write_text(text, encoding="utf-8")
        data, _, _, may_hold = parse_for_handover(path)
        holds[name] = may_hold
        assert not may_hold or name != "nowhere"
        if PLACEHOLDER in str(data):
            assert may_hold, name
    assert holds == {"plain": True, "escaped": True, "in a comment only": True, "nowhere": False}


def test_an_escaped_placeholder_is_reported(tmp_path, scratch_calls):
    path = scratch_calls / "kielikylpy-2026.yaml"
    text = VALID
    path.write_text(text.replace("grant_type: ", 'grant_type: "T\\u00c4YT\\u00c4"\nx: ', 1), encoding="utf-8")
    call, _, marks, problems = _load_with_data(path, VOCABULARY)
    assert call is None and any("placeholder" in p.message and p.field == "grant_type" for p in problems)


def test_an_absolute_path_is_shown_as_before_when_the_folder_changes(tmp_path, monkeypatch):
    """The display of absolute paths is remembered per working folder."""
    target = tmp_path / "a" / "x.yaml"
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path)
    assert callfiles.display_path(target) == "a/x.yaml"
    monkeypatch.chdir(tmp_path / "a")
    assert callfiles.display_path(target) == "x.yaml"
