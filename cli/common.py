"""Shared CLI pieces: turning MigkgError into one clear line and a non-zero exit."""
from __future__ import annotations

import functools

import click

from migkg.graph.errors import MigkgError

out_dir_option = click.option("--out", "out", type=click.Path(file_okay=False), default="migkg-out", show_default=True,
                              help="Build output directory to read or write.")


def handle_errors(fn):
    """Report user errors as 'Error: …' (exit 1) instead of a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except MigkgError as e:
            raise click.ClickException(str(e)) from None
    return wrapper
