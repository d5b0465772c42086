"""The catalog's JSON Schema, generated from the models and committed beside them."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from provenance.models import SCHEMA_FILE, Catalog

SCHEMA_ID = "https://provenance.invalid/schemas/catalog-1.0.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def generate_catalog_schema() -> dict[str, Any]:
    """The schema as the models define it today."""
    schema = Catalog.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DRAFT, "$id": SCHEMA_ID, **schema}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def packaged_schema(package: str, file: str) -> dict[str, Any]:
    """A schema file shipped inside ``package``."""
    text = resources.files(package).joinpath(file).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def committed_catalog_schema() -> dict[str, Any]:
    """The schema shipped in the package (what editors and `validate` use)."""
    return packaged_schema("provenance", SCHEMA_FILE)
