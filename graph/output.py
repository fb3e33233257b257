"""Read and write a build directory (the output contract), atomically."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import ContractError, MigkgError
from .model import Entity, Statement


@dataclass
class Graph:
    """A loaded build: entities by id, statements in id order, and the manifest."""
    entities: dict[str, Entity]
    statements: list[Statement]
    manifest: dict

    def connected_ids(self) -> set[str]:
        """Ids of the entities that some statement names (documents are cited by evidence, not statements)."""
        return {s.subject for s in self.statements} | {s.object for s in self.statements}

    def label(self, eid: str) -> str:
        e = self.entities.get(eid)
        return e.label if e else eid

    def find(self, name: str) -> Entity:
        """The entity called `name`: an id, label, alias or acronym (case-insensitive, spaces normalised)."""
        if name in self.entities:
            return self.entities[name]
        key = " ".join(name.split()).casefold()
        hits = sorted((e for e in self.entities.values()
                       if key in {f.casefold() for f in [e.id, e.label, e.acronym or "", *e.aliases] if f}),
                      key=lambda e: e.id)
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise MigkgError(f"no entity named '{name}' (try an id such as state:MEX, a name, alias or acronym)")
        raise MigkgError(f"'{name}' is ambiguous: {', '.join(e.id for e in hits[:10])}")


def dumps_jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in records)


@contextmanager
def atomic_dir(target: Path):
    """Yield a temporary sibling directory; on success it replaces `target`, on error it is removed."""
    target = Path(target).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    os.chmod(tmp, 0o777 & ~_umask())
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def atomic_file(target: Path, mode: str = "w", **kw):
    """Write a file through a temporary sibling that is renamed into place on success."""
    target = Path(target).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        with open(tmp, mode, **kw) as f:
            yield f
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a finished file gets the usual permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load_graph(out_dir) -> Graph:
    """Load `entities.jsonl`, `statements.jsonl` and `manifest.json` from a build directory."""
    out = Path(out_dir)
    files = {n: out / n for n in ("entities.jsonl", "statements.jsonl", "manifest.json")}
    for name, path in files.items():
        if not path.is_file():
            raise ContractError(f"{out}: no {name} here; run 'migkg build --out {out}' first")
    try:
        entities = {}
        for line in files["entities.jsonl"].read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = Entity.from_dict(json.loads(line))
                entities[e.id] = e
        statements = [Statement.from_dict(json.loads(line))
                      for line in files["statements.jsonl"].read_text(encoding="utf-8").splitlines() if line.strip()]
        manifest = json.loads(files["manifest.json"].read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError) as e:
        raise ContractError(f"{out}: malformed build output ({e})") from None
    return Graph(entities, statements, manifest)
