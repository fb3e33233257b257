"""p50/p95 latency of every canned query on each embedded engine: rdflib in memory, Oxigraph, Ladybug.

    python benchmarks/bench_queries.py [--out DIR] [--repeat N] [--only NAME ...]

Without --out it builds the bundled corpus into a temporary directory first. Each query runs with its header's
example parameters; one untimed warm-up run per query and engine, then N timed runs.
"""
import argparse
import statistics
import tempfile
import time
from pathlib import Path

from migkg.graph.ladybug_store import open_db
from migkg.queries import catalog
from migkg.queries.run import coerce_params, ladybug_path, rdf_store, run_cypher, run_sparql

ENGINES = ("rdflib-memory", "oxigraph", "ladybug")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def bench(out: Path, repeat: int, only: list[str]) -> list[dict]:
    stores = {"rdflib-memory": rdf_store(out, "memory"), "oxigraph": rdf_store(out, "oxigraph")}
    results = []
    with open_db(ladybug_path(out)) as db:
        for name, q in catalog.catalog().items():
            if only and name not in only:
                continue
            params = coerce_params(q, q.example)
            row = {"query": name}
            for engine in ENGINES:
                run = (lambda: run_cypher(q, params, db)) if engine == "ladybug" else \
                      (lambda s=stores[engine]: run_sparql(q, params, s))
                rows = len(run()[1])  # warm-up
                times = []
                for _ in range(repeat):
                    t = time.perf_counter()
                    run()
                    times.append((time.perf_counter() - t) * 1000)
                row[engine] = (percentile(times, 50), percentile(times, 95), rows)
            results.append(row)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="an existing build output (with its Ladybug DB)")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--only", nargs="*", default=[])
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = a.out
        if out is None:
            from migkg.graph.build import build
            out = Path(tmp) / "out"
            build(None, out)
        results = bench(out, a.repeat, a.only)
    head = f"{'query':<20}" + "".join(f"{e + ' p50/p95 ms':>26}" for e in ENGINES) + f"{'rows':>6}"
    print(head)
    print("-" * len(head))
    for r in results:
        cells = "".join(f"{r[e][0]:>12.1f} / {r[e][1]:>9.1f}  " for e in ENGINES)
        print(f"{r['query']:<20}{cells}{r['ladybug'][2]:>6}")
    for e in ENGINES:
        print(f"{e}: median of p50s {statistics.median(r[e][0] for r in results):.1f} ms")


if __name__ == "__main__":
    main()
