"""Open data: calls.json validated against its own schema; calls.csv read with the csv module."""

from __future__ import annotations

import copy
import csv
import io
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE_CALLS, build


def load(site, name):
    return json.loads((site / name).read_text(encoding="utf-8"))


def test_calls_json_validates_against_its_own_schema(fixture_site):
    data, schema = load(fixture_site, "calls.json"), load(fixture_site, "calls.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    validator.validate(data)
    assert data["$schema"] == "https://rahoitushaut.example.fi/calls.schema.json" == schema["$id"]
    assert data["licence"]["name"] == "CC BY 4.0"
    assert "DERIVED" in schema["properties"]["calls"]["items"]["properties"]["derived"]["description"]
    by_id = {call["id"]: call for call in data["calls"]}
    assert set(by_id) == {"jatkuva-haku", "kielikylpy-2026", "paatetty", "peruttu", "tuleva"}  # kaksi-kierrosta: not yet published
    peruttu = by_id["peruttu"]
    assert peruttu["derived"]["status"] == "cancelled"
    assert peruttu["cancelled"] == {"date": "2026-03-20", "reason": {"fi": "Määräraha siirtyi.",
                                                                     "sv": "Anslaget flyttades."}}
    assert peruttu["rounds"][0]["closes"] == "2026-04-30T16:15:00+03:00"
    assert peruttu["url"]["sv"] == "https://rahoitushaut.example.fi/sv/finansiering/installd-utlysning-2026/"
    assert (fixture_site / "sv/finansiering/installd-utlysning-2026/index.html").is_file()
    # The schema is strict enough to catch a mistake.
    broken = copy.deepcopy(data)
    broken["calls"][0]["derived"]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)


def test_calls_csv_reads_in_the_csv_module(fixture_site):
    text = (fixture_site / "calls.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    data = load(fixture_site, "calls.json")
    assert [row["id"] for row in rows] == [call["id"] for call in data["calls"]]
    kielikylpy = next(row for row in rows if row["id"] == "kielikylpy-2026")
    assert kielikylpy["title_sv"] == "Utveckling av språkbadsundervisningen 2026"
    assert kielikylpy["closes"] == "2026-04-15T16:15:00+03:00"
    assert kielikylpy["total_euros"] == "750000" and kielikylpy["precision"] == "at_most"
    assert kielikylpy["derived_status"] == "closing-soon"


def test_open_data_is_identical_across_builds(fixture_site, tmp_path):
    again = tmp_path / "site"
    build(FIXTURE_CALLS, again, "10.4.2026 klo 12.00")
    for name in ("calls.json", "calls.schema.json", "calls.csv"):
        assert (again / name).read_bytes() == (fixture_site / name).read_bytes()


# What our JSON holds (see callsite.render.jsontext): no floats, string keys, integers within 64 bits;
# text without lone surrogates (they cannot be UTF-8), control characters and all.
_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=8)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**63, max_value=2**64 - 1) | _text,
    lambda children: st.lists(children, max_size=4) | st.tuples(children, children)
    | st.dictionaries(_text, children, max_size=4),
    max_leaves=25)


@given(_json_values)
def test_json_matches_the_standard_library(value):
    from callsite.render.jsontext import dumps_compact, dumps_indented

    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
    assert dumps_compact(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@given(_json_values, st.lists(_json_values, max_size=3))
def test_json_in_pieces_matches_the_standard_library(value, records):
    from callsite.render.jsontext import iter_indented

    assert b"".join(iter_indented(value)) == json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")
    document = {"head": value, "calls": iter(records), "tail": {"n": len(records)}}
    expected = json.dumps({"head": value, "calls": records, "tail": {"n": len(records)}}, ensure_ascii=False,
                          indent=2)
    assert b"".join(iter_indented(document)) == expected.encode("utf-8")


@pytest.mark.parametrize("value", [{1: "a"}, {"calls": iter([{None: 1}])}, [2**64], {"a": "\ud800"}])
def test_json_it_cannot_write_as_the_standard_library_does_is_refused(value):
    from callsite.render.jsontext import iter_indented

    with pytest.raises(TypeError):
        b"".join(iter_indented(value))
