"""Report renderers: one module per format, each a pure function CheckResult -> str.

``render(result, fmt)`` is the one entry point; the modules import their heavy dependencies
(rich, prov) only when their format is asked for.
"""

from __future__ import annotations

import importlib

from provenance.results import CheckResult

FORMATS: tuple[str, ...] = (
    "terminal",
    "markdown",
    "html",
    "json",
    "sarif",
    "github",
    "prov-json",
)

_MODULES = {
    "terminal": "terminal",
    "markdown": "markdown",
    "html": "html",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "prov-json": "prov_json",
}

DEFAULT_WIDTH = 100


def render(
    result: CheckResult, fmt: str, *, color: bool = False, width: int = DEFAULT_WIDTH
) -> str:
    """The report of ``result`` in format ``fmt`` (one of FORMATS), as text.

    ``color`` and ``width`` only matter for the terminal format: pass ``color=True`` only when
    writing to a terminal, so that files and pipes never receive ANSI escapes.
    """
    if fmt not in _MODULES:
        raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"provenance.report.{_MODULES[fmt]}")
    if fmt == "terminal":
        text: str = module.render(result, color=color, width=width)
    else:
        text = module.render(result)
    return text
