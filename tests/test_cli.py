"""The command line: outputs, bad input, and help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from directive_graph.cli import app

from .conftest import ROOT, cp1258

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bai.txt"
    path.write_text(
        "Theo Quyết định số 1847/QĐ-TTg ngày 27-12-2018 của Thủ tướng Chính phủ và Chỉ thị 19 của Thành ủy.\n",
        encoding="utf-8",
    )
    return path


def test_extract_jsonl_rows(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["start"], r["end"], r["text"]) for r in rows] == [
        (str(article), 5, 30, "Quyết định số 1847/QĐ-TTg"),
        (str(article), 74, 84, "Chỉ thị 19"),
    ]
    assert rows[0] | {"sentence": ""} == {
        "article": str(article), "start": 5, "end": 30, "text": "Quyết định số 1847/QĐ-TTg",
        "type": "Quyết định", "number": "1847", "symbol": "QĐ-TTg", "year": 2018, "issued_on": "2018-12-27",
        "issuer": "TTg", "issuer_text": "Thủ tướng Chính phủ", "form": "full", "antecedent": None,
        "foreign": False, "sentence": "",
    }  # fmt: skip
    assert (rows[1]["type"], rows[1]["issuer"], rows[1]["form"]) == ("Chỉ thị", "TU", "short")


def test_extract_json_is_one_array(article: Path) -> None:
    for args in (["--format", "json"], ["--json"]):
        result = runner.invoke(app, ["extract", str(article), *args])
        assert result.exit_code == 0
        assert [r["number"] for r in json.loads(result.stdout)] == ["1847", "19"]


def test_extract_table(article: Path) -> None:
    result = runner.invoke(app, ["extract", str(article)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "2 references" in result.stdout
    row = r"bai\.txt .*Quyết định số 1847/QĐ-TTg .*Quyết định .*1847 .*QĐ-TTg .*2018 .*TTg .*full"
    assert re.search(row, result.stdout)


def test_extract_a_folder_recursively(tmp_path: Path, article: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("Nghị định 30/2020/NĐ-CP", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    names = [Path(json.loads(line)["article"]).name for line in result.stdout.splitlines()]
    assert names == ["bai.txt", "bai.txt", "b.md"]


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffChỉ thị 19 của Thành ủy".encode())
    (tmp_path / "u16.txt").write_bytes("Chỉ thị 20 của Thành ủy".encode("utf-16"))
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["number"] for line in result.stdout.splitlines()] == ["19", "20"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file or folder: {p}; check the path"),
        (lambda d: _write(d / "empty.txt", b"  \n"), "{p} is empty; nothing to read"),
        (
            lambda d: _write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
            "{p} is a binary file, not text; give a text, HTML, JSONL or CSV file",
        ),
        (
            lambda d: _mkdir(d / "none"),
            "no .txt, .md, .html, .jsonl, .json or .csv files in folder {p}; point at texts",
        ),
        (
            lambda d: _write(d / "photo.png", b"\x89PNG"),
            "{p}: unknown file type, skipped; give .txt, .md, .html, .jsonl, .json or .csv files",
        ),
    ],
    ids=["missing", "empty", "binary", "empty-folder", "unknown-type"],
)  # fmt: skip
def test_bad_input_is_one_line_and_non_zero(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "error: " + message.format(p=path) + "\n"
    assert "Traceback" not in result.output


def test_legacy_vietnamese_code_page_is_detected(tmp_path: Path) -> None:
    text = "Theo Quyết định số 1847/QĐ-TTg của Thủ tướng Chính phủ về văn hóa công vụ, cán bộ phải gương mẫu."
    path = tmp_path / "cu.txt"
    path.write_bytes(cp1258(text))
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["type"], r["number"], r["symbol"]) for r in rows] == [("Quyết định", "1847", "QĐ-TTg")]


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, article: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(article), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.count("\n") == 1


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_vocab_tables() -> None:
    types = json.loads(runner.invoke(app, ["vocab", "types", "--json"]).stdout)
    nd = {"name": "Nghị định", "family": "normative", "description": "Decree of the Chính phủ", "national": True,
          "issuer": "CP"}  # fmt: skip
    assert nd in types
    issuers = json.loads(runner.invoke(app, ["vocab", "issuers", "--json"]).stdout)
    assert {"code": "TTg", "name": "Thủ tướng Chính phủ", "level": "central"}.items() <= issuers[0].items()
    words = runner.invoke(app, ["vocab", "words"], env={"COLUMNS": "200"})
    assert words.exit_code == 0 and "Quyết định" in words.stdout


def test_version() -> None:
    from directive_graph import __version__

    assert runner.invoke(app, ["version"]).stdout == __version__ + "\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: directive-graph " + command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"directive-graph {command}" in readme, f"README.md has no example of `directive-graph {command}`"
