"""The JSON Schema of the answers file, as `prd-forge schema` prints it and schemas/ holds it."""

from __future__ import annotations

import json

from prd_forge.spec.load import SCHEMA_URL
from prd_forge.spec.model import Spec

SCHEMA_FILE = "answers.schema.json"
"""Its name in schemas/ (and, in a wheel, prd_forge/schemas/); SCHEMA_URL points at it."""


def schema_text() -> str:
    """The schema as JSON text: keys sorted so the file only changes when the model does."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URL,
        **Spec.model_json_schema(),
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
