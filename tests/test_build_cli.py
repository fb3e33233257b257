"""`migkg build/stats/show` through click's CliRunner, including every input error."""
import json

import pytest
from click.testing import CliRunner

from migkg.cli import main

DOC = ("# Partnerships\n\nRound table session 1.1: Labour mobility\n(Co-chairs: Brazil and France)\n\n"
       "The Government of Mexico hosted the meeting in Mexico City in November 2010.\n")


@pytest.fixture
def small_build(tmp_path):
    src = tmp_path / "docs"
    src.mkdir()
    (src / "report.md").write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--no-ladybug"])
    assert r.exit_code == 0, r.output
    return out, r


def test_build_reports_paths(small_build):
    out, r = small_build
    assert str((out / "graph.html").absolute()) in r.stdout
    assert json.loads((out / "manifest.json").read_text())["documents"][0]["id"] == "report"


def test_stats_formats(small_build):
    out, _ = small_build
    r = CliRunner().invoke(main, ["stats", "--out", str(out), "--format", "json"])
    rows = json.loads(r.stdout)
    totals = {row["name"]: row["count"] for row in rows if row["group"] == "total"}
    assert totals["statements"] >= 2 and totals["entities"] >= 3
    assert [row["name"] for row in rows if row["group"] == "document"] == ["report"]
    r = CliRunner().invoke(main, ["stats", "--out", str(out), "--format", "csv"])
    assert r.stdout.splitlines()[0] == "group,name,count"


def test_show_by_name_alias_and_id(sample_build):
    for name in ("IOM", "international organization for migration", "org:iom"):
        r = CliRunner().invoke(main, ["show", name, "--out", str(sample_build)])
        assert r.exit_code == 0, r.output
        assert r.stdout.startswith("org:iom  Organization") and "The GMG comprises IOM and UNITAR" in r.stdout
    r = CliRunner().invoke(main, ["show", "Nowhere", "--out", str(sample_build)])
    assert r.exit_code == 1 and r.output.startswith("Error: no entity named 'Nowhere'")


def write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n\n", "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
    ("bad.txt", bytes(range(128, 256)) * 20, "undecodable"),
])
def test_bad_documents_fail_cleanly_and_keep_the_previous_output(tmp_path, name, data, message):
    out = tmp_path / "out"
    out.mkdir()
    (out / "entities.jsonl").write_text("previous\n")
    doc = write(tmp_path / name, data)
    r = CliRunner().invoke(main, ["build", str(doc), "--out", str(out)])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(doc) in lines[0] and message in lines[0].lower()
    assert (out / "entities.jsonl").read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "out"])  # no temporary left behind


def test_missing_path_and_empty_directory(tmp_path):
    r = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "no such file or directory" in r.output and not (tmp_path / "o").exists()
    (tmp_path / "empty").mkdir()
    r = CliRunner().invoke(main, ["build", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 1 and "no supported documents" in r.output


def test_stats_without_a_build(tmp_path):
    r = CliRunner().invoke(main, ["stats", "--out", str(tmp_path)])
    assert r.exit_code == 1 and "no entities.jsonl" in r.output
