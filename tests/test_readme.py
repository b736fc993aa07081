"""The README's examples are real: every `repwatch …` line parses as the command line it shows."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer

from repwatch.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lines = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("|")[-1].split(" > ")[0].strip()  # the repwatch part only
            if line.startswith("repwatch "):
                lines.append(line)
    return lines


def test_readme_shows_the_two_setup_commands_first() -> None:
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", text, flags=re.S)
    assert first_block is not None
    assert "make run" in first_block.group(1) and "make test" in first_block.group(1)


def test_readme_documents_every_command() -> None:
    group = typer.main.get_group(app)
    documented = {shlex.split(line, comments=True)[1] for line in readme_commands()}
    assert set(group.commands) <= documented


@pytest.mark.parametrize("line", readme_commands())
def test_readme_example_parses(line: str) -> None:
    group = typer.main.get_group(app)
    args = shlex.split(line, comments=True)[1:]
    command = group
    while args and hasattr(command, "commands") and args[0] in command.commands:
        command = command.commands[args.pop(0)]
    assert command is not group, f"unknown command in README: {line}"
    command.make_context(line, args)  # raises on an unknown option or a bad value
