"""`migkg push neo4j`: write a build into a running Neo4j with the official driver (attached to the push group)."""
from __future__ import annotations

import os

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.graph.errors import BackendUnavailable
from migkg.graph.neo4j_store import DEFAULT_BATCH_SIZE, Neo4jStore
from migkg.graph.output import load_graph


@click.command("neo4j")
@click.option("--uri", default="bolt://localhost:7687", show_default=True,
              help="Neo4j address: bolt://, bolt+s://, neo4j:// or neo4j+s://.")
@click.option("--user", default="neo4j", show_default=True, help="Neo4j user name.")
@click.option("--password-env", "password_env", default="NEO4J_PASSWORD", show_default=True, metavar="VAR",
              help="Environment variable that holds the password (never given on the command line).")
@click.option("--database", default=None, help="Database name (the server's default database when omitted).")
@out_dir_option
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Rows per UNWIND … MERGE transaction.")
@handle_errors
def push_neo4j(uri, user, password_env, database, out, batch_size):
    """Write the graph into Neo4j: uniqueness constraints, then batched parameterised MERGEs.

    Safe to repeat: nodes merge on id and relationships on statement_id, so a second push changes nothing.

    \b
    Example:
        NEO4J_PASSWORD=... migkg push neo4j --uri bolt://localhost:7687 --user neo4j --out migkg-out
    """
    password = os.environ.get(password_env)
    if password is None:
        raise BackendUnavailable(f"--password-env: environment variable {password_env} is not set; "
                                 f"export it with the password of Neo4j user {user!r}")
    graph = load_graph(out)
    total = len(graph.entities) + len(graph.statements)
    with Neo4jStore(uri, user, password, database) as store:
        store.verify()  # fail on address or credentials before a progress bar is drawn
        with click.progressbar(length=total, label="Pushing to Neo4j", file=click.get_text_stream("stderr"),
                               show_pos=True) as bar:
            result = store.push(graph, batch_size=batch_size, progress=bar.update)
    click.echo(f"Pushed {result['entities']} entities and {result['statements']} statements to "
               f"{store.shown_uri}{f' (database {database})' if database else ''}: "
               f"{result['nodes_created']} nodes and {result['relationships_created']} relationships created, "
               f"{result['properties_set']} properties set.")
