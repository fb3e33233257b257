"""Shared fixtures: the bundled build (made once per test session) and the small hand-written sample build."""
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def sample_build() -> Path:
    """A small hand-written output directory that follows the contract (every predicate once or more)."""
    return FIXTURES / "sample_build"


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory) -> Path:
    """The real build of the bundled corpus, with its Ladybug database."""
    from migkg.graph.build import build

    out = tmp_path_factory.mktemp("bundled") / "out"
    build(None, out)
    return out


@pytest.fixture(scope="session")
def bundled_graph(bundled_build):
    from migkg.graph.output import load_graph

    return load_graph(bundled_build)
