"""build, stats, show."""
import click


@click.command("build")
def build_cmd():
    """Build the graph (being written)."""


@click.command("stats")
def stats_cmd():
    """Counts (being written)."""


@click.command("show")
def show_cmd():
    """Show one entity (being written)."""
