"""`migkg push`: load a build into a server. `push sparql` is here; `push neo4j` lives in cli/neo4j.py."""
from __future__ import annotations

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.cli.query import password_from, password_option, user_option
from migkg.graph.sparql_endpoint import DEFAULT_BATCH, DEFAULT_GRAPH, push


@click.group("push")
def push_cmd():
    """Load the graph into a SPARQL store or a Neo4j server."""


@push_cmd.command("sparql")
@click.option("--endpoint", required=True, metavar="URL",
              help="SPARQL Update endpoint (--protocol update) or Graph Store endpoint (--protocol gsp).")
@click.option("--graph", "graph_iri", default=DEFAULT_GRAPH, show_default=True, metavar="IRI",
              help="Named graph to replace with the build.")
@click.option("--protocol", type=click.Choice(("update", "gsp")), default="update", show_default=True,
              help="SPARQL 1.1 Update (DROP + INSERT DATA) or the Graph Store HTTP Protocol (PUT/POST N-Triples).")
@user_option
@password_option
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH, show_default=True,
              help="Triples per request.")
@out_dir_option
@handle_errors
def push_sparql(endpoint, graph_iri, protocol, user, password_env, batch_size, out):
    """Load the build into any SPARQL 1.1 store, replacing the named graph.

    \b
    Examples:
        migkg push sparql --endpoint http://127.0.0.1:8890/sparql
        migkg push sparql --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --protocol gsp \\
            --user dba --password-env VIRTUOSO_PASSWORD
    """
    from migkg.graph.output import load_graph

    graph = load_graph(out)
    result = push(graph, endpoint, graph_iri=graph_iri, protocol=protocol, user=user,
                  password=password_from(password_env, user), batch_size=batch_size)
    click.echo(f"Pushed {result['triples']} triples ({len(graph.statements)} statements) to <{graph_iri}> at "
               f"{endpoint.split('?')[0]} in {result['requests']} request(s).")


# `migkg push neo4j` (cli/neo4j.py, the Neo4j writer) joins the group here.
try:
    from migkg.cli.neo4j import push_neo4j
except ImportError:  # pragma: no cover - only while that module is being written
    push_neo4j = None
if push_neo4j is not None:
    push_cmd.add_command(push_neo4j, "neo4j")
