"""export: the build as GraphML, GEXF, CSV, JSON-LD, N-Triples, Cytoscape JSON, a Kumu blueprint or a Neo4j bundle."""
from __future__ import annotations

from pathlib import Path

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.graph.errors import MigkgError
from migkg.graph.export import FORMATS


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(FORMATS), case_sensitive=False))
@click.option("-o", "output", required=True, type=click.Path(path_type=Path),
              help="File to write (csv: a directory or a file prefix; neo4j: a directory).")
@out_dir_option
@handle_errors
def export_cmd(fmt, output, out):
    """Export the build for other tools.

    \b
    Formats: graphml, gexf (with start/end for Gephi's timeline), csv (nodes + edges),
    jsonld, nt (N-Triples), cytoscape (Cytoscape JSON), kumu (Kumu blueprint),
    neo4j (a neo4j-admin import bundle directory).
    \b
    Example:
        migkg export gexf -o migkg.gexf
        migkg export csv -o tables/
        migkg export neo4j -o neo4j-import
    """
    from migkg.graph.output import load_graph

    graph = load_graph(out)
    try:
        written = FORMATS[fmt.lower()](graph, output)
    except OSError as e:
        raise MigkgError(f"-o {output}: cannot write ({e.strerror or e})") from None
    paths = written if isinstance(written, tuple) else (written,)
    for p in paths:
        click.echo(str(Path(p).absolute()))
    click.echo(f"Exported {len(graph.entities)} entities and {len(graph.statements)} statements as {fmt.lower()}.",
               err=True)
