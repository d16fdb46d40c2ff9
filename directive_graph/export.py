"""Export the citation graph for other tools: Gephi (GEXF), GraphML, node-link JSON and Neo4j CSV.

In the style of :mod:`networkx.readwrite`: pure ``generate_*`` functions that
return text, ``parse_*`` functions that read it back, and :func:`write_export`
to put the text in files. Every exporter works on a cleaned copy of the graph
(see :func:`clean`) and never changes the caller's graph; nodes and edges are
written in sorted order, so the same graph always gives the same text.

Example:
    >>> g = nx.DiGraph()
    >>> g.add_node("d:1", kind="directive", label="Chỉ thị 19", year=None, links={"stated"})
    >>> g.add_node("i:TU", kind="issuer", label="Thành ủy", code="TU", level="party")
    >>> g.add_edge("d:1", "i:TU", kind="issued_by")
    >>> parse_graphml(generate_graphml(g)).nodes["d:1"]
    {'kind': 'directive', 'label': 'Chỉ thị 19', 'links': 'stated', 'year': 0}
    >>> sorted(generate_neo4j(g))
    ['nodes_directive.csv', 'nodes_issuer.csv', 'rels_issued_by.csv']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from directive_graph.graph import Graph

FORMATS = ("gexf", "graphml", "json", "neo4j")
INT_ATTRIBUTES = frozenset({"year", "citations", "mentions", "count"})
"""Attributes that are integers even where every value is None (then 0)."""

Scalar = str | int | float | bool
_SURROGATES = re.compile("[\ud800-\udfff]")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
_NEO4J_TYPES: dict[type, str] = {bool: ":boolean", int: ":int", float: ":float", str: ""}


def _text(value: object) -> str:
    """A scalar as text: None is "", booleans are true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json_default(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _scalar(value: object, xml: bool) -> Scalar | None:
    """One attribute value as a scalar; None stays None until the attribute's type is known."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=_text) if isinstance(value, (set, frozenset)) else list(value)
        flat = all(item is None or isinstance(item, (str, int, float)) for item in items)
        text = "; ".join(map(_text, items)) if flat else json.dumps(items, ensure_ascii=False, default=_json_default)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)
    elif isinstance(value, (dt.date, dt.time)):
        text = value.isoformat()
    else:
        text = str(value)
    text = _SURROGATES.sub("", text)
    if xml:  # XML 1.0 cannot carry these characters, and GraphML readers turn \r\n into \n
        text = _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text


def _column_type(key: str, values: Iterable[Scalar | None]) -> type:
    """The one type an attribute gets in every node (or edge): bool, int, float or str."""
    present = [v for v in values if v is not None]
    if not present:
        return int if key in INT_ATTRIBUTES else str
    if all(isinstance(v, bool) for v in present):
        return bool
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return int
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return float
    return str


def _retype(value: Scalar | None, kind: type) -> Scalar:
    if kind is str:
        return _text(value)
    if value is None:
        return False if kind is bool else kind()
    return float(value) if kind is float else value


def _clean_all(items: list[dict[str, Any]], xml: bool) -> list[dict[str, Scalar]]:
    """Clean a list of attribute dicts (all nodes, or all edges) so each key has one type."""
    scalars = [{str(k): _scalar(v, xml) for k, v in sorted(d.items(), key=lambda kv: str(kv[0]))} for d in items]
    keys = sorted({k for d in scalars for k in d})
    types = {k: _column_type(k, (d[k] for d in scalars if k in d)) for k in keys}
    return [{k: _retype(v, types[k]) for k, v in d.items()} for d in scalars]


def clean(g: Graph, fmt: str = "json") -> Graph:
    """A copy of ``g`` with attributes every export format can carry, nodes and edges in sorted order.

    None becomes "" (or 0 for an integer attribute), lists, tuples and sets are
    joined with "; " (sets sorted), nested values become JSON text, and an
    attribute whose values mix types becomes text. For the XML formats
    (``gexf``, ``graphml``) characters XML cannot hold are dropped and line
    ends become ``\\n``. ``g`` itself is not changed.

    Example:
        >>> g = nx.DiGraph()
        >>> g.add_node("a:1", kind="article", tags=("x", "y"), meta={"n": 1}, year=None, title=None)
        >>> clean(g).nodes["a:1"]
        {'kind': 'article', 'meta': '{"n": 1}', 'tags': 'x; y', 'title': '', 'year': 0}
        >>> g.nodes["a:1"]["year"] is None
        True
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    xml = fmt in ("gexf", "graphml")
    nodes = sorted(g.nodes, key=str)
    edges = sorted(g.edges, key=lambda e: (str(e[0]), str(e[1])))
    out: Graph = nx.DiGraph()
    out.graph.update(_clean_all([dict(g.graph)], xml)[0])
    for node, data in zip(nodes, _clean_all([g.nodes[n] for n in nodes], xml), strict=True):
        out.add_node(node, **data)
    for (u, v), data in zip(edges, _clean_all([g.edges[e] for e in edges], xml), strict=True):
        out.add_edge(u, v, **data)
    return out


def _as_digraph(h: nx.Graph[Any], drop: Iterable[str] = ()) -> Graph:
    """A parsed graph as a DiGraph of string ids, without the reader's bookkeeping graph attributes."""
    g: Graph = nx.DiGraph()
    g.graph.update({k: v for k, v in h.graph.items() if k not in drop or v not in ({}, "static", "")})
    g.add_nodes_from((str(n), data) for n, data in h.nodes(data=True))
    g.add_edges_from((str(u), str(v), data) for u, v, data in h.edges(data=True))
    return g


def generate_gexf(g: Graph) -> str:
    """GEXF 1.2 text for Gephi; ints stay typed (``long``), no modification date so the text is stable.

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> 'title="count" type="long"' in generate_gexf(g)
        True
    """
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(clean(g, "gexf"))
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    for attribute in writer.xml.iterfind("graph/attributes[@class='node']/attribute[@title='networkx_key']"):
        attribute.set("title", "key")  # networkx renames "key" for multigraph edge keys; nodes keep the name
    return _XML_DECLARATION + str(writer) + "\n"


def parse_gexf(text: str) -> Graph:
    """The graph of GEXF text, without the edge ids and graph mode the GEXF reader adds.

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> list(parse_gexf(generate_gexf(g)).edges(data=True))
        [('a:1', 'd:1', {'count': 2, 'kind': 'cites'})]
    """
    g = _as_digraph(nx.read_gexf(io.BytesIO(text.encode("utf-8"))), ("mode", "node_default", "edge_default"))
    for _, _, data in g.edges(data=True):
        data.pop("id", None)
    return g


def generate_graphml(g: Graph) -> str:
    """GraphML text (typed keys: ``long`` for ints, ``boolean`` for booleans).

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> 'attr.name="count" attr.type="long"' in generate_graphml(g)
        True
    """
    return _XML_DECLARATION + "\n".join(nx.generate_graphml(clean(g, "graphml"))) + "\n"


def parse_graphml(text: str) -> Graph:
    """The graph of GraphML text.

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> list(parse_graphml(generate_graphml(g)).edges(data=True))
        [('a:1', 'd:1', {'count': 2, 'kind': 'cites'})]
    """
    return _as_digraph(nx.parse_graphml(text), ("node_default", "edge_default"))


def generate_json(g: Graph) -> str:
    """Node-link JSON (``nodes`` and ``edges``), keys sorted and indented, ending in a newline.

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> json.loads(generate_json(g))["edges"]
        [{'count': 2, 'kind': 'cites', 'source': 'a:1', 'target': 'd:1'}]
    """
    h = clean(g, "json")
    try:
        data = nx.node_link_data(h, edges="edges")
    except TypeError:  # networkx < 3.4 has no edges= keyword and calls them links
        data = nx.node_link_data(h)  # pragma: no cover
        data["edges"] = data.pop("links")  # pragma: no cover
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def parse_json(text: str) -> Graph:
    """The graph of node-link JSON text (``edges`` or the older ``links``).

    Example:
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> list(parse_json(generate_json(g)).edges(data=True))
        [('a:1', 'd:1', {'count': 2, 'kind': 'cites'})]
    """
    data = json.loads(text)
    if "edges" not in data and "links" in data:
        data["edges"] = data.pop("links")
    try:
        h = nx.node_link_graph(data, directed=True, multigraph=False, edges="edges")
    except TypeError:  # networkx < 3.4
        data["links"] = data.pop("edges")  # pragma: no cover
        h = nx.node_link_graph(data, directed=True, multigraph=False)  # pragma: no cover
    return _as_digraph(h)


def _slug(kind: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", kind.lower()).strip("_")


def _csv(header: list[str], rows: Iterable[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _typed_columns(items: Sequence[Mapping[str, Scalar]], fixed: Iterable[str]) -> tuple[list[str], list[str]]:
    """Attribute names (fixed ones first, the rest sorted) and their neo4j headers, typed by their values."""
    names = list(fixed) + sorted({k for d in items for k in d} - set(fixed))
    headers = []
    for name in names:
        kind = next((type(d[name]) for d in items if name in d), int if name in INT_ATTRIBUTES else str)
        headers.append(name.replace(":", "_") + _NEO4J_TYPES.get(kind, ""))
    return names, headers


def generate_neo4j(g: Graph) -> dict[str, str]:
    """CSV files for ``neo4j-admin database import full``: file name -> text.

    One node file per node kind (``nodes_<kind>.csv``, header ``id:ID,label,kind,:LABEL,...``)
    and one relationship file per edge kind (``rels_<kind>.csv``, header
    ``:START_ID,:END_ID,:TYPE,count:int,...``). Ints, floats and booleans get typed
    headers (``year:int``); booleans are written true/false, a missing value is
    an empty cell.

    Example:
        >>> g = nx.DiGraph()
        >>> g.add_node("d:1", kind="directive", label="Chỉ thị 19, 2024", year=2024)
        >>> g.add_node("i:TU", kind="issuer", label="Thành ủy")
        >>> g.add_edge("d:1", "i:TU", kind="issued_by")
        >>> print(generate_neo4j(g)["nodes_directive.csv"], end="")
        id:ID,label,kind,:LABEL,year:int
        d:1,"Chỉ thị 19, 2024",directive,Directive,2024
        >>> print(generate_neo4j(g)["rels_issued_by.csv"], end="")
        :START_ID,:END_ID,:TYPE,count:int
        d:1,i:TU,ISSUED_BY,
    """
    h = clean(g, "neo4j")
    files: dict[str, str] = {}
    by_kind: dict[str, list[tuple[str, dict[str, Scalar]]]] = {}
    for node, data in h.nodes(data=True):
        by_kind.setdefault(_text(data.get("kind")), []).append((str(node), data))
    for kind in sorted(by_kind):
        rows = by_kind[kind]
        names, headers = _typed_columns([d for _, d in rows], ("label", "kind"))
        label = "".join(part.capitalize() for part in _slug(kind).split("_")) or "Node"
        body = ([node, *(_text(d.get(n)) for n in names[:2]), label, *(_text(d.get(n)) for n in names[2:])]
                for node, d in rows)  # fmt: skip
        files[f"nodes_{_slug(kind) or 'node'}.csv"] = _csv(["id:ID", *headers[:2], ":LABEL", *headers[2:]], body)
    by_type: dict[str, list[tuple[str, str, dict[str, Scalar]]]] = {}
    for u, v, data in h.edges(data=True):
        by_type.setdefault(_text(data.get("kind")), []).append((str(u), str(v), data))
    for kind in sorted(by_type):
        rows_e = by_type[kind]
        attributes = [{k: x for k, x in d.items() if k != "kind"} for _, _, d in rows_e]
        names, headers = _typed_columns(attributes, ("count",))
        rel = _slug(kind).upper() or "RELATED"
        body_e = ([u, v, rel, *map(_text, map(d.get, names))] for (u, v, _), d in zip(rows_e, attributes, strict=True))
        files[f"rels_{_slug(kind) or 'related'}.csv"] = _csv([":START_ID", ":END_ID", ":TYPE", *headers], body_e)
    return files


def generate_neo4j_script(names: Iterable[str]) -> str:
    """An ``import.sh`` with the neo4j-admin command line for the CSV files ``names``; nothing here runs it.

    Example:
        >>> "--relationships=" in generate_neo4j_script(["nodes_article.csv", "rels_cites.csv"])
        True
    """
    lines = [
        "#!/bin/sh",
        "# Load this directive-graph export into Neo4j 5 with neo4j-admin.",
        "# For you to run by hand (directive-graph never runs it): stop the database first;",
        "# DATABASE defaults to neo4j, and --overwrite-destination replaces its contents.",
        "set -eu",
        'HERE="$(cd "$(dirname "$0")" && pwd)"',
        "neo4j-admin database import full \\",
        "  --overwrite-destination=true \\",
        "  --multiline-fields=true \\",
    ]
    for name in sorted(names):
        option = "--nodes" if name.startswith("nodes_") else "--relationships"
        lines.append(f'  {option}="$HERE/{name}" \\')
    lines.append('  "${DATABASE:-neo4j}"')
    return "\n".join(lines) + "\n"


def write_export(g: Graph, fmt: str, out: str | Path) -> list[Path]:
    """Write ``g`` in ``fmt`` to ``out``: a file for gexf/graphml/json, a folder of CSVs and ``import.sh`` for neo4j.

    Returns the paths written, sorted.

    Example:
        >>> import tempfile
        >>> g = nx.DiGraph([("a:1", "d:1", {"kind": "cites", "count": 2})])
        >>> folder = Path(tempfile.mkdtemp())
        >>> [p.name for p in write_export(g, "neo4j", folder / "neo4j")]
        ['import.sh', 'nodes_node.csv', 'rels_cites.csv']
        >>> [p.name for p in write_export(g, "gexf", folder / "graph.gexf")]
        ['graph.gexf']
    """
    path = Path(out)
    if fmt == "neo4j":
        files = generate_neo4j(g)
        files["import.sh"] = generate_neo4j_script(files)
        path.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in files.items():
            target = path / name
            target.write_text(text, encoding="utf-8", newline="")
            written.append(target)
        (path / "import.sh").chmod(0o755)
        return sorted(written)
    generators = {"gexf": generate_gexf, "graphml": generate_graphml, "json": generate_json}
    if fmt not in generators:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generators[fmt](g), encoding="utf-8", newline="")
    return [path]
