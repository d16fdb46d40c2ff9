"""The HTML report without a browser: self-contained, escaped, capped, deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from directive_graph.build import build
from directive_graph.graph import Graph, build_graph
from directive_graph.report import generate_report, vis_assets, write_report
from directive_graph.store import Store

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"

ARTICLES = {
    "img.txt": f"""{IMG}

Cập nhật: 08:34 | 11/06/2019
Thành ủy Hà Nội yêu cầu thực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ.
UBND thành phố Hà Nội ban hành Kế hoạch số 109/KH-UBND ngày 20/5/2019 về văn hóa công vụ tại Hà Nội.
""",
    "script.txt": f"""{SCRIPT} Tin Hà Nội

Cập nhật: 09:10 | 20/05/2020
Sở Nội vụ triển khai Quyết định 1847/QĐ-TTg và Nghị định 30/2020/NĐ-CP về công tác văn thư.
Theo Đề án 06, các xã sẽ làm thủ tục trực tuyến.
""",
    "dong_thap.txt": """Đồng Tháp làm theo Đề án 06

Cập nhật: 10:00 | 01/03/2023
UBND tỉnh Đồng Tháp thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ và Đề án 06.
Thông tư số 01/2011/TT-BNV của Bộ Nội vụ hướng dẫn thể thức văn bản; Nghị định 30/2020/NĐ-CP thay thế.
""",
    "links.txt": """Tin có địa chỉ https://example.com/tin

Nguồn: https://example.com/bai-viet
Cập nhật: 11:00 | 02/04/2021
Chính phủ ban hành Nghị định 30/2020/NĐ-CP; xem http://example.org/nd30 để biết thêm.
""",
}


def make_graph(folder: Path, db: str = "t.db") -> Graph:
    """A small citation graph from the articles above, two of them with hostile titles."""
    corpus = folder / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    with Store.open(str(folder / db), create=True) as store:
        build(store, [str(corpus)], jobs=1)
        return build_graph(store)


def page_data(page: str) -> dict[str, Any]:
    """The JSON block of a report, as the page script reads it."""
    found = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', page, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


@pytest.fixture
def graph(tmp_path: Path) -> Graph:
    return make_graph(tmp_path)


def test_the_corpus_has_the_hostile_titles(graph: Graph) -> None:
    titles = {data.get("title") for _, data in graph.nodes(data=True)}
    assert IMG in titles
    assert any(SCRIPT in str(t) for t in titles)
    assert any(d.get("link") == "unresolved" for _, d in graph.nodes(data=True))


def test_no_web_address_and_vis_inlined(graph: Graph) -> None:
    page = generate_report(graph)
    assert "http://" not in page and "https://" not in page
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    script, css = vis_assets()
    assert script in page and css in page
    assert "vis.Network" in page and "physics" in page


def test_corpus_text_is_escaped(graph: Graph) -> None:
    page = generate_report(graph)
    assert "<img src=x" not in page
    assert "</script><script>" not in page
    assert "onerror=alert" in page  # present, but only as escaped data
    # every "<" of the data block is escaped, and the text comes back intact through JSON.parse
    block = re.search(r'id="dg-data">(.*?)</script>', page, re.S)
    assert block is not None and "<" not in block.group(1) and ">" not in block.group(1) and "&" not in block.group(1)
    names = {n["info"]["name"] for n in page_data(page)["nodes"]}
    assert IMG in names and any(SCRIPT in name for name in names)
    # the web addresses in the corpus are kept as text, with the slashes escaped
    assert any("example.com" in str(n["info"]) for n in page_data(page)["nodes"])


def test_title_is_escaped(graph: Graph) -> None:
    page = generate_report(graph, title="<b>Báo cáo</b> https://x")
    assert "<title>&lt;b&gt;Báo cáo&lt;&#47;b&gt; https:&#47;&#47;x</title>" in page
    assert "<b>Báo" not in page


@pytest.mark.parametrize("max_nodes", [3, 10, 1000])
def test_node_cap_and_note(graph: Graph, tmp_path: Path, max_nodes: int) -> None:
    info = write_report(graph, tmp_path / "r.html", max_nodes=max_nodes)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    total = graph.number_of_nodes()
    expected = min(max_nodes, total)
    shown = re.search(r'id="dg-shown">(\d+)<', page)
    assert shown is not None and int(shown.group(1)) == expected
    assert len(page_data(page)["nodes"]) == expected == info.shown
    assert sum(info.left_out.values()) == total - expected
    if max_nodes < total:
        assert "Left out:" in page and f"of {total} nodes" in page
        assert all(f"{n} {kind}" in page for kind, n in info.left_out.items())
    else:
        assert "Left out" not in page and f"Showing all <span id=\"dg-shown\">{total}</span> nodes" in page


def test_tables_link_to_nodes(graph: Graph) -> None:
    data = page_data(generate_report(graph))
    ids = {n["id"] for n in data["nodes"]}
    tables = data["tables"]
    top = tables["directives"]["rows"]
    assert top[0]["cells"][0].startswith(("Quyết định 1847/QĐ-TTg", "Nghị định 30/NĐ-CP"))
    assert all(row["shown"] == (row["id"] in ids) for t in tables.values() for row in t["rows"])
    assert {row["cells"][1] for row in tables["issuers"]["rows"]} >= {"TTg", "CP"}
    assert any(row["cells"][0].startswith("Đề án 06") for row in tables["unresolved"]["rows"])
    positions = {(n["vis"]["x"], n["vis"]["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])  # laid out, not stacked
    assert data["options"]["physics"]["enabled"] is False


def test_utf8_and_deterministic(graph: Graph, tmp_path: Path) -> None:
    first = write_report(graph, tmp_path / "a.html", max_nodes=8)
    second = write_report(make_graph(tmp_path, "again.db"), tmp_path / "b.html", max_nodes=8)  # a fresh store
    a, b = (tmp_path / "a.html").read_bytes(), (tmp_path / "b.html").read_bytes()
    assert a == b and first.bytes == second.bytes == len(a)
    text = a.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert '<meta charset="utf-8">' in text and "Quyết định" in text
    assert generate_report(graph, max_nodes=8).encode("utf-8") == a


def test_empty_graph(tmp_path: Path) -> None:
    import networkx as nx

    info = write_report(nx.DiGraph(), tmp_path / "e.html")
    assert info.shown == 0 and info.left_out == {}
    assert "Showing all <span id=\"dg-shown\">0</span> nodes" in (tmp_path / "e.html").read_text(encoding="utf-8")
