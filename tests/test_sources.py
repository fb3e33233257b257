
import pytest

from migkg.graph.errors import InputError
from migkg.loaders.sources import catalogue, collect, corpus_dir


def test_bundled_corpus_is_the_default_and_catalogued():
    sources = collect()
    assert [s.doc_id for s in sources] == sorted(p.stem for p in corpus_dir().glob("*.txt"))
    assert len(sources) == 5
    for s in sources:
        assert s.meta["title"] and s.meta["date"], s.doc_id
    assert set(catalogue()) == {s.doc_id for s in sources}


def test_directory_and_files(tmp_path):
    (tmp_path / "b.txt").write_text("Brazil.", encoding="utf-8")
    (tmp_path / "a.md").write_text("France.", encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    assert [s.doc_id for s in collect([tmp_path])] == ["a", "b"]
    assert [s.doc_id for s in collect([tmp_path / "b.txt"])] == ["b"]


@pytest.mark.parametrize("name, kind, message", [
    ("missing.txt", None, "no such file or directory"),
    ("empty", "dir", "no supported documents"),
    ("x.pdf", "file", "unsupported file type"),
])
def test_bad_paths_name_the_path(tmp_path, name, kind, message):
    path = tmp_path / name
    if kind == "dir":
        path.mkdir()
    elif kind == "file":
        path.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=message) as e:
        collect([path])
    assert str(path) in str(e.value)


def test_same_name_twice_is_an_error(tmp_path):
    for d in ("one", "two"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "doc.txt").write_text("Brazil.", encoding="utf-8")
    with pytest.raises(InputError, match="share the name"):
        collect([tmp_path / "one", tmp_path / "two"])
