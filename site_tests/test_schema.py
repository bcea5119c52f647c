"""The JSON Schema for editors: generated from the model, up to date, and right about real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from callsite.model.dates import DATE_PATTERN, DEADLINE_PATTERN, MOMENT_PATTERN, DateProblem, parse_date, parse_moment
from callsite.model.schema import call_schema, schema_files, vocabulary_schema
from callsite.model.validate import load_vocabulary
from callsite.source.yamlsource import load_document
from conftest import FIXTURE_CALLS, ROOT, run_cli

VALID = (FIXTURE_CALLS / "paatetty.yaml").read_text(encoding="utf-8")
FIXTURE_VOCABULARY = load_vocabulary(FIXTURE_CALLS)[0]
VALIDATOR = jsonschema.Draft7Validator(call_schema(FIXTURE_VOCABULARY))


def data_of(text: str, tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_document(path)
    assert not problems, problems
    return doc.data


def test_committed_schema_files_are_up_to_date():
    vocabulary, problems = load_vocabulary(ROOT / "calls")
    assert not problems
    for path, text in schema_files(ROOT / "calls", vocabulary).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run `callsite schema`"
    result = run_cli("schema", "--check", cwd=ROOT)
    assert (result.returncode, result.stderr) == (0, "")


def test_schema_check_reports_a_stale_file(tmp_path, scratch_calls):
    assert run_cli("schema", cwd=tmp_path).returncode == 0
    schema = json.loads((scratch_calls / "_schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["tags"]["items"]["enum"][:2] == ["ammatillinen-koulutus", "digitaalisuus"]
    (scratch_calls / "_vocabulary.yaml").write_text(
        (scratch_calls / "_vocabulary.yaml").read_text(encoding="utf-8").replace(
            "tags:\n", "tags:\n  aikuiskoulutus: {fi: Aikuiskoulutus, sv: Vuxenutbildning}\n", 1), encoding="utf-8")
    result = run_cli("--lang", "en", "schema", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ("calls/_schema.json: out of date; run: callsite schema\n"
                             "calls/_cms.yml: out of date; run: callsite schema\n")  # the editor's form lists tags too


def test_schemas_are_valid_draft7_with_field_docs():
    jsonschema.Draft7Validator.check_schema(call_schema(FIXTURE_VOCABULARY))
    jsonschema.Draft7Validator.check_schema(vocabulary_schema())
    schema = call_schema()
    # Hover help comes from the field docstrings of the model.
    assert schema["properties"]["published"]["description"] == (
        "Publication date, e.g. 5.3.2020; leave out to publish on the first opening date (a continuous\n"
        "call with neither is published at once and shows no publication date).")
    assert schema["properties"]["draft"]["type"] == "boolean"
    assert schema["additionalProperties"] is False  # completion offers only real field names


def test_vscode_maps_call_files_to_the_schema():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {"./calls/_schema.json": ["calls/*.yaml", "calls/*.yml"]}
    assert (ROOT / "calls/_schema.json").is_file()
    # The vocabulary names its own schema in a modeline, which wins over the folder mapping.
    first = (ROOT / "calls/_vocabulary.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=_vocabulary.schema.json"
    assert (ROOT / "calls/_vocabulary.schema.json").is_file()


@pytest.mark.parametrize("path", sorted(FIXTURE_CALLS.glob("[!_]*.yaml")) + sorted((ROOT / "calls").glob("[!_]*.yaml")),
                         ids=lambda p: p.name)
def test_schema_accepts_every_valid_call(path):
    doc, problems = load_document(path)
    assert not problems
    errors = [e.message for e in VALIDATOR.iter_errors(doc.data)]
    assert errors == []


@pytest.mark.parametrize("folder", [FIXTURE_CALLS, ROOT / "calls"], ids=["fixtures", "calls"])
def test_schema_accepts_the_vocabularies(folder):
    doc, _ = load_document(folder / "_vocabulary.yaml")
    jsonschema.Draft7Validator(vocabulary_schema()).validate(doc.data)


def replace(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


EXPRESSIBLE = {
    "unknown-field": replace("grant_type: special", "grant_tpye: special"),
    "missing-field": replace("grant_type: special\n", ""),
    "wrong-type": replace("title: {fi: Kerhotoiminta 2025,", "title: {fi: 2025,"),
    # (Which texts a call needs depends on its languages: callsite check says so, not the schema.)
    "unknown-language": replace("id: paatetty\n", "id: paatetty\nlanguages: [en]\n"),
    "not-a-choice": replace("grant_type: special", "grant_type: specia"),
    "unknown-tag": replace("tags: [perusopetus]", "tags: [perusopetuss]"),
    "unknown-applicant-type": replace("applicant_types: [municipality]", "applicant_types: [kunnat]"),
    "time-without-date": replace("closes: 14.3.2025 klo 16.15", "closes: 16:15"),
    "two-digit-year": replace("published: 1.2.2025", "published: 1.2.25"),
    "us-date": replace("published: 1.2.2025", "published: 2/1/2025"),
    "yes-no-is-text": replace("    closes: 14.3.2025 klo 16.15", "    closes: 14.3.2025 klo 16.15\n    continuous: no"),
    "euros-with-comma": replace("euros: 3000000", "euros: 3,0 milj."),
    "slug-uppercase": replace("slug: {fi: kerhotoiminta-2025,", "slug: {fi: Kerhotoiminta-2025,"),
    "empty-tag-list": replace("tags: [perusopetus]", "tags: []"),
    "bad-email": VALID + "contacts:\n  - name: Maija\n    email: maija.oph.fi\n",
    "change-note-without-text": VALID + "changes:\n  - date: 3.3.2025\n",
}

# Beyond JSON Schema: the calendar, the order of dates, clock changes; `callsite check` catches these.
NOT_EXPRESSIBLE = {
    "impossible-date": replace("closes: 14.3.2025 klo 16.15", "closes: 30.2.2025 klo 16.15"),
    "closes-before-opens": replace("closes: 14.3.2025 klo 16.15", "closes: 1.2.2025 klo 16.15"),
    "dst-gap": replace("closes: 14.3.2025 klo 16.15", "closes: 30.3.2025 klo 3.30"),
}


@pytest.mark.parametrize("name", EXPRESSIBLE)
def test_schema_rejects_invalid_calls_it_can_express(name, tmp_path, scratch_calls):
    data = data_of(EXPRESSIBLE[name], tmp_path)
    assert list(VALIDATOR.iter_errors(data)), f"the schema accepted {name}"
    # ... and they are errors for `callsite check` too: the schema never disagrees with it.
    (scratch_calls / "x.yaml").write_text(EXPRESSIBLE[name], encoding="utf-8")
    assert run_cli("check", cwd=scratch_calls.parent).returncode == 1


@pytest.mark.parametrize("name", NOT_EXPRESSIBLE)
def test_what_only_check_can_catch(name, tmp_path, scratch_calls):
    assert not list(VALIDATOR.iter_errors(data_of(NOT_EXPRESSIBLE[name], tmp_path)))
    (scratch_calls / "x.yaml").write_text(NOT_EXPRESSIBLE[name], encoding="utf-8")
    assert run_cli("check", cwd=scratch_calls.parent).returncode == 1


MOMENTS = ["20.8.2026 klo 16.15", "20.8.2026 16:15", "20.8.2026 kl. 16.15", "20.8.2026 kello 16.15", "20.8.2026 KLO 9.00",
           "2026-08-20 16:15", "2026-08-20T16:15:00+03:00", "2026-08-20T13:15Z", "1.1.2027 klo 0.00"]
DATES = ["20.8.2026", "1.1.2027", "2026-08-20", " 5.3.2026 "]
NOT_DATES = ["20.8.26", "8/20/2026", "20.8.", "16:15", "20. elokuuta 2026", "2026-8-20", "huomenna"]


@pytest.mark.parametrize("text", MOMENTS + DATES + NOT_DATES)
def test_date_patterns_agree_with_the_parser(text):
    validator = lambda pattern: jsonschema.Draft7Validator({"type": "string", "pattern": pattern})  # noqa: E731

    def parses(parse) -> bool:
        try:
            parse(text)
            return True
        except DateProblem:
            return False

    assert validator(DATE_PATTERN).is_valid(text) == parses(parse_date)
    assert validator(MOMENT_PATTERN).is_valid(text) == parses(lambda t: parse_moment(t, time_required=False))
    assert validator(DEADLINE_PATTERN).is_valid(text) == parses(lambda t: parse_moment(t, time_required=True))


def test_field_docs_read_on_demand_are_those_pydantic_reads_at_import():
    """The model reads its fields' docstrings when a hint or the schema needs them; a copy of the
    model with pydantic's use_attribute_docstrings gives every field the same description."""
    import importlib.util
    import sys

    import callsite.model.call as model

    source = Path(model.__file__).read_text(encoding="utf-8")
    config = 'extra="forbid", frozen=True, arbitrary_types_allowed=True,'
    assert source.count(config) == 1
    spec = importlib.util.spec_from_loader("callsite.model._model_with_docstrings", loader=None)
    copy = importlib.util.module_from_spec(spec)
    copy.__file__ = model.__file__  # pydantic finds each class's source through its module's file
    copy.__package__ = "callsite.model"
    sys.modules[spec.name] = copy
    try:
        exec(compile(source.replace(config, config + " use_attribute_docstrings=True,"), model.__file__, "exec"),
             copy.__dict__)
        models = [name for name, value in vars(copy).items()
                  if isinstance(value, type) and issubclass(value, copy.Strict) and value is not copy.Strict]
        assert len(models) > 15
        described = 0
        for name in models:
            for field, info in getattr(copy, name).model_fields.items():
                assert model.field_description(getattr(model, name), field) == info.description, (name, field)
                described += info.description is not None
        assert described > 50
        assert model.field_description(model.Call, "no_such_field") is None
    finally:
        del sys.modules[spec.name]
