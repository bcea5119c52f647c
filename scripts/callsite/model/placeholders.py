"""Values still to be written: the marker ``TÄYTÄ`` of a file made by ``callsite new``.

A call whose data still holds one is refused, with one message per unfilled value saying what
to write there, instead of whatever else the value would also be wrong for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..source.callfiles import PLACEHOLDER
from .call import LANGUAGES, Call, field_description


@dataclass(frozen=True)
class Unfilled:
    """One value of a call that still holds a placeholder."""

    path: tuple
    """The field, e.g. ``("funding", "purpose", "fi")``."""
    message: str
    hint: str


def find_unfilled(data: Any) -> list[Unfilled]:
    """Every value of a call's plain data that still holds a placeholder, in file order."""
    return [_unfilled(data, path, value) for path, value in _placeholder_values(data, ())]


def _placeholder_values(data: Any, path: tuple):
    if isinstance(data, str):
        if PLACEHOLDER in data:
            yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholder_values(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _placeholder_values(value, path + (i,))


def _unfilled(data: Any, path: tuple, value: str) -> Unfilled:
    # Explain the field, not the language: purpose.fi -> "purpose: Purpose and background ..."
    names = [part for part in path if isinstance(part, str)]
    while names and names[-1] in LANGUAGES and len(names) > 1:
        names.pop()
    name = names[-1] if names else ""
    model = _model_at(tuple(names[:-1])) if name else None
    description = field_description(model, name) if model else None
    hint = f"{name}: {' '.join(description.split())}" if description else ""
    return Unfilled(path, f"fill in this value: it still holds the placeholder {value!r}",
                    hint or "write the real value, or delete the field if it is optional")


def _model_at(names: tuple):
    """The model whose fields are at ``names`` below a call (lists skipped), or None."""
    import typing

    from pydantic import BaseModel

    def inner(annotation):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        return next((found for arg in typing.get_args(annotation) if (found := inner(arg))), None)

    model = Call
    for name in names:
        field = model.model_fields.get(name) if model else None
        if field is None:
            return None
        model = inner(field.annotation)
    return model
