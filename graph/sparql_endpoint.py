"""Remote SPARQL 1.1 stores: push a build (Graph Store Protocol or SPARQL Update) and run SELECT queries.

Plain HTTP with the standard library (urllib): the SPARQL 1.1 Protocol (`query=` / `update=` form posts, results as
`application/sparql-results+json`) and the Graph Store HTTP Protocol (`PUT`/`POST ?graph=IRI` with N-Triples).
Credentials, when given, are offered for HTTP Basic and Digest authentication (Virtuoso's /sparql-auth uses Digest).

Parameters of canned queries: a remote endpoint has no `initBindings`, so the values are sent as a `VALUES` block
at the start of the query's outer WHERE group, each value serialised as an RDF term by rdflib (`Literal(v).n3()`:
quotes, backslashes and newlines escaped). The value is data in a VALUES row, never query syntax - the same
binding the local engines do, in the protocol's own terms.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from .errors import BackendUnavailable, QueryError

DEFAULT_GRAPH = "https://w3id.org/migkg/graph"
DEFAULT_BATCH = 2000
TIMEOUT = 60.0
RESULTS_JSON = "application/sparql-results+json"


# --- HTTP ---------------------------------------------------------------------------------------------------------

def _opener(url: str, user: str | None, password: str | None):
    handlers = []
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
    return urllib.request.build_opener(*handlers)


def _check_url(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BackendUnavailable(f"--endpoint {url!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise BackendUnavailable("--endpoint must not hold a user or password: use --user and --password-env")


def _request(method: str, url: str, *, data: bytes | None = None, headers: dict | None = None,
             user: str | None = None, password: str | None = None, timeout: float = TIMEOUT) -> bytes:
    _check_url(url)
    req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    shown = url.split("?")[0]
    try:
        with _opener(url, user, password).open(req, timeout=timeout) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        body = " ".join(e.read().decode("utf-8", "replace").split())[:300]
        if password:
            body = body.replace(password, "***")
        if e.code in (401, 403):
            raise BackendUnavailable(f"{shown} refused access (HTTP {e.code})"
                                     f"{' for user ' + repr(user) if user else '; give --user and --password-env'}"
                                     ) from None
        if 400 <= e.code < 500:
            raise QueryError(f"{shown} rejected the request (HTTP {e.code}): {body}") from None
        raise BackendUnavailable(f"{shown} failed (HTTP {e.code}): {body}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise BackendUnavailable(f"{shown} is unreachable: {reason}") from None


# --- push -----------------------------------------------------------------------------------------------------------

def nt_lines(graph) -> list[str]:
    """The build (or an rdflib graph) as sorted N-Triples lines."""
    from .rdf import ntriples

    return ntriples(graph).splitlines()


def push(graph, endpoint: str, *, graph_iri: str = DEFAULT_GRAPH, protocol: str = "update",
         user: str | None = None, password: str | None = None, batch_size: int = DEFAULT_BATCH,
         replace: bool = True) -> dict:
    """Load the build into the named graph `graph_iri` of a remote store, replacing what was there.

    protocol="update": `endpoint` is the SPARQL endpoint; sends DROP SILENT GRAPH then INSERT DATA batches.
    protocol="gsp": `endpoint` is the Graph Store endpoint; PUTs (first batch) then POSTs N-Triples to ?graph=IRI."""
    from rdflib import URIRef

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    iri = URIRef(graph_iri)
    if not graph_iri or not urllib.parse.urlsplit(graph_iri).scheme or iri.n3() != f"<{graph_iri}>":
        raise BackendUnavailable(f"--graph {graph_iri!r} is not an absolute IRI")
    lines = nt_lines(graph)
    batches = [lines[i:i + batch_size] for i in range(0, len(lines), batch_size)] or [[]]
    auth = {"user": user, "password": password}
    if protocol == "update":
        if replace:
            _update(endpoint, f"DROP SILENT GRAPH {iri.n3()}", **auth)
        for batch in batches:
            if batch:
                _update(endpoint, "INSERT DATA { GRAPH " + iri.n3() + " {\n" + "\n".join(batch) + "\n} }", **auth)
    elif protocol == "gsp":
        target = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"graph": graph_iri})
        for i, batch in enumerate(batches):
            method = "PUT" if i == 0 and replace else "POST"
            _request(method, target, data=("\n".join(batch) + "\n").encode("utf-8"),
                     headers={"Content-Type": "application/n-triples"}, **auth)
    else:
        raise QueryError(f"--protocol: unknown protocol {protocol!r}; choose update or gsp")
    return {"triples": len(lines), "requests": len(batches) + (protocol == "update" and replace), "graph": graph_iri}


def _update(endpoint: str, text: str, **auth) -> None:
    data = urllib.parse.urlencode({"update": text}).encode("utf-8")
    _request("POST", endpoint, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"}, **auth)


# --- query ----------------------------------------------------------------------------------------------------------

def values_block(params: dict) -> str:
    """`VALUES (?a ?b) { ("x" 5) }`: the parameters as one row of RDF terms, serialised by rdflib."""
    from rdflib import Literal

    names = sorted(params)
    terms = " ".join(Literal(params[n]).n3() for n in names)
    return "VALUES (" + " ".join("?" + n for n in names) + ") { (" + terms + ") }"


def outer_group_start(query: str) -> int:
    """Index just after the `{` that opens the outer WHERE group (skipping comments, IRIs and strings)."""
    i, n, seen_where = 0, len(query), False
    while i < n:
        c = query[i]
        if c == "#":
            i = query.find("\n", i)
            i = n if i < 0 else i
            continue
        if c == "<":  # an IRI, or a less-than (which never precedes WHERE's brace)
            j = query.find(">", i)
            if j > 0 and all(ch not in query[i:j] for ch in " \n\t{}\""):
                i = j + 1
                continue
        if c in "\"'":
            quote = query[i:i + 3] if query[i:i + 3] in ('"""', "'''") else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            i = j + len(quote)
            continue
        if query[i:i + 5].upper() == "WHERE" and not query[i - 1:i].isalnum() and not query[i + 5:i + 6].isalnum():
            seen_where = True
        if c == "{" and (seen_where or _before_brace_is_select(query[:i])):
            return i + 1
        i += 1
    raise QueryError("SPARQL: cannot find the WHERE group to bind parameters into")


def _before_brace_is_select(head: str) -> bool:
    return "SELECT" in head.upper()


def bind_values(query: str, params: dict) -> str:
    if not params:
        return query
    at = outer_group_start(query)
    return query[:at] + "\n  " + values_block(params) + "\n" + query[at:]


def _term(binding: dict):
    from rdflib import BNode, Literal, URIRef

    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=binding.get("xml:lang"), datatype=binding.get("datatype"))


def select(endpoint: str, query: str, params: dict | None = None, *, user: str | None = None,
           password: str | None = None, graph_iri: str | None = None, timeout: float = TIMEOUT):
    """Run a SELECT (or ASK) on a remote endpoint; return (variables, solutions as dicts of rdflib terms)."""
    form = {"query": bind_values(query, dict(params or {}))}
    if graph_iri:
        form["default-graph-uri"] = graph_iri
    body = _request("POST", endpoint, data=urllib.parse.urlencode(form).encode("utf-8"),
                    headers={"Accept": RESULTS_JSON, "Content-Type": "application/x-www-form-urlencoded"},
                    user=user, password=password, timeout=timeout)
    try:
        doc = json.loads(body.decode("utf-8"))
    except ValueError:
        raise BackendUnavailable(f"{endpoint}: the answer is not SPARQL JSON results") from None
    if "boolean" in doc:
        return ["ask"], [{"ask": _term({"type": "literal", "value": str(doc["boolean"]).lower(),
                                        "datatype": "http://www.w3.org/2001/XMLSchema#boolean"})}]
    variables = list(doc.get("head", {}).get("vars", []))
    solutions = [{k: _term(v) for k, v in b.items()} for b in doc.get("results", {}).get("bindings", [])]
    return variables, solutions
