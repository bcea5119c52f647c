"""A file parsed by the other process gives what the plain load of it gives.

The accelerator (:mod:`callsite.model.parallel_load`) checks the plain data another process
sent and, whenever the data has a problem, loads the file again here to place it. So for any
text it must give the very call, or the very problems, that :func:`load_call` gives.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callsite.model.parallel_load import finish_handed_over
from callsite.model.validate import check_call, load_call, load_vocabulary
from callsite.source import callfiles
from callsite.source.callfiles import PLACEHOLDER, may_hold_placeholder, parse_for_handover
from callsite.source.yamlsource import load_document
from conftest import FIXTURE_CALLS

VALID = (FIXTURE_CALLS / "kielikylpy-2026.yaml").read_text(encoding="utf-8")
VOCABULARY, _ = load_vocabulary(FIXTURE_CALLS)
LOAD = functools.partial(load_call, vocabulary=VOCABULARY)
CHECK = functools.partial(check_call, vocabulary=VOCABULARY)
BITS = st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\t\\") + [
    "\n  ", ": ", "- ", "no", "16:15", "~", "<<: *a", "&a ", "*a", "!!python/object ", "!!str ", "!!int ",
    "id: x\n", "slug: ", "fi: ", "? ", "[a, b]: ", PLACEHOLDER, "\\u00c4", "\ufeff"])


def same_as_plain_load(tmp: Path, text: str) -> None:
    path = tmp / "x.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    plain = load_call(path, VOCABULARY)
    assert finish_handed_over(path, parse_for_handover(path), LOAD, CHECK) == plain
    assert (plain[0] is None) == bool(plain[1])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, len(VALID)), cut=st.integers(0, 40), insert=st.lists(BITS, max_size=4))
def test_mutated_call_files_load_as_in_plain(tmp_path, position, cut, insert):
    same_as_plain_load(tmp_path, VALID[:position] + "".join(insert) + VALID[position + cut:])


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
    "id: x\nslug: [a, b]\n",
    "id: x\nslug: {fi: a, sv: b}\nid: y\n",
    VALID,
    VALID.replace("grant_type: special", "grant_type: specia"),
])
def test_each_kind_of_unusual_file_loads_as_in_plain(tmp_path, text):
    same_as_plain_load(tmp_path, text)
    same_as_plain_load(tmp_path, text)  # again: the short plain values' tags are remembered by then


def test_where_a_value_stands_is_found_in_the_tree(tmp_path):
    """Marks are looked up when a message needs them: the value's, the field name's with ``key``,
    the nearest ancestor's for a path that is not there."""
    path = tmp_path / "x.yaml"
    path.write_text("id: x\nrounds:\n  - opens: 1.2.2026\n    closes:  2.2.2026 klo 16.15\n", encoding="utf-8")
    doc, problems = load_document(path)
    assert problems == []
    assert doc.mark_of(("id",)) == (1, 5)
    assert doc.mark_of(("id",), key=True) == (1, 1)
    assert doc.mark_of(("rounds", 0, "closes")) == (4, 14)
    assert doc.mark_of(("rounds", 0, "closes"), key=True) == (4, 5)
    assert doc.mark_of(("rounds", 0, "name")) == (3, 5)  # not there: its group, the round
    assert doc.mark_of(("rounds", 3)) == (3, 3)  # no fourth round: the list
    assert doc.mark_of(()) == (1, 1)


def test_the_placeholder_is_found_however_it_is_written(tmp_path):
    """Searched for in the text, unless a backslash escape may have made it."""
    written = {
        "plain": f"title: {{fi: {PLACEHOLDER}}}\n",
        "escaped": 'title: {fi: "T\\u00c4YT\\u00c4"}\n',
        "in a comment only": f"# {PLACEHOLDER}\ntitle: {{fi: x}}\n",
        "another escape": 'title: {fi: "x\\ty"}\n',
        "nowhere": 'title: {fi: "x y"}\n',
    }
    holds = {}
    for name, text in written.items():
        path = tmp_path / "x.yaml"
        path.write_text(text, encoding="utf-8")
        data, _, may_hold = parse_for_handover(path)
        holds[name] = may_hold
        assert may_hold == may_hold_placeholder(text)
        if PLACEHOLDER in str(data):
            assert may_hold, name
    assert holds == {"plain": True, "escaped": True, "in a comment only": True, "another escape": True,
                     "nowhere": False}


def test_an_escaped_placeholder_is_reported(tmp_path, scratch_calls):
    path = scratch_calls / "kielikylpy-2026.yaml"
    path.write_text(VALID.replace("grant_type: ", 'grant_type: "T\\u00c4YT\\u00c4"\nx: ', 1), encoding="utf-8")
    for call, problems in (load_call(path, VOCABULARY), finish_handed_over(path, parse_for_handover(path), LOAD, CHECK)):
        assert call is None and any("TÄYTÄ" in p.message and p.field == "grant_type" for p in problems)


def test_an_absolute_path_is_shown_as_before_when_the_folder_changes(tmp_path, monkeypatch):
    """The display of absolute paths is remembered per working folder."""
    target = tmp_path / "a" / "x.yaml"
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path)
    assert callfiles.display_path(target) == "a/x.yaml"
    monkeypatch.chdir(tmp_path / "a")
    assert callfiles.display_path(target) == "x.yaml"
