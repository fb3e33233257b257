"""The canned queries: each a pair of files NAME.rq (SPARQL) and NAME.cypher (Cypher) in this folder.

Each file opens with a header of `#+ ` (SPARQL) or `//+ ` (Cypher) lines that read as YAML:

    name: partners                      the file's base name
    description: one sentence
    params: {actor: entity}             parameter names and types (string, entity, int, date); {} when none;
                                        an entity is an id, and the CLI also takes a name, alias or acronym
    example: {actor: "org:iom"}         values that give rows on the bundled build
    columns: [partner, ...]             the columns both engines return, in order
    lists: [docs, ...]                  columns that hold lists (optional)

The two headers of a pair are equal. Cypher uses every parameter as `$name` and no other; SPARQL names every
parameter as `?name` in its SELECT projection (pyoxigraph binds only projected variables, SEP-0007) and
returns it there; runners keep just the declared columns. SPARQL list columns are GROUP_CONCATs separated by
U+001F (LIST_SEPARATOR), which the runner splits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from migkg.graph.errors import QueryError

PARAM_TYPES = ("string", "entity", "int", "date")
LIST_SEPARATOR = "\x1f"
HEADER_PREFIX = {"rq": "#+", "cypher": "//+"}
REQUIRED = ("name", "description", "params", "columns")
_CYPHER_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CYPHER_COMMENT = re.compile(r"//[^\n]*")
_STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str
    params: dict[str, str]
    columns: list[str]
    lists: list[str] = field(default_factory=list)
    example: dict = field(default_factory=dict)
    sparql: str = ""
    cypher: str = ""


def query_dir() -> Path:
    return Path(str(resources.files("migkg.queries")))


def parse_header(text: str, prefix: str, where: str) -> dict:
    lines = [ln[len(prefix):] for ln in text.splitlines() if ln.startswith(prefix)]
    try:
        header = yaml.safe_load("\n".join(ln[1:] if ln.startswith(" ") else ln for ln in lines)) or {}
    except yaml.YAMLError as e:
        raise QueryError(f"{where}: header is not valid YAML ({' '.join(str(e).split())[:200]})") from None
    if not isinstance(header, dict):
        raise QueryError(f"{where}: header must be '{prefix} key: value' lines")
    missing = [k for k in REQUIRED if k not in header]
    if missing:
        raise QueryError(f"{where}: header lacks {', '.join(missing)}")
    header["params"] = header.get("params") or {}
    header["example"] = header.get("example") or {}
    header["lists"] = header.get("lists") or []
    bad = {k: v for k, v in header["params"].items() if v not in PARAM_TYPES}
    if bad:
        raise QueryError(f"{where}: parameter types must be one of {', '.join(PARAM_TYPES)}; got {bad}")
    if set(header["lists"]) - set(header["columns"]):
        raise QueryError(f"{where}: lists {sorted(set(header['lists']) - set(header['columns']))} are not columns")
    return header


def cypher_params(text: str) -> set[str]:
    """`$name`s used in a Cypher text (comments and string literals do not count)."""
    body = _CYPHER_COMMENT.sub("", _STRING_LITERAL.sub("''", text))
    return set(_CYPHER_PARAM.findall(body))


def sparql_projection(text: str, where: str) -> list[str]:
    """The projected variables of a SPARQL query; a syntax error is a QueryError."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        q = prepareQuery(text)
    except Exception as e:
        raise QueryError(f"{where}: SPARQL syntax error: {' '.join(str(e).split())[:200]}") from None
    return [str(v) for v in q.algebra.get("PV", [])]


def load(path_rq: Path, path_cypher: Path) -> CannedQuery:
    """Read and check one pair (see the module docstring for the rules)."""
    name = path_rq.stem
    sparql, cypher = path_rq.read_text(encoding="utf-8"), path_cypher.read_text(encoding="utf-8")
    h_rq = parse_header(sparql, HEADER_PREFIX["rq"], str(path_rq))
    h_cy = parse_header(cypher, HEADER_PREFIX["cypher"], str(path_cypher))
    if h_rq != h_cy:
        diff = sorted(k for k in set(h_rq) | set(h_cy) if h_rq.get(k) != h_cy.get(k))
        raise QueryError(f"{path_rq} and {path_cypher.name}: headers differ in {', '.join(diff)}")
    if h_rq["name"] != name:
        raise QueryError(f"{path_rq}: header name {h_rq['name']!r} differs from the file name {name!r}")
    declared = set(h_rq["params"])
    used = cypher_params(cypher)
    if used != declared:
        raise QueryError(f"{path_cypher}: uses parameters {sorted(used)} but declares {sorted(declared)}")
    projected = sparql_projection(sparql, str(path_rq))
    missing = [p for p in sorted(declared) if p not in projected]
    if missing:
        raise QueryError(f"{path_rq}: parameters {missing} must be projected in SELECT (bound by name)")
    absent = [c for c in h_rq["columns"] if c not in projected]
    if absent:
        raise QueryError(f"{path_rq}: columns {absent} are not projected")
    bad_example = set(h_rq["example"]) ^ declared
    if bad_example:
        raise QueryError(f"{path_rq}: example must give exactly the parameters {sorted(declared)}")
    return CannedQuery(name, str(h_rq["description"]).strip(), dict(h_rq["params"]), list(h_rq["columns"]),
                       list(h_rq["lists"]), dict(h_rq["example"]), sparql, cypher)


@lru_cache(maxsize=4)
def catalog(folder: str | None = None) -> dict[str, CannedQuery]:
    """Every canned query in `folder` (the installed queries/ by default), by name."""
    root = Path(folder) if folder else query_dir()
    stems_rq = {p.stem for p in root.glob("*.rq")}
    stems_cy = {p.stem for p in root.glob("*.cypher")}
    if stems_rq != stems_cy:
        odd = sorted(stems_rq ^ stems_cy)
        raise QueryError(f"{root}: queries without their twin (.rq/.cypher): {', '.join(odd)}")
    return {s: load(root / f"{s}.rq", root / f"{s}.cypher") for s in sorted(stems_rq)}


def names() -> list[str]:
    return sorted(catalog())


def get(name: str) -> CannedQuery:
    queries = catalog()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]
