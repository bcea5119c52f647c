"""The browser editor's form, generated from the model: up to date, complete, in Finnish, and
honest about what it cannot hold (the browser tests are in test_cms.py)."""

from __future__ import annotations

import yaml
from pydantic import BaseModel

from callsite.model.call import Call
from callsite.model.cms import HELP, LABELS, call_fields, cms_config, cms_files, serialise, unrepresentable
from callsite.model.validate import load_vocabulary
from callsite.source.yamlsource import load_document
from conftest import FIXTURES, ROOT, run_cli

VOCABULARY = load_vocabulary(ROOT / "calls")[0]
FIELDS, SKIPPED = call_fields(VOCABULARY)


def by_path(fields: list[dict], path: str) -> dict:
    name, _, rest = path.partition(".")
    field = next(f for f in fields if f["name"] == name)
    return by_path(field["fields"], rest) if rest else field


def model_paths(model: type[BaseModel], prefix: str = ""):
    """Every field of the model, nested ones as a.b (through Optional and tuples)."""
    import typing

    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        yield path
        stack = [info.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from model_paths(tp, f"{path}.")
                break
            stack.extend(typing.get_args(tp))


def form_paths(fields: list[dict], prefix: str = ""):
    for field in fields:
        path = f"{prefix}{field['name']}"
        yield path
        yield from form_paths(field.get("fields", []), f"{path}.")


def test_committed_config_is_up_to_date():
    for path, text in cms_files(ROOT / "calls", VOCABULARY).items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is stale: run `callsite schema`"


def test_schema_check_reports_a_stale_config(tmp_path, scratch_calls):
    assert run_cli("schema", cwd=tmp_path).returncode == 0
    (scratch_calls / "_vocabulary.yaml").write_text(
        (scratch_calls / "_vocabulary.yaml").read_text(encoding="utf-8").replace(
            "tags:\n", "tags:\n  aikuiskoulutus: {fi: Aikuiskoulutus, sv: Vuxenutbildning}\n", 1), encoding="utf-8")
    result = run_cli("schema", "--check", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert "calls/_cms.yml: out of date; run: callsite schema" in result.stderr.splitlines()


def test_every_field_of_the_model_is_in_the_form_or_listed():
    skipped = {s.path for s in SKIPPED}
    assert set(model_paths(Call)) - skipped == set(form_paths(FIELDS))
    assert "x_callsite_not_in_form" not in cms_config(VOCABULARY)  # today the form holds every field


def test_labels_and_help_are_finnish():
    assert by_path(FIELDS, "title")["label"] == "Otsikko"
    assert [f["label"] for f in by_path(FIELDS, "title")["fields"]] == ["suomeksi", "ruotsiksi",
                                                                         "englanniksi"]
    # English only where the page shows it (issue 17): not in a link's label, say.
    assert [f["name"] for f in by_path(FIELDS, "links.label")["fields"]] == ["fi", "sv"]
    assert by_path(FIELDS, "rounds")["label"] == "Hakuajat"
    closes = by_path(FIELDS, "rounds.closes")
    assert closes["label"] == "Päättyy"
    assert closes["hint"].startswith("Päättymispäivä ja kellonaika: 20.8.2027 klo 16.15")
    # Every field has a Finnish label and help written for it (a new field of the model shows
    # its name and English docstring until they are added to model/cms.py).
    missing = [path for path in form_paths(FIELDS)
               if path.rsplit(".", 1)[-1] not in ("fi", "sv")
               and not any(key in LABELS for key in _keys(path))]
    assert missing == []
    without_help = [path for path in form_paths(FIELDS)
                    if path.rsplit(".", 1)[-1] not in ("fi", "sv", "name", "email", "label")
                    and not any(key in HELP for key in _keys(path))]
    assert without_help == []


def _keys(path: str) -> list[str]:
    """The label table's keys that may name the field at ``path``: "Class.field" or "field"."""
    owner = Call
    parts = path.split(".")
    for part in parts[:-1]:
        import typing

        stack = [owner.model_fields[part].annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                owner = tp
                break
            stack.extend(typing.get_args(tp))
    return [f"{owner.__name__}.{parts[-1]}", parts[-1]]


def test_selects_come_from_the_vocabulary_with_both_labels():
    tags = by_path(FIELDS, "tags")
    assert (tags["widget"], tags["multiple"]) == ("select", True)
    assert {"label": "Esiopetus / Förskoleundervisning", "value": "esiopetus"} in tags["options"]
    assert [o["value"] for o in tags["options"]] == list(VOCABULARY.tags)
    applicants = by_path(FIELDS, "eligibility.applicant_types")
    assert {"label": "kunnat / kommuner", "value": "municipality"} in applicants["options"]
    funder = by_path(FIELDS, "funder")
    assert funder.get("multiple") is None and funder["required"] is False
    assert {"label": "Opetus- ja kulttuuriministeriö / Undervisnings- och kulturministeriet", "value": "okm"} \
        in funder["options"]
    assert by_path(FIELDS, "grant_type")["options"] == [{"label": "yleisavustus", "value": "general"},
                                                         {"label": "erityisavustus", "value": "special"}]


def test_dates_are_text_in_the_staff_format_and_lists_repeat():
    import re

    closes = by_path(FIELDS, "rounds.closes")
    assert closes["widget"] == "callsite-date"  # text, with a calendar beside it
    assert re.match(closes["pattern"][0], "20.8.2026 klo 16.15")
    assert re.match(closes["pattern"][0], "20.8.2026")  # a call may state no time
    assert not re.match(closes["pattern"][0], "20.8.26 klo 16.15")
    euros = by_path(FIELDS, "funding.total.euros")
    assert re.match(euros["pattern"][0], "1 500 000") and re.match(euros["pattern"][0], "1500000")
    assert not re.match(euros["pattern"][0], "1,5 miljoonaa")
    for path in ("rounds", "links", "contacts", "changes", "funding.pots", "focus_areas.items"):
        assert by_path(FIELDS, path)["widget"] == "list", path
    assert by_path(FIELDS, "rounds")["min"] == 1 and by_path(FIELDS, "rounds")["required"] is True
    assert by_path(FIELDS, "purpose")["fields"][0]["widget"] == "text"  # Markdown: a plain text area
    assert by_path(FIELDS, "draft")["default"] is True  # a new call is a draft, as with `callsite new`


def test_the_written_config_has_no_aliases():
    text = serialise(cms_config(VOCABULARY))
    assert "&id" not in text and "*id" not in text
    assert yaml.safe_load(text)["collections"][0]["fields"] == FIELDS


def test_every_fixture_and_real_call_fits_the_form():
    paths = sorted((ROOT / "calls").glob("*.yaml")) + sorted(FIXTURES.glob("*/*.yaml"))
    checked = 0
    for path in paths:
        if path.name.startswith("_"):
            continue
        doc, problems = load_document(path)
        if doc is None:
            continue
        assert unrepresentable(doc.data, FIELDS) == [], path
        checked += 1
    assert checked > 10


def test_what_the_form_cannot_hold_is_named():
    data = {"id": "x", "title": {"fi": "A", "de": "B"}, "tags": ["esiopetus", "astrologia"],
            "funding": {"total": {"euros": "1,5 miljoonaa"}, "max_aid_share": "90"},
            "draft": "yes", "notes": "kept by hand"}
    assert unrepresentable(data, FIELDS) == [
        "title.de: the form has no such field",
        "tags: 'astrologia' is not one of the choices",
        "funding.max_aid_share: '90' is not written as a whole number",
        "draft: 'yes' is not true or false",
        "notes: the form has no such field",
    ]


def test_the_public_editor_saves_to_the_repository_in_the_settings(tmp_path):
    """extra.callsite.editor: the GitHub backend of /admin/ on the public site (issue 22, part 4)."""
    from callsite.model.settings import load_settings
    from callsite.outputs.admin import backend
    from conftest import config_with

    config = config_with(tmp_path, ("  callsite:\n", "  callsite:\n    editor:\n      repo: oph/rahoitushaut\n"
                                    "      auth_base_url: https://auth.oph.fi/\n"))
    assert backend(load_settings(config)) == {"name": "github", "repo": "oph/rahoitushaut", "branch": "main",
                                              "base_url": "https://auth.oph.fi", "auth_endpoint": "auth"}
    (tmp_path / "bad").mkdir()
    bad = config_with(tmp_path / "bad", ("  callsite:\n", "  callsite:\n    editor:\n      repo: rahoitushaut\n"))
    result = run_cli("check", "--lang", "en", "--config", str(bad), "--calls", str(FIXTURES / "calls"), cwd=tmp_path)
    assert result.returncode == 1 and "extra.callsite.editor.repo" in result.stderr
