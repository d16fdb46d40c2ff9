"""Exports: GEXF, GraphML, node-link JSON and Neo4j CSV, on awkward values and on the demo corpus.

Every text format must read back to the cleaned graph (same ids, kinds,
counts and attribute values, ints still ints); the Neo4j CSVs must parse,
carry typed headers and reference only nodes they define; every output is
deterministic and no export touches the caller's graph.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directive_graph.build import build
from directive_graph.export import (
    FORMATS,
    clean,
    generate_gexf,
    generate_graphml,
    generate_json,
    generate_neo4j,
    parse_gexf,
    parse_graphml,
    parse_json,
    write_export,
)
from directive_graph.graph import Graph, build_graph
from directive_graph.store import Store

from .conftest import DATA

TEXT_FORMATS: dict[str, tuple[Callable[[Graph], str], Callable[[str], Graph]]] = {
    "gexf": (generate_gexf, parse_gexf),
    "graphml": (generate_graphml, parse_graphml),
    "json": (generate_json, parse_json),
}
DIRECTIVE = "d:Quyết định|1847|QĐ-TTG||VN"


def awkward() -> Graph:
    """A small graph with every kind of value the exports must survive."""
    g: Graph = nx.DiGraph()
    g.add_node(
        "a:1", kind="article", label='Tin "Hà Nội", <mới> & cũ', title="dòng 1\ndòng 2, có dấu phẩy",
        date="2024-01-02", source=None, path="tin,1.txt", locality="Hà Nội", snippet="a\r\nb\tc; chuông\x07",
        tags={"ủy ban", "chính phủ"}, authors=("An", None), meta={"nguồn": ["báo", 1]}, checked=True,
    )  # fmt: skip
    g.add_node(
        DIRECTIVE, kind="directive", label="Quyết định 1847/QĐ-TTg", key=DIRECTIVE[2:], doc_type="Quyết định",
        number="1847", symbol=None, year=0, issuer="TTg", jurisdiction="VN", citations=1, mentions=2, link="stated",
    )  # fmt: skip
    g.add_node(
        "d:Chỉ thị|19|||Hà Nội", kind="directive", label="Chỉ thị 19", key="Chỉ thị|19|||Hà Nội", doc_type="Chỉ thị",
        number="19", symbol="", year=None, issuer="", jurisdiction="Hà Nội", citations=None, mentions=1, link="",
    )  # fmt: skip
    g.add_node("i:TTg", kind="issuer", label="Thủ tướng Chính phủ", code="TTg", level=None)
    g.add_edge("a:1", DIRECTIVE, kind="cites", count=2)
    g.add_edge("a:1", "d:Chỉ thị|19|||Hà Nội", kind="cites", count=None)
    g.add_edge(DIRECTIVE, "i:TTg", kind="issued_by")
    g.add_edge("d:Chỉ thị|19|||Hà Nội", DIRECTIVE, kind="implements")
    return g


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The graph of a store built from data/articles."""
    folder = tmp_path_factory.mktemp("store")
    with Store.open(str(folder / "t.db"), create=True) as store:
        build(store, [str(DATA / "articles")], jobs=1)
        return build_graph(store)


@pytest.fixture(params=["awkward", "corpus"])
def graph(request: pytest.FixtureRequest) -> Graph:
    if request.param == "awkward":
        return awkward()
    g: Graph = request.getfixturevalue("corpus_graph")
    return g


def _values(g: Graph) -> Iterator[object]:
    yield from g.graph.values()
    for _, data in g.nodes(data=True):
        yield from data.values()
    for _, _, data in g.edges(data=True):
        yield from data.values()


def _nodes(g: Graph) -> dict[str, dict[str, Any]]:
    return {n: d for n, d in g.nodes(data=True)}


def _summary(g: Graph) -> tuple[Counter[str], Counter[str]]:
    return Counter(d["kind"] for _, d in g.nodes(data=True)), Counter(d["kind"] for _, _, d in g.edges(data=True))


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------
def test_clean_values() -> None:
    g = clean(awkward())
    assert g.nodes["a:1"] == {
        "authors": "An; ",
        "checked": True,
        "date": "2024-01-02",
        "kind": "article",
        "label": 'Tin "Hà Nội", <mới> & cũ',
        "locality": "Hà Nội",
        "meta": '{"nguồn": ["báo", 1]}',
        "path": "tin,1.txt",
        "snippet": "a\r\nb\tc; chuông\x07",
        "source": "",
        "tags": "chính phủ; ủy ban",
        "title": "dòng 1\ndòng 2, có dấu phẩy",
    }
    assert g.nodes[DIRECTIVE]["year"] == 0 and g.nodes[DIRECTIVE]["symbol"] == ""
    assert g.nodes["d:Chỉ thị|19|||Hà Nội"]["year"] == 0
    assert g.nodes["d:Chỉ thị|19|||Hà Nội"]["citations"] == 0
    assert g.nodes["i:TTg"]["level"] == ""
    assert g.edges["a:1", "d:Chỉ thị|19|||Hà Nội"]["count"] == 0
    assert None not in list(_values(g))
    for fmt in ("gexf", "graphml"):
        assert clean(awkward(), fmt).nodes["a:1"]["snippet"] == "a\nb\tc; chuông"


def test_clean_is_idempotent_and_sorted(graph: Graph) -> None:
    once = clean(graph)
    twice = clean(once)
    assert list(once.nodes(data=True)) == list(twice.nodes(data=True))
    assert list(once.edges(data=True)) == list(twice.edges(data=True))
    assert list(once.nodes) == sorted(graph.nodes)


def test_clean_mixed_types_become_text() -> None:
    g: Graph = nx.DiGraph()
    g.add_node("x", kind="k", label="x", value=1, flag=True, ratio=1)
    g.add_node("y", kind="k", label="y", value="một", flag=False, ratio=0.5)
    g.add_node("z", kind="k", label="z", flag=None)
    out = clean(g)
    assert [out.nodes[n]["value"] for n in ("x", "y")] == ["1", "một"]
    assert [out.nodes[n]["flag"] for n in "xyz"] == [True, False, False]
    assert [out.nodes[n]["ratio"] for n in ("x", "y")] == [1.0, 0.5]


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        clean(awkward(), "dot")
    with pytest.raises(ValueError, match="unknown export format"):
        write_export(awkward(), "dot", "x.dot")


# --------------------------------------------------------------------------
# Round trips of the text formats
# --------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_round_trip(graph: Graph, fmt: str) -> None:
    generate, parse = TEXT_FORMATS[fmt]
    back = parse(generate(graph))
    expected = clean(graph, fmt)
    assert isinstance(back, nx.DiGraph) and not back.is_multigraph()
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert sorted(back.edges) == sorted(graph.edges)
    assert _summary(back) == _summary(graph)
    assert _nodes(back) == _nodes(expected)
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {(u, v): d for u, v, d in expected.edges(data=True)}
    for u, v, data in graph.edges(data=True):
        if data.get("count") is not None:
            assert back.edges[u, v]["count"] == data["count"]
    for node, data in back.nodes(data=True):
        if data["kind"] == "directive":
            assert type(data["year"]) is int and type(data["citations"]) is int, node
    assert None not in list(_values(back))


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_deterministic(graph: Graph, fmt: str) -> None:
    generate, _ = TEXT_FORMATS[fmt]
    reordered: Graph = nx.DiGraph()
    reordered.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reordered.add_edges_from(reversed(list(graph.edges(data=True))))
    text = generate(graph)
    assert text == generate(graph) == generate(reordered)
    assert text.endswith("\n")


def test_exports_do_not_touch_the_graph(graph: Graph) -> None:
    before = copy.deepcopy(graph)
    for generate, _ in TEXT_FORMATS.values():
        generate(graph)
    generate_neo4j(graph)
    assert list(graph.nodes(data=True)) == list(before.nodes(data=True))
    assert list(graph.edges(data=True)) == list(before.edges(data=True))
    assert graph.graph == before.graph


def test_json_shape() -> None:
    data = json.loads(generate_json(awkward()))
    assert set(data) == {"directed", "edges", "graph", "multigraph", "nodes"}
    assert data["directed"] is True and data["multigraph"] is False
    assert [n["id"] for n in data["nodes"]] == sorted(awkward().nodes)
    old = {**data, "links": data.pop("edges")}  # files from networkx < 3.4
    assert sorted(parse_json(json.dumps(old)).edges) == sorted(awkward().edges)


def test_xml_text_is_well_formed_and_typed() -> None:
    gexf, graphml = generate_gexf(awkward()), generate_graphml(awkward())
    assert gexf.startswith("<?xml") and graphml.startswith("<?xml")
    assert "lastmodifieddate" not in gexf  # no date: the same graph gives the same file on any day
    assert 'title="key"' in gexf and "networkx_key" not in gexf
    assert 'title="year" type="long"' in gexf and 'attr.name="year" attr.type="long"' in graphml
    assert 'attr.name="checked" attr.type="boolean"' in graphml
    assert "\x07" not in gexf + graphml


ALPHABET = st.characters(codec="utf-8") | st.sampled_from("\r\n\t \"'<>&;,ăđơư\x00\x1f")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(ALPHABET, max_size=30), year=st.none() | st.integers(0, 3000), tags=st.sets(st.text(max_size=5)))
def test_round_trip_any_text(title: str, year: int | None, tags: set[str]) -> None:
    g: Graph = nx.DiGraph()
    g.add_node("a:1", kind="article", label=title, title=title, tags=tags)
    g.add_node("d:1", kind="directive", label="d", year=year)
    g.add_edge("a:1", "d:1", kind="cites", count=1)
    for fmt, (generate, parse) in TEXT_FORMATS.items():
        back = parse(generate(g))
        assert _nodes(back) == _nodes(clean(g, fmt)), fmt


# --------------------------------------------------------------------------
# Neo4j CSV
# --------------------------------------------------------------------------
def _typed(header: str, cell: str) -> tuple[str, Any]:
    name, _, kind = header.partition(":")
    if kind == "int":
        return name, int(cell)
    if kind == "boolean":
        assert cell in ("true", "false")
        return name, cell == "true"
    if kind == "float":
        return name, float(cell)
    return name, cell


def test_neo4j(graph: Graph) -> None:
    files = generate_neo4j(graph)
    expected = clean(graph, "neo4j")
    kinds, relations = _summary(graph)
    assert sorted(files) == sorted([f"nodes_{k}.csv" for k in kinds] + [f"rels_{k}.csv" for k in relations])
    ids: list[str] = []
    for name, text in files.items():
        if not name.startswith("nodes_"):
            continue
        reader = csv.DictReader(io.StringIO(text, newline=""))
        assert reader.fieldnames is not None
        assert reader.fieldnames[:4] == ["id:ID", "label", "kind", ":LABEL"]
        if name == "nodes_directive.csv":
            assert {"year:int", "citations:int", "mentions:int", "key", "symbol"} <= set(reader.fieldnames)
        for row in reader:
            ids.append(row["id:ID"])
            assert row[":LABEL"] == row["kind"].capitalize() and name == f"nodes_{row['kind']}.csv"
            attributes = dict(_typed(h, c) for h, c in row.items() if not h.startswith(":") and h != "id:ID" and c)
            want = {k: v for k, v in expected.nodes[row["id:ID"]].items() if v != ""}
            assert attributes == want
    assert len(ids) == len(set(ids)) == graph.number_of_nodes()
    edges = []
    for name, text in files.items():
        if not name.startswith("rels_"):
            continue
        reader = csv.DictReader(io.StringIO(text, newline=""))
        assert reader.fieldnames is not None and reader.fieldnames[:4] == [":START_ID", ":END_ID", ":TYPE", "count:int"]
        for row in reader:
            assert row[":START_ID"] in ids and row[":END_ID"] in ids
            assert name == f"rels_{row[':TYPE'].lower()}.csv"
            data = expected.edges[row[":START_ID"], row[":END_ID"]]
            assert row[":TYPE"] == data["kind"].upper()
            assert row["count:int"] == (str(data["count"]) if "count" in data else "")
            edges.append((row[":START_ID"], row[":END_ID"]))
    assert sorted(edges) == sorted(graph.edges)
    assert generate_neo4j(graph) == files


def test_neo4j_awkward_cells() -> None:
    files = generate_neo4j(awkward())
    rows = list(csv.DictReader(io.StringIO(files["nodes_article.csv"], newline="")))
    assert rows[0]["checked:boolean"] == "true"
    assert rows[0]["title"] == "dòng 1\ndòng 2, có dấu phẩy"
    assert rows[0]["label"] == 'Tin "Hà Nội", <mới> & cũ'
    assert rows[0]["source"] == ""
    (cites_19,) = (r for r in csv.DictReader(io.StringIO(files["rels_cites.csv"])) if "19" in r[":END_ID"])
    assert cites_19["count:int"] == "0"


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_write_export(tmp_path: Path, fmt: str) -> None:
    g = awkward()
    out = tmp_path / "out" / f"graph.{fmt}"
    written = write_export(g, fmt, out)
    assert all(p.is_file() for p in written)
    if fmt != "neo4j":
        assert written == [out]
        _, parse = TEXT_FORMATS[fmt]
        text = out.read_bytes().decode("utf-8")
        assert text == TEXT_FORMATS[fmt][0](g)
        assert sorted(parse(text).nodes) == sorted(g.nodes)
        return
    files = generate_neo4j(g)
    assert [p.name for p in written] == sorted([*files, "import.sh"])
    for name, text in files.items():
        assert (out / name).read_bytes().decode("utf-8") == text
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/sh\n") and "neo4j-admin database import full" in script
    assert "run by hand" in script and "--multiline-fields=true" in script
    for name in files:
        option = "--nodes" if name.startswith("nodes_") else "--relationships"
        assert f'{option}="$HERE/{name}"' in script
    assert os.access(out / "import.sh", os.X_OK)
    assert write_export(g, fmt, out) == written  # writing again replaces the same files


def test_the_sample_graph_matches_its_golden_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m tests.golden.regenerate`` rewrites the file when a change is meant to change the graph."""
    from tests.golden.regenerate import GOLDEN, sample_graph_json

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert sample_graph_json() == GOLDEN.read_text(encoding="utf-8")
