"""The exploration notebook runs end to end, and is stored without outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"

nbformat = pytest.importorskip("nbformat")


def test_notebook_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code cells"
    for cell in code:
        assert cell.get("outputs", []) == [], f"stored output in cell: {cell.source[:60]!r}"
        assert cell.get("execution_count") is None, f"stored execution count in cell: {cell.source[:60]!r}"


def test_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbclient = pytest.importorskip("nbclient")
    for module in ("ipykernel", "pandas", "matplotlib"):
        pytest.importorskip(module)
    # the notebook finds data/articles by searching its working directory's parents: run it in a copy of
    # the notebooks folder beside a link to the data, so the search has something to find
    work = tmp_path / "notebooks"
    work.mkdir()
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    copy = work / NOTEBOOK.name
    shutil.copy(NOTEBOOK, copy)
    nb = nbformat.read(copy, as_version=4)
    # the kernel must import this checkout's package and use this interpreter's packages
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = nbclient.NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(work)}}, allow_errors=False
    )
    client.execute()
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    html = [
        o["data"]["text/html"]
        for cell in nb.cells
        for o in cell.get("outputs", [])
        if "text/html" in o.get("data", {}) and "<iframe srcdoc=" in o["data"]["text/html"]
    ]
    assert html and "1847/QĐ-TTg" in html[0], "the ego graph of 1847/QĐ-TTg is missing"
