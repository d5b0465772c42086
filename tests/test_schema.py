"""The committed JSON Schema is the models' schema, and it accepts what the models accept."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from provenance.cli import app
from provenance.schema import committed_catalog_schema, generate_catalog_schema, render
from tests.conftest import ROOT


def test_committed_schema_matches_the_models() -> None:
    committed = (ROOT / "provenance" / "catalog.schema.json").read_text(encoding="utf-8")
    assert committed == render(generate_catalog_schema()), (
        "the models changed: regenerate the schema (see README, Development)"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(committed_catalog_schema())


def test_bundled_catalog_names_the_schema_and_matches_it() -> None:
    catalog = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
    assert (ROOT / catalog["$schema"]).resolve() == ROOT / "provenance" / "catalog.schema.json"
    assert not list(Draft202012Validator(committed_catalog_schema()).iter_errors(catalog))


def test_no_unknown_keys_anywhere() -> None:
    def closed(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False, node.get("title")
            for value in node.values():
                closed(value)
        elif isinstance(node, list):
            for value in node:
                closed(value)

    closed(committed_catalog_schema())


def test_schema_command_prints_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == committed_catalog_schema()
