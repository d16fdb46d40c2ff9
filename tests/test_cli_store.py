"""The store commands through the CLI: build, lookup, list, stats; exact outputs and bad input."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_graph.cli import app

from .conftest import ROOT

runner = CliRunner()

HANOI = """Hà Nội đẩy mạnh văn hóa công vụ

Cập nhật: 08:34 | 11/06/2019
Thành ủy Hà Nội yêu cầu các cơ quan thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ.

UBND thành phố Hà Nội ban hành Quyết định 1043/QĐ-UBND về văn hóa công sở tại Hà Nội.
"""
SAIGON = """TP.HCM triển khai văn hóa công vụ

Cập nhật: 09:10 | 20/05/2020
UBND TP.HCM thực hiện Quyết định 1847/QĐ-TTg và ban hành Quyết định 1043/QĐ-UBND cho các sở, ngành TP.HCM.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "bai"
    folder.mkdir()
    (folder / "hanoi.txt").write_text(HANOI, encoding="utf-8")
    (folder / "saigon.txt").write_text(SAIGON, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path, corpus: Path) -> str:
    path = str(tmp_path / "t.db")
    result = runner.invoke(app, ["build", str(corpus), "--db", path, "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return path


def test_build_summary(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["build", str(corpus), "--db", db, "--jobs", "1"])
    assert result.exit_code == 0
    assert result.stdout == (
        f"2 articles, 4 mentions, 3 directives in {db} (2 files read, 0 unchanged, 2 new articles, "
        "0 duplicates, 0 skipped)\n"
    )
    again = runner.invoke(app, ["build", str(corpus), "--db", db, "--json"])
    assert json.loads(again.stdout) == {
        "files": 2, "unchanged": 2, "built": 0, "pruned": 0, "articles_added": 0, "duplicates": 0,
        "articles": 2, "mentions": 4, "directives": 3, "skipped": [],
    }  # fmt: skip


def test_lookup_json(db: str) -> None:
    result = runner.invoke(app, ["lookup", "QĐ 1043", "--db", db, "--json"])
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert [(h["directive"]["jurisdiction"], [Path(a["path"]).name for a in h["articles"]]) for h in hits] == [
        ("Hà Nội", ["hanoi.txt"]),
        ("Thành phố Hồ Chí Minh", ["saigon.txt"]),
    ]
    assert set(hits[0]) == {"directive", "articles"}
    assert set(hits[0]["directive"]) == {"key", "type", "number", "symbol", "year", "issuer", "jurisdiction"}
    article = hits[0]["articles"][0]
    assert {k: article[k] for k in ("title", "date")} == {
        "title": "Hà Nội đẩy mạnh văn hóa công vụ",
        "date": "2019-06-11",
    }
    mention = article["mentions"][0]
    assert mention["text"] == "Quyết định 1043/QĐ-UBND"
    assert (
        mention["sentence"] == "UBND thành phố Hà Nội ban hành Quyết định 1043/QĐ-UBND về văn hóa công sở tại Hà Nội."
    )


def test_lookup_text_newest_first_with_how_each_mention_was_linked(db: str) -> None:
    # the 2019 article states the year (ngày 27/12/2018); the 2020 one does not, and the year is
    # inferred because the corpus knows one 1847/QĐ-TTg only
    result = runner.invoke(app, ["lookup", "1847/QĐ-TTg", "--db", db])
    assert result.exit_code == 0
    assert result.stdout == (
        "Quyết định 1847/QĐ-TTg  year 2018  issuer TTg  jurisdiction VN\n"
        "  cited by 2 article(s)\n"
        f"  - 2020-05-20  TP.HCM triển khai văn hóa công vụ  {_source(db, 'saigon')}{_path(db, 'saigon')}\n"
        "      «UBND TP.HCM thực hiện Quyết định 1847/QĐ-TTg và ban hành Quyết định 1043/QĐ-UBND cho các sở, ngành"
        " TP.HCM.» (inferred)\n"
        f"  - 2019-06-11  Hà Nội đẩy mạnh văn hóa công vụ  {_source(db, 'hanoi')}{_path(db, 'hanoi')}\n"
        "      «Thành ủy Hà Nội yêu cầu các cơ quan thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng"
        " Chính phủ.» (stated)\n"
    )


def _path(db: str, name: str) -> str:
    return str(Path(db).parent / "bai" / f"{name}.txt")


def _source(db: str, name: str) -> str:
    """The article's source as lookup prints it: "[source]  ", or nothing when it has none."""
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT a.source FROM articles a JOIN sources s ON s.article_id = a.id WHERE s.path = ?",
                           (_path(db, name),)).fetchone()  # fmt: skip
    return f"[{row[0]}]  " if row[0] else ""


def test_lookup_unknown_directive_suggests(db: str) -> None:
    result = runner.invoke(app, ["lookup", "Quyết định 1847/QĐ-BNV", "--db", db])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("no directive matches 'Quyết định 1847/QĐ-BNV' in ")
    assert "did you mean: Quyết định 1847/QĐ-TTg (2)" in result.stderr


def test_lookup_not_a_directive(db: str) -> None:
    result = runner.invoke(app, ["lookup", "văn hóa công vụ", "--db", db])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 'văn hóa công vụ' names no directive; try e.g.")
    assert result.stderr.count("\n") == 1


def test_list_and_stats_json(db: str) -> None:
    rows = json.loads(runner.invoke(app, ["list", "--db", db, "--json"]).stdout)
    assert (rows[0]["number"], rows[0]["articles"], rows[0]["mentions"]) == ("1847", 2, 2)
    assert (
        json.loads(runner.invoke(app, ["list", "--db", db, "--json", "--issuer", "UBND"]).stdout)[0]["number"] == "1043"
    )
    result = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    assert (result["articles"], result["mentions"], result["directives"], result["files"]) == (2, 4, 3, 2)
    assert result["by_type"] == [{"value": "Quyết định", "mentions": 4}]


def test_list_and_stats_text(db: str) -> None:
    listed = runner.invoke(app, ["list", "--db", db], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "1847" in listed.stdout and "QĐ-TTg" in listed.stdout
    shown = runner.invoke(app, ["stats", "--db", db])
    assert shown.stdout.splitlines()[0] == "2 articles (2 sources, 2 files), 4 mentions, 3 directives"


def test_db_from_the_environment(db: str) -> None:
    result = runner.invoke(app, ["stats", "--json"], env={"DIRECTIVE_GRAPH_DB": db})
    assert json.loads(result.stdout)["articles"] == 2


@pytest.mark.parametrize("command", [["lookup", "QĐ 1847"], ["list"], ["stats"]])
def test_reading_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    db = str(tmp_path / "none.db")
    result = runner.invoke(app, [*command, "--db", db])
    assert result.exit_code == 2
    assert result.stderr == f"error: no store at {db}; run `directive-graph build PATH --db {db}` first\n"


def test_build_bad_inputs_lose_nothing(tmp_path: Path, db: str) -> None:
    before = runner.invoke(app, ["stats", "--db", db, "--json"]).stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n", encoding="utf-8")
    cases = [
        ([str(tmp_path / "missing")], f"no such file or folder: {tmp_path / 'missing'}; check the path"),
        ([str(empty)], f"no .txt, .md, .html, .jsonl, .json or .csv files in folder {empty}; point at texts"),
        ([str(binary)], f"{binary} is a binary file, not text; give a text, HTML, JSONL or CSV file"),
        ([str(blank)], f"{blank} is empty; nothing to read"),
    ]
    for paths, message in cases:
        result = runner.invoke(app, ["build", *paths, "--db", db])
        assert result.exit_code == 1, (paths, result.output)
        assert f"skipped: {message}\n" in result.stderr
        assert "Traceback" not in result.output
    assert runner.invoke(app, ["stats", "--db", db, "--json"]).stdout == before


def test_build_refuses_a_file_that_is_not_a_store(tmp_path: Path, corpus: Path) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("my notes, not a database", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "--db", str(junk)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {junk} is not a directive-graph store; give another --db path or move that file away\n"
    )
    assert junk.read_text(encoding="utf-8") == "my notes, not a database"


def test_build_reports_a_locked_store(tmp_path: Path, corpus: Path, db: str) -> None:
    (corpus / "new.txt").write_text("Tin mới\n\nChỉ thị số 05/CT-UBND", encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = runner.invoke(app, ["build", str(corpus), "--db", db, "--jobs", "1"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: store {db} is locked by another writer")


def test_read_only_commands_do_not_import_graph_libraries(db: str) -> None:
    # pydantic too: it costs 0.1-0.15 s of every cold start (see the typer pin in pyproject.toml)
    code = (
        "import sys; from typer.testing import CliRunner; from directive_graph.cli import app;"
        f"r = CliRunner().invoke(app, ['lookup', 'QĐ 1847', '--db', {db!r}]); assert r.exit_code == 0, r.output;"
        "CliRunner().invoke(app, ['list', '--db', "
        + repr(db)
        + "]); CliRunner().invoke(app, ['stats', '--db', "
        + repr(db)
        + "]);"
        "print(sorted(m for m in ('networkx', 'pyvis', 'pandas', 'trafilatura', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


def test_annotate_marks_every_reference(corpus: Path) -> None:
    result = runner.invoke(app, ["annotate", str(corpus / "saigon.txt")])
    assert result.exit_code == 0
    assert "[[Quyết định 1847/QĐ-TTg]]{Quyết định 1847/QĐ-TTg · TTg}" in result.stdout
    assert "[[Quyết định 1043/QĐ-UBND]]{Quyết định 1043/QĐ-UBND · UBND}" in result.stdout
    page = runner.invoke(app, ["annotate", str(corpus / "saigon.txt"), "--html"]).stdout
    assert page.startswith('<pre class="annotated">')
    assert 'href="#d:Quyết định|1043|UBND||Thành phố Hồ Chí Minh"' in page


def test_annotate_escapes_the_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("<b>Tin</b>\n\nTheo Chỉ thị 19 <script>alert(1)</script>", encoding="utf-8")
    page = runner.invoke(app, ["annotate", str(path), "--html"]).stdout
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page


def test_annotate_a_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["annotate", str(tmp_path / "none.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"error: no such file or folder: {tmp_path / 'none.txt'}; check the path\n"


def test_report_command_writes_an_offline_file(tmp_path: Path, db: str) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--db", db, "--out", str(out), "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page
    assert result.stdout.startswith(f"{out.resolve()}: 3 nodes (")
    assert "left out" in result.stdout


def test_report_rejects_a_bad_date(tmp_path: Path, db: str) -> None:
    result = runner.invoke(app, ["report", "--db", db, "--since", "11/06/2019"])
    assert result.exit_code == 2
    assert result.stderr == "error: --since and --until take a date as YYYY-MM-DD, e.g. 2020-01-31\n"


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json", "neo4j"])
def test_export_command(tmp_path: Path, db: str, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("7 nodes, 7 edges written to ")  # 2 articles, 3 directives, 2 issuers
    assert out.exists()
