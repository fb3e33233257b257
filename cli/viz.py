"""viz: the interactive HTML view or a PNG of the whole build, an ego network or a filtered view."""
from __future__ import annotations

from pathlib import Path

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.graph.errors import MigkgError


def split_names(values) -> list[str]:
    """`--types State,Organization --types Person` -> ['State', 'Organization', 'Person']."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def select_view(graph, focus=None, depth=1, types=(), predicates=(), since=None, until=None):
    """The filtered (and, with a focus, ego) view of `graph`, and a title describing it."""
    from migkg.graph.nx_graph import ego, filter_graph

    focus_id = graph.find(focus).id if focus else None
    view = filter_graph(graph, split_names(types) or None, split_names(predicates) or None, since, until,
                        keep=[focus_id] if focus_id else ())
    parts = []
    if focus_id:
        view = ego(view, focus_id, depth)
        parts.append(f"{graph.label(focus_id)} (depth {depth})")
    if types:
        parts.append("types: " + ", ".join(split_names(types)))
    if predicates:
        parts.append("predicates: " + ", ".join(split_names(predicates)))
    if since is not None or until is not None:
        parts.append(f"years {since if since is not None else '…'}–{until if until is not None else '…'}")
    if not view.entities:
        raise MigkgError("nothing to show: no entity matches these filters")
    return view, "migkg" + (": " + "; ".join(parts) if parts else "")


@click.command("viz")
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path), help="Write the interactive HTML here.")
@click.option("--png", "png", type=click.Path(dir_okay=False, path_type=Path), help="Write a static PNG picture here.")
@click.option("--focus", help="Centre on this entity (id, name, alias or acronym) and show its neighbourhood.")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="Steps from --focus.")
@click.option("--types", multiple=True, help="Entity types to keep (comma-separated or repeated), e.g. State,Organization.")
@click.option("--predicates", multiple=True, help="Predicates to keep (comma-separated or repeated), e.g. chairs,member_of.")
@click.option("--since", type=int, help="Keep statements that hold in or after this year.")
@click.option("--until", type=int, help="Keep statements that hold in or before this year.")
@click.option("--labels", type=click.IntRange(0, 500), default=25, show_default=True,
              help="PNG: label this many of the most central nodes.")
@out_dir_option
@handle_errors
def viz_cmd(output, png, focus, depth, types, predicates, since, until, labels, out):
    """Draw the graph: an offline interactive HTML page (-o) and/or a PNG (--png), whole or focused.

    \b
    Example:
        migkg viz -o graph.html
        migkg viz --focus IOM --depth 2 -o iom.html --png iom.png
        migkg viz --types State,Process --predicates member_of,chairs --since 2008 --until 2012 -o view.html
    """
    from migkg.graph.output import load_graph

    if output is None and png is None:
        raise click.UsageError("give -o FILE.html and/or --png FILE.png")
    graph = load_graph(out)
    view, title = select_view(graph, focus, depth, types, predicates, since, until)
    try:
        _write(view, title, output, png, labels)
    except OSError as e:
        raise MigkgError(f"{e.filename or output or png}: cannot write ({e.strerror or e})") from None


def _write(view, title, output, png, labels):
    if output is not None:
        from migkg.viz.html import write_html

        write_html(view, output, title=title)
        click.echo(f"HTML: {output.absolute()}  ({len(view.entities)} entities, {len(view.statements)} statements)")
    if png is not None:
        from migkg.viz.png import write_png

        write_png(view, png, top_labels=labels, title=title)
        click.echo(f"PNG:  {png.absolute()}")
