"""JSON Schemas for editors, generated from the data model (never written by hand).

``callsite schema`` writes them next to the calls:

* ``calls/_schema.json`` for every call file (VS Code maps ``calls/*.yaml`` to it in
  ``.vscode/settings.json``): field-name completion, the field docstrings on hover,
  errors while typing. Tags and applicant types are listed from the vocabulary, so
  the editor also completes those.
* ``calls/_vocabulary.schema.json`` for ``calls/_vocabulary.yaml`` (named there by a
  ``yaml-language-server`` modeline, which takes precedence over the folder mapping).

The schema can only say what JSON Schema can express: the shape of dates (not
whether 30.2. exists), no duplicate ids across files, no date order. ``callsite
check`` remains the judge; the schema is the help while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from .call import Call, Vocabulary, describe_fields

CALL_SCHEMA_FILE = "_schema.json"
VOCABULARY_SCHEMA_FILE = "_vocabulary.schema.json"
# Draft 7 is what editors' YAML support understands best; pydantic's output uses
# nothing beyond it ("$defs" is only a JSON pointer target here).
DIALECT = "http://json-schema.org/draft-07/schema#"


def _with_dialect(schema: dict, comment: str) -> dict:
    return {"$schema": DIALECT, "$comment": comment, **schema}


def call_schema(vocabulary: Vocabulary | None = None) -> dict:
    """The JSON Schema of one call file; with ``vocabulary``, tags and applicant types are enumerated."""
    describe_fields()
    schema = Call.model_json_schema(mode="validation")
    if vocabulary is not None:
        schema["properties"]["tags"]["items"]["enum"] = sorted(vocabulary.tags)
        applicants = schema["$defs"]["Eligibility"]["properties"]["applicant_types"]["items"]
        applicants["enum"] = sorted(vocabulary.applicant_types)
    return _with_dialect(schema, "Generated from the data model by `callsite schema`; do not edit by hand.")


def vocabulary_schema() -> dict:
    describe_fields()
    return _with_dialect(Vocabulary.model_json_schema(mode="validation"),
                         "Generated from the data model by `callsite schema`; do not edit by hand.")


def serialise(schema: dict) -> str:
    """Stable text: the same model gives the same bytes (the test compares them)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def schema_files(calls_dir: Path, vocabulary: Vocabulary | None) -> dict[Path, str]:
    """Target path -> text of every generated schema."""
    return {
        calls_dir / CALL_SCHEMA_FILE: serialise(call_schema(vocabulary)),
        calls_dir / VOCABULARY_SCHEMA_FILE: serialise(vocabulary_schema()),
    }
