"""The `migkg` command: a thin layer over the Python API."""
from __future__ import annotations

import importlib

import click

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}

# Each module defines the commands named here; they are added in this order.
COMMANDS = {
    "build": ["build", "stats", "show"],
    "evaluate": ["eval"],
    "resolve": ["resolve"],
    "query": ["queries", "query", "sparql", "cypher", "ladybug"],
    "push": ["push"],
    "viz": ["viz"],
    "export": ["export"],
}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="migkg")
def main():
    """migkg: a knowledge graph of actors, processes and agreements in global migration governance."""


for _module, _names in COMMANDS.items():
    _mod = importlib.import_module(f"migkg.cli.{_module}")
    for _name in _names:
        main.add_command(getattr(_mod, f"{_name}_cmd"))
