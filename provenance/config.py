"""`[tool.provenance]` in pyproject.toml: which rules run, at what severity, what fails CI."""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from provenance.articles import MAX_ARTICLE_BYTES
from provenance.findings import Finding, Severity


class UnusableConfig(Exception):
    """The configuration cannot be used; the message is one line naming the file."""


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes as given, each value possibly a comma list (`--select T,D`, as ruff takes),
    upper-cased; empty parts of a list (`T,`) are dropped."""
    return tuple(
        part.strip().upper() for value in values for part in value.split(",") if part.strip()
    )


def unknown_code(code: str, known: Collection[str]) -> str | None:
    """Why ``code`` selects no rule (with the nearest codes or prefixes when there are any),
    or None when it is a code or the prefix of one."""
    if any(rule.startswith(code) for rule in known):
        return None
    # A typo is more often a near code than a near family letter: offer codes first.
    prefixes = {rule[:length] for rule in known for length in range(1, len(rule))}
    near = difflib.get_close_matches(code, sorted(known), n=3, cutoff=0.6) or (
        difflib.get_close_matches(code, sorted(prefixes), n=3, cutoff=0.6)
    )
    listed = f"{', '.join(near[:-1])} or {near[-1]}" if len(near) > 1 else "".join(near)
    hint = f"; did you mean {listed}?" if near else ""
    return f"{code!r} is not a rule code or prefix{hint} (`provenance rules` lists them)"


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    select: tuple[str, ...] = Field(
        default=(), description="Codes or prefixes to run (all by default)."
    )
    extend_select: tuple[str, ...] = Field(
        default=(),
        alias="extend-select",
        description="Codes or prefixes run besides those of `select`.",
    )
    ignore: tuple[str, ...] = Field(default=(), description="Codes or prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Code -> severity.")
    fail_on: Severity = Field(default=Severity.ERROR, alias="fail-on")
    seeds: str = Field(default="seeds", description="Where `add` copies new article texts.")
    statistics: bool = Field(default=False, description="`check`: a count per rule code.")
    exit_zero: bool = Field(
        default=False,
        alias="exit-zero",
        description="`check`: exit 0 even when findings fail; 2 still when the input is unusable.",
    )
    quiet: bool = Field(
        default=False, description="`check` text: only the summary, and nothing on success."
    )
    show_acknowledged: bool = Field(
        default=False,
        alias="show-acknowledged",
        description="`check` text: list acknowledged findings in full, not as one line.",
    )
    max_article_bytes: int = Field(
        default=MAX_ARTICLE_BYTES,
        gt=0,
        alias="max-article-bytes",
        description="Larger article files are refused unread (C006).",
    )

    def enabled(self, code: str) -> bool:
        # No `select` means every rule, whatever `extend-select` adds to it.
        if self.select and not any(
            code.startswith(prefix) for prefix in (*self.select, *self.extend_select)
        ):
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
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        fail_on: Severity | None = None,
        *,
        extend_select: Sequence[str] | None = None,
        statistics: bool = False,
        exit_zero: bool = False,
        quiet: bool = False,
        show_acknowledged: bool = False,
    ) -> Config:
        """Command-line flags override the file, as ruff's do: `--select` replaces the
        file's `select` and `extend-select`; `--extend-select` and `--ignore` add to them;
        a switch given turns its setting on. Comma lists are split."""
        update: dict[str, object] = {}
        extended = self.extend_select
        if select:
            update["select"] = split_codes(select)
            extended = ()
        update["extend_select"] = (*extended, *split_codes(extend_select or ()))
        if ignore:
            update["ignore"] = (*self.ignore, *split_codes(ignore))
        if fail_on is not None:
            update["fail_on"] = fail_on
        switches = {
            "statistics": statistics,
            "exit_zero": exit_zero,
            "quiet": quiet,
            "show_acknowledged": show_acknowledged,
        }
        update.update((name, True) for name, on in switches.items() if on)
        return self.model_copy(update=update)

    def unknown_selection(self, known: Collection[str]) -> list[str]:
        """What in select, extend-select and ignore names no rule: one line each, named as
        the command line and [tool.provenance] both spell it."""
        problems = []
        for setting in ("select", "extend_select", "ignore"):
            for code in getattr(self, setting):
                why = unknown_code(code, known)
                if why is not None:
                    problems.append(f"{setting.replace('_', '-')}: {why}")
        return problems


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


def load_config(
    catalog: Path, known: Collection[str] | None = None, explicit: Path | None = None
) -> Config:
    """The settings for ``catalog``: from ``explicit`` (--config) when given, else found.
    With ``known`` (the rule codes), a code in select, extend-select or ignore that names
    no rule makes it unusable, as a typo would otherwise select nothing and pass."""
    if explicit is not None:
        path = explicit
        section = _section(explicit, explicit=True) or {}
    else:
        found = find_config(catalog)
        if found is None:
            return Config()
        path, section = found
    section = dict(section)
    # The file may write a list of codes as one comma string, as the flags take them.
    for key in ("select", "extend-select", "ignore"):
        value = section.get(key)
        if isinstance(value, str):
            section[key] = [value]
        listed = section.get(key)
        if isinstance(listed, list) and all(isinstance(v, str) for v in listed):
            section[key] = split_codes(listed)
    try:
        config = Config.model_validate(section)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UnusableConfig(f"{path}: [tool.provenance] {where}: {first['msg']}") from None
    problems = config.unknown_selection(known) if known is not None else []
    if problems:
        raise UnusableConfig(f"{path}: [tool.provenance] {problems[0]}")
    return config
