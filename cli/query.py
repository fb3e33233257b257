"""`migkg queries`, `migkg query`, `migkg sparql`, `migkg cypher`, `migkg ladybug`: canned and ad hoc queries."""
from __future__ import annotations

import os
import re
from pathlib import Path

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.cli.output import format_option, write_rows
from migkg.graph.errors import BackendUnavailable, MigkgError, QueryError
from migkg.queries import catalog
from migkg.queries.run import (ENGINES, coerce_params, ladybug_path, parse_param_args, rdf_store, run_cypher,
                               run_endpoint, run_query, run_sparql)

ENTITY_ID = re.compile(r"^[a-z]+:\S+$")
store_option = click.option("--store", type=click.Choice(("memory", "oxigraph")), default="memory", show_default=True,
                            help="RDF store for --engine sparql.")
endpoint_option = click.option("--endpoint", default=None, metavar="URL", help="Remote SPARQL endpoint URL.")
graph_option = click.option("--graph", "graph_iri", default=None, metavar="IRI",
                            help="Remote default graph (sent as default-graph-uri).")
user_option = click.option("--user", default=None, help="User for the endpoint or Neo4j.")
password_option = click.option("--password-env", "password_env", default=None, metavar="VAR",
                               help="Environment variable that holds the password (never given on the command line).")


def password_from(env: str | None, user: str | None) -> str | None:
    if not env:
        return None
    if env not in os.environ:
        raise BackendUnavailable(f"--password-env: environment variable {env} is not set"
                                 f"{f' (password of user {user!r})' if user else ''}")
    return os.environ[env]


def query_text(query_or_file: str) -> str:
    """The argument itself, or the text of the file it names."""
    path = Path(query_or_file)
    if len(query_or_file) < 4096 and "\n" not in query_or_file and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{path}: cannot read the query ({e})") from None
    if not query_or_file.strip():
        raise QueryError("QUERY_OR_FILE is empty")
    return query_or_file


@click.command("queries")
@format_option
@handle_errors
def queries_cmd(fmt):
    """List the canned queries with their descriptions and parameters."""
    rows = [{"name": q.name, "params": ", ".join(f"{k}: {t}" for k, t in q.params.items()),
             "example": " ".join(f"-p {k}={v}" for k, v in q.example.items()), "description": q.description}
            for q in catalog.catalog().values()]
    write_rows(rows, ["name", "params", "example", "description"], fmt)


@click.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter (repeatable).")
@click.option("--engine", type=click.Choice(ENGINES), default="sparql", show_default=True,
              help="sparql: rdflib/Oxigraph on the build; cypher: the build's Ladybug DB; neo4j: a server; "
                   "endpoint: a remote SPARQL endpoint.")
@store_option
@out_dir_option
@format_option
@click.option("--viz", type=click.Path(dir_okay=False), default=None, metavar="FILE.html",
              help="Also draw the entities in the result as an interactive network.")
@endpoint_option
@graph_option
@click.option("--uri", default="bolt://localhost:7687", show_default=True, help="Neo4j address (--engine neo4j).")
@user_option
@password_option
@click.option("--database", default=None, help="Neo4j database (--engine neo4j).")
@handle_errors
def query_cmd(name, params, engine, store, out, fmt, viz, endpoint, graph_iri, uri, user, password_env, database):
    """Run the canned query NAME (see `migkg queries`) with -p key=value parameters.

    \b
    Examples:
        migkg query partners -p actor=state:PHL
        migkg query corridors -p state=Philippines
        migkg query members_at -p body=process:gfmd-steering-group -p date=2010 --engine cypher --format json
    """
    values = parse_param_args(params)
    q = catalog.get(name)
    coerce_params(q, values)  # name and parameters checked before any store is opened
    values = entity_ids(q, values, out)
    password = password_from(password_env, user)
    columns, rows = run_query(
        name, values, engine=engine, out_dir=out, store=store,
        endpoint={"url": endpoint, "graph": graph_iri, "user": user, "password": password},
        neo4j={"uri": uri, "user": user or "neo4j", "password": password or "", "database": database})
    write_rows(rows, columns, fmt)
    if viz:
        draw(out, rows, viz, title=f"migkg: {name}")


def entity_ids(q, values: dict, out) -> dict:
    """Entity parameters given as a name, alias or acronym ("IOM", "Philippines") -> the id in the build."""
    names = {k: v for k, v in values.items() if q.params.get(k) == "entity" and not ENTITY_ID.match(v)}
    if not names:
        return values
    from migkg.graph.output import load_graph

    graph = load_graph(out)
    found = {}
    for k, v in names.items():
        try:
            found[k] = graph.find(v).id
        except MigkgError as e:
            raise QueryError(f"-p {k}: {e}") from None
    return {**values, **found}


def draw(out, rows: list[dict], path, title: str) -> None:
    """Draw the entities named anywhere in the result rows."""
    from migkg.graph.output import load_graph

    try:
        from migkg.viz.html import write_html
    except ImportError as e:
        raise BackendUnavailable(f"--viz: the HTML visualisation is unavailable ({e})") from None
    graph = load_graph(out)
    ids = set()
    for row in rows:
        for value in row.values():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and v in graph.entities:
                    ids.add(v)
    write_html(graph, path, node_ids=sorted(ids), title=title)
    click.echo(f"Wrote {path} ({len(ids)} entities)", err=True)


@click.command("sparql")
@click.argument("query_or_file")
@store_option
@out_dir_option
@format_option
@endpoint_option
@graph_option
@user_option
@password_option
@handle_errors
def sparql_cmd(query_or_file, store, out, fmt, endpoint, graph_iri, user, password_env):
    """Run an ad hoc SPARQL query (text or file) on the build, or on --endpoint. Read-only: updates are refused."""
    text = query_text(query_or_file)
    if endpoint:
        columns, rows = run_endpoint(None, {}, {"url": endpoint, "graph": graph_iri, "user": user,
                                                "password": password_from(password_env, user)}, text=text)
    else:
        columns, rows = run_sparql(None, {}, rdf_store(out, store), text=text)
    write_rows(rows, columns, fmt)


@click.command("cypher")
@click.argument("query_or_file")
@out_dir_option
@format_option
@handle_errors
def cypher_cmd(query_or_file, out, fmt):
    """Run an ad hoc Cypher query (text or file) on the build's Ladybug database, opened read-only."""
    columns, rows = run_cypher(None, {}, ladybug_path(out), text=query_text(query_or_file))
    write_rows(rows, columns, fmt)


@click.command("ladybug")
@out_dir_option
@handle_errors
def ladybug_cmd(out):
    """(Re)build the Ladybug database of an existing build output."""
    from migkg.graph.ladybug_store import write_db
    from migkg.graph.output import load_graph

    graph = load_graph(out)
    path = write_db(graph, ladybug_path(out))
    click.echo(f"Wrote {path} ({len(graph.entities)} entities, {len(graph.statements)} statements)")
