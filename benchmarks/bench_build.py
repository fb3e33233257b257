"""Time the bundled build, phase by phase, and report peak memory.

    python benchmarks/bench_build.py [--repeat N]
"""
import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from migkg.graph.build import build


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    totals, phases = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(a.repeat):
            timings = {}
            t = time.perf_counter()
            graph = build(None, Path(tmp) / f"out{i}", timings=timings)
            totals.append(time.perf_counter() - t)
            phases.append(timings)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c = graph.manifest["counts"]
    print(f"bundled build: {c['statements']} statements, {c['entities']} entities, "
          f"{len(graph.manifest['documents'])} documents")
    print(f"wall time over {a.repeat} runs: median {statistics.median(totals):.2f} s, "
          f"min {min(totals):.2f} s, max {max(totals):.2f} s (first run includes imports)")
    last = phases[-1]
    prev = 0.0
    for name, at in last.items():
        print(f"  {name:<12} {at - prev:6.2f} s")
        prev = at
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
