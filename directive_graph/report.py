"""One self-contained HTML page of the citation graph, readable with the network off.

The page holds the graph drawn by vis-network (the copy bundled in the pyvis
package, inlined), positions computed here (networkx spring layout with a
fixed seed, physics off), a search box, filters by kind, issuer and year, and
tables of the most-cited directives, the issuers and the unresolved mentions.
Corpus text enters the page only as JSON in a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped; the page script shows it with
``textContent``. No ``http://`` or ``https://`` address appears anywhere.

Example:
    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_node("a:1", kind="article", label="Tin", title="<b>Tin</b>", date="2020-01-02", source="",
    ...            path="a.txt", locality="", snippet="Quyết định 1847/QĐ-TTg")
    >>> html = generate_report(g)
    >>> "<b>Tin" in html, "http://" in html, 'id="dg-shown">1<' in html
    (False, False, True)
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from directive_graph import report_template as tpl
from directive_graph.graph import Graph, top_nodes

DEFAULT_TITLE = "Directive citation graph"
TABLE_ROWS = 15  # rows of the most-cited table; the other tables show up to twice as many
VIS_VERSION = "vis-9.1.2"
LAYOUT_CORE = 499  # networkx needs scipy to lay out 500 nodes or more

_COLOURS = {
    "article": ("#4e79a7", "#35587d"),
    "directive": ("#f28e2b", "#c0650f"),
    "unresolved": ("#e6e6e6", "#f28e2b"),
    "issuer": ("#59a14f", "#3d7536"),
}
_FONTS = {"article": (10, "#52606d"), "directive": (11, "#1f2933"), "issuer": (14, "#2d5f27")}
LABEL_THRESHOLD = 9  # a label smaller than this on screen is not drawn: zoom in to read the small ones
_LINKS = {
    "stated": "stated: symbol or issuer written in the text",
    "inherited": "inherited: completed from an earlier full mention in the same text",
    "inferred": "inferred: completed from the context of the text",
    "unresolved": "unresolved: neither symbol nor issuer given, so the document is not certain",
}


@dataclass(frozen=True)
class ReportInfo:
    """What :func:`write_report` wrote.

    Attributes:
        path: the file written.
        shown: nodes drawn in the page.
        left_out: nodes left out (beyond ``max_nodes``), by kind.
        bytes: size of the file in bytes.
    """

    path: str
    shown: int
    left_out: dict[str, int] = field(default_factory=dict)
    bytes: int = 0


def generate_report(g: Graph, *, max_nodes: int = 300, title: str = DEFAULT_TITLE) -> str:
    """The whole HTML page of a citation graph (see :func:`directive_graph.graph.build_graph`).

    Args:
        g: the citation graph.
        max_nodes: draw at most this many nodes, the most cited first; a note on the page says what was left out.
        title: the page heading.

    Returns:
        The page, one self-contained HTML document (same graph, same text).

    Example:
        >>> import networkx as nx
        >>> g = nx.DiGraph()
        >>> g.add_node("i:TTg", kind="issuer", label="Thủ tướng Chính phủ", code="TTg", level="central")
        >>> page = generate_report(g, title="Demo")
        >>> page.startswith("<!DOCTYPE html>"), "<title>Demo</title>" in page, "vis.Network" in page
        (True, True, True)
    """
    return _render(g, max_nodes, title)[0]


def write_report(g: Graph, path: str | Path, *, max_nodes: int = 300, title: str = DEFAULT_TITLE) -> ReportInfo:
    """Write :func:`generate_report` to ``path`` as UTF-8.

    Args:
        g: the citation graph.
        path: the HTML file to write (its folder must exist).
        max_nodes: draw at most this many nodes.
        title: the page heading.

    Returns:
        The nodes shown, those left out by kind, and the size of the file.

    Example:
        >>> import networkx as nx, tempfile, os
        >>> g = nx.DiGraph()
        >>> g.add_node("i:CP", kind="issuer", label="Chính phủ", code="CP", level="central")
        >>> info = write_report(g, os.path.join(tempfile.mkdtemp(), "r.html"))
        >>> info.shown, info.left_out, info.bytes > 100_000
        (1, {}, True)
    """
    page, shown, left = _render(g, max_nodes, title)
    raw = page.encode("utf-8")
    Path(path).write_bytes(raw)
    return ReportInfo(path=str(path), shown=shown, left_out=left, bytes=len(raw))


@functools.lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network script and style bundled in the installed pyvis package, made safe to inline.

    Returns:
        ``(javascript, css)``, with every ``://`` written ``:\\/\\/`` (the same string to JavaScript)
        so the page names no web address, and no ``</script`` or ``</style`` left in them.

    Raises:
        FileNotFoundError: when pyvis or its bundled copy of vis-network is missing.

    Example:
        >>> js, css = vis_assets()
        >>> "vis-network" in js and "://" not in js and ".vis-network" in css
        True
    """
    spec = importlib.util.find_spec("pyvis")  # no import: pyvis pulls IPython in
    roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        for folder in (root / "lib" / VIS_VERSION, root / "templates" / "lib" / VIS_VERSION):
            js, css = folder / "vis-network.min.js", folder / "vis-network.css"
            if js.is_file() and css.is_file():
                script = js.read_text(encoding="utf-8").replace("://", ":\\/\\/").replace("</script", "<\\/script")
                style = css.read_text(encoding="utf-8").replace("</style", "<\\/style")
                if "://" in style:
                    raise ValueError(f"{css} names a web address; it cannot be inlined as is")
                return script, style
    raise FileNotFoundError(f"vis-network ({VIS_VERSION}) not found in the pyvis package; pip install pyvis==0.3.2")


def _render(g: Graph, max_nodes: int, title: str) -> tuple[str, int, dict[str, int]]:
    sub, left = top_nodes(g, max(0, max_nodes))
    left = dict(sorted(left.items()))
    shown = sub.number_of_nodes()
    data = _payload(g, sub)
    js, css = vis_assets()
    note = _note(shown, g.number_of_nodes(), left)
    body = tpl.fill(tpl.BODY, {"TITLE": _text(title), "SUMMARY": _text(_summary(g)), "NOTE": note})
    page = tpl.fill(
        tpl.PAGE,
        {"TITLE": _text(title), "VIS_CSS": css, "CSS": tpl.CSS, "BODY": body, "DATA": _json(data),
         "VIS_JS": js, "SCRIPT": tpl.SCRIPT},
    )  # fmt: skip
    return page, shown, left


def _text(value: str) -> str:
    """HTML text, with "/" as a character reference so no address can be spelt out."""
    return html.escape(value).replace("/", "&#47;")


def _json(data: Any) -> str:
    """JSON safe inside a script element: no "<", ">", "&" or "://" left as such."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("://", ":\\/\\/")


def _summary(g: Graph) -> str:
    counts = {"article": 0, "directive": 0, "issuer": 0}
    for _, data in g.nodes(data=True):
        counts[data["kind"]] = counts.get(data["kind"], 0) + 1
    cites = sum(1 for _, _, data in g.edges(data=True) if data.get("kind") == "cites")
    parts = [f"{n:,} {kind}{'' if n == 1 else 's'}" for kind, n in counts.items()]
    return " · ".join([*parts, f"{cites:,} citation{'' if cites == 1 else 's'}"])


def _note(shown: int, total: int, left: dict[str, int]) -> str:
    count = f'<span id="dg-shown">{shown}</span>'
    if not left:
        return f"Showing all {count} nodes."
    what = ", ".join(f"{n:,} {_text(kind)}{'' if n == 1 else 's'}" for kind, n in left.items())
    return f"Showing {count} of {total:,} nodes, the most cited. Left out: {what}."


def _layout(sub: Graph) -> dict[str, tuple[float, float]]:
    """Pixel positions from a seeded spring layout of the undirected graph, nodes in sorted order.

    networkx lays out 500 nodes or more with scipy; to need only numpy, the best-connected
    499 are laid out and each other node is put beside its laid-out neighbours.
    """
    h: nx.Graph[str] = nx.Graph()
    h.add_nodes_from(sorted(sub.nodes))
    for u, v, kind in sorted((min(u, v), max(u, v), str(d.get("kind"))) for u, v, d in sub.edges(data=True)):
        h.add_edge(u, v, weight=0.3 if kind == "issued_by" else 1.0)  # issuers group loosely, citations tightly
    n = h.number_of_nodes()
    if n == 0:
        return {}
    scale = 48 * math.sqrt(n) + 60
    core = sorted(h.nodes, key=lambda node: (-h.degree(node), node))[:LAYOUT_CORE]
    found = nx.spring_layout(h.subgraph(core), k=2.6 / math.sqrt(n), iterations=150, seed=20240531, scale=scale)
    pos = {node: (float(xy[0]), float(xy[1])) for node, xy in found.items()}
    rng, rest = random.Random(20240531), [node for node in h.nodes if node not in pos]
    while rest:
        left = []
        for node in rest:
            near = [pos[m] for m in h.neighbors(node) if m in pos]
            if near:
                angle, radius = rng.uniform(0, 2 * math.pi), rng.uniform(0.03, 0.08) * scale
                pos[node] = (sum(x for x, _ in near) / len(near) + radius * math.cos(angle),
                             sum(y for _, y in near) / len(near) + radius * math.sin(angle))  # fmt: skip
            else:
                left.append(node)
        if len(left) == len(rest):  # nothing links these to what is placed: a ring around it
            pos[left[0]] = (1.15 * scale * math.cos(len(pos)), 1.15 * scale * math.sin(len(pos)))
            left = left[1:]
        rest = left
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in pos.items()}


def _issuer_name(g: Graph, code: str) -> str:
    node = f"i:{code}"
    return f"{g.nodes[node].get('label', code)} ({code})" if node in g else code


def _titles(g: Graph, directive: str, limit: int = 3) -> str:
    found = sorted((p for p in g.predecessors(directive) if g.nodes[p].get("kind") == "article"),
                   key=lambda p: (g.nodes[p].get("date", ""), p), reverse=True)  # fmt: skip
    names = [str(g.nodes[p].get("title") or g.nodes[p].get("label") or p) for p in found[:limit]]
    return "; ".join(names) + ("; …" if len(found) > limit else "")


def _short(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when cut (the full text is in the tooltip)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node(g: Graph, sub: Graph, node: str, xy: tuple[float, float]) -> dict[str, Any]:
    data = g.nodes[node]
    kind = str(data.get("kind", "article"))
    label = str(data.get("label") or node)
    item: dict[str, Any] = {"id": node, "kind": kind}
    if kind == "directive":
        cites, link = int(data.get("citations", 0)), str(data.get("link", "stated"))
        code, year = str(data.get("issuer") or ""), int(data.get("year") or 0)
        number = str(data.get("number", "")) + (f"/{data['symbol']}" if data.get("symbol") else "")
        rows = [("Type", data.get("doc_type") or "?"), ("Number", number),
                ("Issuer", _issuer_name(g, code) if code else "unknown"), ("Year", year or "unknown"),
                ("Jurisdiction", data.get("jurisdiction") or "?"), ("Citing articles", cites),
                ("Mentions", data.get("mentions", 0)), ("Identity", _LINKS.get(link, link)),
                ("Cited in", _titles(g, node))]  # fmt: skip
        item.update(issuer=code, year=year, weight=cites, search=f"{label} {number}")
        size, style = 12 + 7 * math.sqrt(max(cites, 1) - 1), "unresolved" if link == "unresolved" else kind
        shape = "dot"
    elif kind == "issuer":
        made = [p for p in g.predecessors(node) if g.nodes[p].get("kind") == "directive"]
        cites = sum(int(g.nodes[p].get("citations", 0)) for p in made)
        code = str(data.get("code", ""))
        rows = [("Code", code), ("Level", data.get("level") or "?"), ("Directives", len(made)),
                ("Citations of them", cites)]  # fmt: skip
        item.update(code=code, weight=cites, search=f"{label} {code}")
        item["links"] = sorted(p for p in sub.predecessors(node) if sub.nodes[p].get("kind") == "directive")
        size, style, shape = 10 + 3 * math.sqrt(len(made)), kind, "diamond"
    else:
        cited = sorted(s for s in sub.successors(node) if sub.nodes[s].get("kind") == "directive")
        label = str(data.get("title") or data.get("path") or label)
        rows = [("Date", data.get("date") or "unknown"), ("Source", data.get("source") or "?"),
                ("Place", data.get("locality") or "?"), ("File", data.get("path") or "?"),
                ("Directives cited", g.out_degree(node))]  # fmt: skip
        item.update(links=cited, weight=g.out_degree(node), search=f"{label} {data.get('path', '')}")
        size, style, shape = 6 + 1.5 * math.sqrt(g.out_degree(node)), "article", "dot"
    fill, border = _COLOURS.get(style, ("#9aa5b1", "#6b7785"))
    font, font_colour = _FONTS.get(kind, (11, "#52606d"))
    font_size = float(font)
    if kind == "directive":  # the most cited keep their labels at the overview zoom
        font_size = round(min(font_size + 2.5 * math.sqrt(max(item["weight"], 1) - 1), 22), 1)
    vis: dict[str, Any] = {
        "label": _short(label, 28 if kind == "article" else 36), "x": xy[0], "y": xy[1],
        "size": round(min(size, 48), 1), "shape": shape,
        "borderWidth": 2 if style == "unresolved" else 1,
        "color": {"background": fill, "border": border, "highlight": {"background": fill, "border": "#1f2933"},
                  "hover": {"background": fill, "border": "#1f2933"}},
        "font": {"size": font_size, "color": font_colour, "strokeWidth": 3, "strokeColor": "#ffffff"},
    }  # fmt: skip
    if style == "unresolved":
        vis["shapeProperties"] = {"borderDashes": [4, 3]}
    item.update(vis=vis, info={"name": label, "rows": [[k, v] for k, v in rows], "snippet": data.get("snippet", "")})
    return item


def _edge(u: str, v: str, data: dict[str, Any]) -> dict[str, Any]:
    kind = str(data.get("kind", "cites"))
    if kind == "cites":
        width = 1 + 0.5 * min(int(data.get("count", 1)) - 1, 4)
        return {"from": u, "to": v, "color": {"color": "#b3bcc6", "highlight": "#1f2933"}, "width": width}
    if kind == "issued_by":
        return {"from": u, "to": v, "color": {"color": "#a9d3a2", "highlight": "#3d7536"}, "dashes": True, "width": 1}
    return {"from": u, "to": v, "color": {"color": "#8e6bbf", "highlight": "#4b2a80"}, "width": 2, "label": kind,
            "font": {"size": 10, "color": "#6b4c9a", "strokeWidth": 3}}  # fmt: skip


def _payload(g: Graph, sub: Graph) -> dict[str, Any]:
    pos = _layout(sub)
    nodes = [_node(g, sub, n, pos[n]) for n in sorted(sub.nodes)]
    edges = [_edge(u, v, d) for u, v, d in sorted(sub.edges(data=True), key=lambda e: (e[0], e[1]))]
    directives = [n for n in nodes if n["kind"] == "directive"]
    issuers = sorted({(n["issuer"], _issuer_name(g, n["issuer"]) if n["issuer"] else "none") for n in directives},
                     key=lambda p: p[1].casefold())  # fmt: skip
    years = sorted({n["year"] for n in directives}, reverse=True)
    return {
        "nodes": nodes, "edges": edges, "options": _OPTIONS, "tables": _tables(g, sub),
        "issuers": [list(p) for p in issuers],
        "years": [[str(y), str(y)] for y in years if y] + ([["0", "unknown"]] if 0 in years else []),
    }  # fmt: skip


def _tables(g: Graph, sub: Graph) -> dict[str, Any]:
    def row(node: str, *cells: Any) -> dict[str, Any]:
        return {"id": node, "shown": node in sub, "cells": list(cells)}

    directives = sorted((n for n, d in g.nodes(data=True) if d.get("kind") == "directive"),
                        key=lambda n: (-g.nodes[n].get("citations", 0), -g.nodes[n].get("mentions", 0), n))  # fmt: skip
    top = [row(n, d["label"], d.get("issuer") or "?", d.get("citations", 0),
               d.get("mentions", 0)) for n in directives[:TABLE_ROWS] for d in [g.nodes[n]]]  # fmt: skip
    issuers = []
    for n, d in g.nodes(data=True):
        if d.get("kind") == "issuer":
            made = [p for p in g.predecessors(n) if g.nodes[p].get("kind") == "directive"]
            cites = sum(int(g.nodes[p].get("citations", 0)) for p in made)
            issuers.append(row(n, d.get("label") or n, d.get("code", ""), d.get("level") or "?", len(made), cites))
    issuers.sort(key=lambda r: (-r["cells"][4], -r["cells"][3], r["id"]))
    loose = [n for n in directives if g.nodes[n].get("link") == "unresolved"]
    unresolved = [row(n, d["label"], d.get("jurisdiction") or "?", d.get("citations", 0), _short(_titles(g, n, 1), 70))
                  for n in loose[: 2 * TABLE_ROWS] for d in [g.nodes[n]]]  # fmt: skip
    return {
        "directives": {"head": ["Directive", "Issuer", "Articles", "Mentions"], "num": [2, 3],
                       "rows": top, "more": max(0, len(directives) - TABLE_ROWS)},
        "issuers": {"head": ["Issuer", "Code", "Level", "Directives", "Citations"], "num": [3, 4],
                    "rows": issuers[: 2 * TABLE_ROWS], "more": max(0, len(issuers) - 2 * TABLE_ROWS)},
        "unresolved": {"head": ["Mention", "Where", "Articles", "First cited in"], "num": [2], "small": [1, 3],
                       "rows": unresolved, "more": max(0, len(loose) - 2 * TABLE_ROWS)},
    }  # fmt: skip


_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True, "hideEdgesOnZoom": False},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}}, "selectionWidth": 1.5},
    "nodes": {"font": {"face": "system-ui, Segoe UI, Roboto, Noto Sans, Arial, sans-serif"},
              "scaling": {"label": {"drawThreshold": LABEL_THRESHOLD, "maxVisible": 26}}},
}
