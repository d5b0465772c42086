from __future__ import annotations

from typing import Annotated

import typer

from provenance.commands.common import EXIT_UNUSABLE, write


def rules_command() -> None:
    """List every rule: code, name, family, default severity and what it catches."""
    from provenance.rules.base import all_rules

    lines = []
    for rule in all_rules():
        info = rule.info
        lines.append(
            f"{info.code}  {info.name:<32} {info.family:<12} {info.severity:<8} {info.summary}"
        )
    write("\n".join(lines) + "\n")


def explain_command(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. T004, or its name.")],
) -> None:
    """Print one rule's documentation, with a bad and a good example."""
    from provenance.rules.base import all_rules

    wanted = code.strip()
    for rule in all_rules():
        info = rule.info
        if wanted.upper() == info.code or wanted.lower() == info.name:
            write(
                f"{info.code} {info.name}\n"
                f"family: {info.family}\nseverity: {info.severity}\n\n{info.summary}\n\n"
                f"bad:\n    {info.bad}\n\ngood:\n    {info.good}\n"
            )
            return
    typer.echo(f"error: no rule {code!r}; `provenance rules` lists them", err=True)
    raise typer.Exit(EXIT_UNUSABLE)


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
    app.command("explain")(explain_command)
