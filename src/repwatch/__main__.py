"""`python -m repwatch`: the same as the `repwatch` command."""

from repwatch.cli import app

app(prog_name="repwatch")
