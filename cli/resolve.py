"""resolve: propose likely duplicates among document-made entities into the decisions file."""
from __future__ import annotations

from pathlib import Path

import click
import yaml

from migkg.cli.common import handle_errors, out_dir_option
from migkg.cli.output import format_option, write_rows
from migkg.graph.output import atomic_file, load_graph
from migkg.loaders.resolve import default_decisions_path, load_decisions, propose


@click.command("resolve")
@out_dir_option
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Decisions file to extend (default: the one shipped in ontology/registry/).")
@format_option
@handle_errors
def resolve_cmd(out, decisions, fmt):
    """Propose likely duplicate entities; a person marks each pair merge or keep-apart.

    New pairs are appended to the decisions file as `pending`; `migkg build` applies the `merge` pairs.

    \b
    Example:
        migkg resolve --out migkg-out
    """
    path = decisions or default_decisions_path()
    existing = load_decisions(path)
    from migkg.ontology.registry import default_registry
    decided = {frozenset((d["left"], d["right"])) for d in existing}
    graph = load_graph(out)
    new = propose(graph.entities, set(default_registry().entities), decided, graph.statements)
    if new:
        with atomic_file(path, encoding="utf-8") as f:
            f.write("# Merge decisions for entities that documents introduced (see loaders/resolve.py).\n"
                    "# `migkg resolve` appends proposals as `pending`; mark each `merge` or `keep-apart`. "
                    "Builds apply `merge`.\n")
            yaml.safe_dump(existing + new, f, sort_keys=False, allow_unicode=True, width=120)
    write_rows(new, ["left", "right", "reason", "labels"], fmt)
    click.echo(f"{len(new)} new pair(s) proposed in {path}; "
               f"{sum(d['decision'] == 'pending' for d in existing)} were already pending.", err=True)
