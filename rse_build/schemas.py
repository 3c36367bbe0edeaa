"""JSON Schemas of the four kinds of front matter, generated from the pydantic models that
validate them: one source of truth for rse check, editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from rse_build.load import PAGE_KEYS
from rse_build.model import GroupFields, NoteFields, PersonFields, ResponseFields

KINDS: dict[str, tuple[type[BaseModel], str]] = {
    "person": (PersonFields, "content/people/<handle>.md"),
    "group": (GroupFields, "content/groups/<slug>/index.md"),
    "note": (NoteFields, "content/notes/**.md and content/groups/<slug>/*.md"),
    "response": (ResponseFields, "content/responses/<note-id>/<response-id>.md"),
}


# rse reads '2026-12-03T18:00' (no seconds), which JSON Schema's "date-time" format refuses.
DATE_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"


def _relax_date_times(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get("format") == "date-time":
            return {**{k: v for k, v in node.items() if k != "format"}, "pattern": DATE_TIME}
        return {k: _relax_date_times(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_relax_date_times(v) for v in node]
    return node


def schema(kind: str) -> dict[str, Any]:
    model, where = KINDS[kind]
    generated = _relax_date_times(model.model_json_schema())
    properties = generated.setdefault("properties", {})
    for key in sorted(PAGE_KEYS):
        properties.setdefault(key, {"description": "Read by MkDocs or Material for MkDocs."})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"rse/{kind}.schema.json",
        "title": f"rse {kind} front matter",
        "description": f"The YAML front matter of {where}.",
        **{k: v for k, v in generated.items() if k not in ("title", "description")},
        "additionalProperties": False,
    }


def schema_text(kind: str) -> str:
    return json.dumps(schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
