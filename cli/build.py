"""build, stats, show."""
from __future__ import annotations

from pathlib import Path

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.cli.output import format_option, write_rows
from migkg.graph.build import build, counts
from migkg.graph.output import load_graph


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default="migkg-out", show_default=True,
              help="Output directory (replaced only when the build succeeds).")
@click.option("--no-ladybug", is_flag=True, help="Skip the embedded Cypher database.")
@handle_errors
def build_cmd(paths, out, no_ladybug):
    """Build the graph from documents (the bundled corpus when no PATHS are given).

    \b
    Example:
        migkg build --out migkg-out
        migkg build my-reports/ --out my-graph
    """
    graph = build(list(paths) or None, out, ladybug=not no_ladybug)
    c = graph.manifest["counts"]
    click.echo(f"Built {c['statements']} statements about {c['entities']} entities "
               f"from {len(graph.manifest['documents'])} documents.", err=True)
    click.echo(f"Graph:      {(out / 'graph.ttl').absolute()}")
    click.echo(f"HTML view:  {(out / 'graph.html').absolute()}")


@click.command("stats")
@out_dir_option
@format_option
@handle_errors
def stats_cmd(out, fmt):
    """Count entities by type, statements by predicate and by document.

    \b
    Example:
        migkg stats --format table
    """
    c = counts(load_graph(out))
    rows = ([{"group": "type", "name": k, "count": v} for k, v in c["by_type"].items()]
            + [{"group": "predicate", "name": k, "count": v} for k, v in c["by_predicate"].items()]
            + [{"group": "document", "name": k, "count": v} for k, v in c["by_document"].items()]
            + [{"group": "total", "name": "entities", "count": c["entities"]},
               {"group": "total", "name": "statements", "count": c["statements"]}])
    write_rows(rows, ["group", "name", "count"], fmt)


@click.command("show")
@click.argument("name")
@out_dir_option
@format_option
@handle_errors
def show_cmd(name, out, fmt):
    """Show one entity (by name, alias, acronym or id) with all its statements and evidence quotes.

    \b
    Example:
        migkg show IOM
        migkg show "Republic of Korea" --format json
    """
    graph = load_graph(out)
    e = graph.find(name)
    if fmt == "table":
        click.echo(f"{e.id}  {e.type} ({e.kind})  {e.label}")
        if e.aliases:
            click.echo("aliases: " + "; ".join(e.aliases))
    rows = []
    for s in graph.statements:
        if e.id not in (s.subject, s.object):
            continue
        for ev in s.evidence:
            rows.append({"statement": s.id, "subject": graph.label(s.subject), "predicate": s.predicate,
                         "object": graph.label(s.object),
                         "qualifiers": ", ".join(f"{k}={v}" for k, v in sorted(s.qualifiers.items())),
                         "doc": ev.doc, "line": ev.line, "quote": ev.quote})
    write_rows(rows, ["subject", "predicate", "object", "qualifiers", "doc", "line", "quote", "statement"], fmt)
