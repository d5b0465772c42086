"""`[tool.provenance]` in pyproject.toml: which rules run, at what severity, what fails CI."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from provenance.articles import MAX_ARTICLE_BYTES
from provenance.findings import Finding, Severity


class UnusableConfig(Exception):
    """The configuration cannot be used; the message is one line naming the file."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    select: tuple[str, ...] = Field(
        default=(), description="Codes or prefixes to run (all by default)."
    )
    ignore: tuple[str, ...] = Field(default=(), description="Codes or prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Code -> severity.")
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    seeds: str = Field(default="seeds", description="Where `add` copies new article texts.")
    max_article_bytes: int = Field(
        default=MAX_ARTICLE_BYTES,
        gt=0,
        alias="max-article-bytes",
        description="Larger article files are refused unread (C006).",
    )

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        return not any(code.startswith(prefix) for prefix in self.ignore)

    def apply(self, finding: Finding) -> Finding | None:
        """The finding as configured (severity overridden), or None when its rule is off."""
        if not self.enabled(finding.code):
            return None
        override = self.severity.get(finding.code)
        if override is not None and override != finding.severity:
            return replace(finding, severity=override)
        return finding

    def apply_all(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings as configured, those of rules turned off left out."""
        if not (self.select or self.ignore or self.severity):
            # Every rule on, no severity changed: 761k findings at 100k need not be asked.
            return list(findings)
        return [f for f in map(self.apply, findings) if f is not None]

    def merged(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: Severity | None = None,
    ) -> Config:
        """Command-line flags override the file."""
        update: dict[str, object] = {}
        if select:
            update["select"] = tuple(select)
        if ignore:
            update["ignore"] = (*self.ignore, *ignore)
        if fail_on is not None:
            update["fail_on"] = fail_on
        return self.model_copy(update=update)


def _section(path: Path, *, explicit: bool) -> dict[str, object] | None:
    """The settings a file holds: its [tool.provenance] table; for a file given by --config
    that is not a pyproject.toml, its top-level table. None when it holds none."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UnusableConfig(f"{path}: no such configuration file") from None
    except IsADirectoryError:
        raise UnusableConfig(f"{path}: is a folder, not a configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
        raise UnusableConfig(f"{path}: cannot read: {reason or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise UnusableConfig(f"{path}: not valid TOML: {error}") from None
    tool = document.get("tool")
    section = tool.get("provenance") if isinstance(tool, dict) else None
    if section is None and explicit and path.name != "pyproject.toml":
        section = document
    if section is not None and not isinstance(section, dict):
        raise UnusableConfig(f"{path}: [tool.provenance] must be a table")
    return section


def _upward(folder: Path) -> list[Path]:
    return [folder, *folder.parents]


def find_config(catalog: Path) -> tuple[Path, dict[str, object]] | None:
    """The nearest pyproject.toml that has a [tool.provenance] table, searched upward from the
    catalog's folder, then upward from the working folder (as ruff and pytest do: a project's
    settings apply from any of its subfolders). A pyproject.toml without the table is passed
    over, so that a sub-project's own pyproject.toml does not hide the repository's settings."""
    seen: set[Path] = set()
    for folder in (*_upward(catalog.resolve().parent), *_upward(Path.cwd().resolve())):
        if folder in seen:
            continue
        seen.add(folder)
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            section = _section(candidate, explicit=False)
            if section is not None:
                return candidate, section
    return None


def load_config(catalog: Path, explicit: Path | None = None) -> Config:
    """The settings for ``catalog``: from ``explicit`` (--config) when given, else found."""
    if explicit is not None:
        path = explicit
        section = _section(explicit, explicit=True) or {}
    else:
        found = find_config(catalog)
        if found is None:
            return Config()
        path, section = found
    try:
        return Config.model_validate(section)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UnusableConfig(f"{path}: [tool.provenance] {where}: {first['msg']}") from None
