"""Neo4j's own Cypher linter (@neo4j-cypher/language-support, run with node) on every statement the Neo4j writer can
send, on the cypher-shell scripts of the bulk bundle, and on every canned `queries/*.cypher`: zero diagnostics, i.e.
no error and no warning, under Cypher 5 and Cypher 25, with labels, types, property keys and parameters declared."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from migkg.graph import neo4j_store as ns
from migkg.graph.model import ENTITY_TYPES, PREDICATES, Entity, Evidence, Statement
from migkg.graph.output import Graph, load_graph

TESTS = Path(__file__).parent
NODE_DIR = TESTS / "node"
LINTER = NODE_DIR / "lint_cypher.mjs"
QUERIES = TESTS.parent / "queries"
SAMPLE = TESTS / "fixtures" / "sample_build"
LANGUAGES = ("CYPHER 5", "CYPHER 25")

NODE = shutil.which("node")
missing = ("node is not installed" if NODE is None else
           "tests/node/node_modules is missing; run: (cd tests/node && npm ci)"
           if not (NODE_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir() else None)
pytestmark = pytest.mark.skipif(missing is not None, reason=f"Neo4j Cypher linter unavailable: {missing}")


def lint_all(queries: list[dict], languages=LANGUAGES) -> dict[str, list[list[dict]]]:
    """Diagnostics per query for each Cypher language, one node process per language, run side by side."""
    procs = {}
    for language in languages:
        payload = {"schema": dict(ns.cypher_schema(), defaultLanguage=language), "queries": queries}
        proc = subprocess.Popen([NODE, str(LINTER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=NODE_DIR)
        procs[language] = (proc, json.dumps(payload))
    out = {}
    for language, (proc, payload) in procs.items():
        stdout, stderr = proc.communicate(payload, timeout=120)
        assert proc.returncode == 0, stderr
        out[language] = [r["diagnostics"] for r in json.loads(stdout)]
    return out


def lint(queries: list[dict], language: str) -> list[list[dict]]:
    return lint_all(queries, (language,))[language]


def canned_queries() -> list[tuple[str, str, list[str]]]:
    """(name, text, declared parameter names) per queries/*.cypher, from the `//+ params:` YAML header."""
    out = []
    for path in sorted(QUERIES.glob("*.cypher")):
        text = path.read_text(encoding="utf-8")
        header = yaml.safe_load("\n".join(ln[3:].strip() for ln in text.splitlines() if ln.startswith("//+"))) or {}
        params = header.get("params") or {}
        out.append((path.stem, text, sorted(params) if isinstance(params, (dict, list)) else [str(params)]))
    return out


def writer_statement_shapes(*graphs: Graph) -> list[tuple[str, list[str]]]:
    """The writer's statements: schema, a MERGE per label, a relationship MERGE per type and with every label at
    either end (the texts differ only in those vocabulary words; all 686 triples would take the linter ~80 s),
    plus every text the writer actually sends for the given graphs."""
    texts = [(s, []) for s in ns.schema_statements()]
    texts += [(ns.node_merge(t), ["rows"]) for t in ENTITY_TYPES]
    texts += [(ns.rel_merge(p.upper(), "State", "Organization"), ["rows"]) for p in PREDICATES]
    texts += [(ns.rel_merge("MEMBER_OF", t, "Process"), ["rows"]) for t in ENTITY_TYPES]
    texts += [(ns.rel_merge("CHAIRS", "Person", t), ["rows"]) for t in ENTITY_TYPES]
    texts += [(st.cypher, sorted(st.params)) for g in graphs for st in ns.writer_statements(g)]
    return list(dict.fromkeys((t, tuple(p)) for t, p in texts))


def hostile_graph() -> Graph:
    quote = "it's \"quoted\"; \\ back\nslash */ // ${x} `tick` }] Julián \u2028 \x07"
    entities = {"state:AAA": Entity("state:AAA", "State", "A'A", "state", aliases=["a;b", "{}"]),
                "org:b": Entity("org:b", "Organization", "B", "igo")}
    st = Statement("state:AAA", "member_of", "org:b", {"role": "x') RETURN 1 //", "amount": 1e21},
                   [Evidence("d", 1, 0, 5, quote)], 0.5, "r")
    return Graph(entities, [st], {})


@pytest.fixture(scope="module")
def results():
    """Lint everything once per language; map (kind, name) -> diagnostics per language."""
    items: list[tuple[tuple[str, str], dict]] = []
    sample = load_graph(SAMPLE)
    for text, params in writer_statement_shapes(sample, hostile_graph()):
        items.append((("writer", text), {"query": text, "params": list(params)}))
    # load.cypher starts with the statements of schema.cypher, so linting it covers both scripts
    for name, graph in (("sample", sample), ("hostile", hostile_graph())):
        items.append((("script", f"load.cypher[{name}]"),
                      {"query": ns.cypher_shell_script(graph), "params": ["rows"], "console": True}))
    for name, text, params in canned_queries():
        items.append((("canned", name), {"query": text, "params": params}))
    out = {key: {} for key, _ in items}
    for language, per_query in lint_all([q for _, q in items]).items():
        for (key, _), diags in zip(items, per_query):
            out[key][language] = diags
    return out


def dirty(entries: dict) -> dict:
    return {lang: diags for lang, diags in entries.items() if diags}


def test_every_writer_statement_lints_clean(results):
    writer = {k[1]: v for k, v in results.items() if k[0] == "writer"}
    assert len(writer) >= len(ns.schema_statements()) + len(ENTITY_TYPES) + len(PREDICATES) + 2 * len(ENTITY_TYPES)
    problems = {text: dirty(v) for text, v in writer.items() if dirty(v)}
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)[:4000]


@pytest.mark.parametrize("name", ["load.cypher[sample]", "load.cypher[hostile]"])
def test_cypher_shell_scripts_lint_clean(results, name):
    assert not dirty(results[("script", name)]), results[("script", name)]


@pytest.mark.parametrize("name, text, params", canned_queries())
def test_canned_query_lints_clean(results, name, text, params):
    assert not dirty(results[("canned", name)]), (name, params, results[("canned", name)])


def test_the_linter_does_report_problems():
    """The harness is live: unknown labels, undeclared parameters, unknown keys and bad syntax are reported."""
    queries = [
        {"query": "MATCH (n:Stat) RETURN n", "params": []},
        {"query": "MATCH (n:State {id: $sid}) RETURN n.label", "params": []},
        {"query": "MATCH (n:State) RETURN n.colour", "params": []},
        {"query": "MATCH (n:State) RETRN n", "params": []},
        {"query": "MATCH ()-[r:CHAIRED]->() RETURN r", "params": []},
        {"query": ":param rows => [{id: 'x'}];\nUNWIND $rows AS row MERGE (n:State {id: row.id})", "params": ["rows"],
         "console": False},
    ]
    diags = lint(queries, "CYPHER 5")
    assert "Label Stat is not present" in diags[0][0]["message"]
    assert diags[1][0]["message"] == "Parameter $sid is not defined." and diags[1][0]["severity"] == "error"
    assert "colour is not present" in diags[2][0]["message"]
    assert any(d["severity"] == "error" for d in diags[3])
    assert "CHAIRED is not present" in diags[4][0]["message"]
    assert diags[5], "console commands are errors unless enabled"
