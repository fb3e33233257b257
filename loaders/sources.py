"""Find the documents to build: the bundled corpus by default, or the paths a user names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from migkg.graph.errors import InputError

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown")


@dataclass(frozen=True)
class Source:
    doc_id: str
    path: Path
    meta: dict


def corpus_dir() -> Path:
    return Path(str(resources.files("migkg.loaders") / "corpus"))


@lru_cache(maxsize=1)
def catalogue() -> dict:
    """Per-document metadata (title, date, issuing body, languages, symbol) of the bundled corpus, keyed by doc id."""
    return yaml.safe_load((corpus_dir() / "catalogue.yaml").read_text(encoding="utf-8")) or {}


def collect(paths=None) -> list[Source]:
    """Expand files and directories into sources, sorted by doc id; the bundled corpus when no paths are given."""
    paths = [corpus_dir()] if not paths else [Path(p) for p in paths]
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                raise InputError(f"{p}: no supported documents here (expected {', '.join(SUPPORTED_SUFFIXES)})")
            files.extend(found)
        elif p.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise InputError(f"{p}: unsupported file type '{p.suffix}' (expected {', '.join(SUPPORTED_SUFFIXES)})")
        else:
            files.append(p)
    sources: dict[str, Source] = {}
    for f in files:
        doc_id = f.stem
        if doc_id in sources and sources[doc_id].path.resolve() != f.resolve():
            raise InputError(f"{f}: two documents share the name '{doc_id}' ({sources[doc_id].path})")
        sources[doc_id] = Source(doc_id, f, dict(catalogue().get(doc_id) or {}))
    return [sources[k] for k in sorted(sources)]
