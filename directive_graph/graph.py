"""The citation graph: articles, directives and issuers in one networkx DiGraph.

Node ids are strings with a kind prefix: ``a:<article id>``, ``d:<directive
key>``, ``i:<issuer code>``. Every node has ``kind`` and ``label``; edges have
``kind``: ``cites`` (article → directive, with ``count`` mentions),
``issued_by`` (directive → issuer), and the relations between directives
read from cue words (``implements``, ``amends``, ``replaces``, ``guides``,
``repeals``, ``based_on``, ``attached_to``) when the store has them.

Example:
    >>> import tempfile, pathlib
    >>> from directive_graph.build import build
    >>> from directive_graph.store import Store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Tin\\n\\nQuyết định số 1847/QĐ-TTg năm 2018 của Thủ tướng", encoding="utf-8")
    >>> with Store.open(str(folder / "t.db"), create=True) as store:
    ...     _ = build(store, [str(folder)], jobs=1)
    ...     g = build_graph(store)
    >>> sorted(data["kind"] for _, data in g.nodes(data=True))
    ['article', 'directive', 'issuer']
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import networkx as nx

from directive_graph.named import LAW_TYPES
from directive_graph.store import Store

if TYPE_CHECKING:
    Graph = nx.DiGraph[str]  # node ids are strings
else:
    Graph = nx.DiGraph


def directive_label(doc_type: str | None, number: str, symbol: str | None, year: int | None) -> str:
    """A short name for a directive node: "Quyết định 1847/QĐ-TTg (2018)".

    Example:
        >>> directive_label("Chỉ thị", "19", None, None), directive_label("Nghị quyết", "18", "NQ/TW", 2017)
        ('Chỉ thị 19', 'Nghị quyết 18-NQ/TW (2017)')
    """
    joint = "-" if symbol and "/" in symbol else "/"  # Party symbols: "18-NQ/TW"
    name = f"{doc_type or 'Văn bản'} {number}" + (f"{joint}{symbol}" if symbol else "")
    return name + (f" ({year})" if year else "")


def build_graph(
    store: Store,
    *,
    issuer: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Graph:
    """The graph of the store, optionally limited to one issuer's directives and to articles dated in a range."""
    g: Graph = nx.DiGraph()
    conn = store.conn
    where, args = ["m.directive_id IS NOT NULL"], []
    if issuer:
        where.append("d.issuer = ?")
        args.append(issuer)
    if since:
        where.append("a.published >= ?")
        args.append(since.isoformat())
    if until:
        where.append("a.published <= ?")
        args.append(until.isoformat())
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.source, a.locality, substr(a.text, 1, 240),"
        " (SELECT min(s.path) FROM sources s WHERE s.article_id = a.id),"
        " d.key, d.doc_type, d.number, d.symbol, d.year, d.issuer, d.jurisdiction, count(m.id),"
        " group_concat(DISTINCT m.link), max(m.role = 'own')"
        " FROM mentions m JOIN articles a ON a.id = m.article_id JOIN directives d ON d.id = m.directive_id"
        f" WHERE {' AND '.join(where)} GROUP BY a.id, d.id",
        args,
    )
    for row in rows:
        aid, title, date, source, locality, head, path, key, doc_type, number, symbol, year, code, place, n = row[:15]
        links, own = row[15:]
        article, directive = f"a:{aid}", f"d:{key}"
        if article not in g:
            g.add_node(
                article, kind="article", label=(title or path or article)[:80], title=title or "", date=date or "",
                source=source or "", path=path or "", locality=locality or "", snippet=" ".join((head or "").split()),
            )  # fmt: skip
        if directive not in g:
            g.add_node(
                directive, kind="directive", label=directive_label(doc_type, number, symbol, year), key=key,
                doc_type=doc_type or "", number=number, symbol=symbol or "", year=year or 0, issuer=code or "",
                jurisdiction=place, links=set(), citations=0, mentions=0,
            )  # fmt: skip
        node = g.nodes[directive]
        node["citations"] += 1
        node["mentions"] += n
        node["links"].update((links or "").split(","))
        # a legal text with its own number in its header *is* that document
        g.add_edge(article, directive, kind="is" if own else "cites", count=n)
    _add_issuers(g, store)
    _add_relations(g, store)
    _add_named(g, store)
    for _, data in g.nodes(data=True):
        if data["kind"] == "directive" and "links" in data:
            data["link"] = _link_summary(data.pop("links"))
    return g


def _add_relations(g: Graph, store: Store) -> None:
    """Edges between directives from cue words: implements, amends, replaces, guides, repeals, based_on."""
    rows = store.conn.execute(
        "SELECT ds.key, dt.key, r.kind, count(*) FROM relations r"
        " JOIN mentions ms ON ms.article_id = r.article_id AND ms.ord = r.source_ord"
        " JOIN mentions mt ON mt.article_id = r.article_id AND mt.ord = r.target_ord"
        " JOIN directives ds ON ds.id = ms.directive_id JOIN directives dt ON dt.id = mt.directive_id"
        " GROUP BY ds.key, dt.key, r.kind"
    )
    for source, target, kind, n in rows:
        a, b = f"d:{source}", f"d:{target}"
        if a in g and b in g and a != b:
            g.add_edge(a, b, kind=kind, count=n)


def _add_named(g: Graph, store: Store) -> None:
    """Documents named by title ('Đề án "Văn hóa công vụ"'), cited by their articles, attached where said."""
    rows = store.conn.execute(
        "SELECT n.article_id, n.key, n.doc_type, n.name, n.year, count(*), d.key FROM named n"
        " LEFT JOIN mentions m ON m.article_id = n.article_id AND m.ord = n.attached_ord"
        " LEFT JOIN directives d ON d.id = m.directive_id GROUP BY n.article_id, n.key"
    )
    for aid, key, doc_type, name, year, n, attached in rows:
        article, node = f"a:{aid}", f"d:{key}"
        if article not in g:  # only articles already in the graph (filters apply to them)
            continue
        if node not in g:
            quoted = doc_type not in LAW_TYPES  # 'Đề án “Văn hóa công vụ”', but 'Luật Đất đai'
            label = doc_type if name == doc_type else f"{doc_type} “{name}”" if quoted else f"{doc_type} {name}"
            g.add_node(
                node, kind="directive", label=label + (f" ({year})" if year else ""), key=key, doc_type=doc_type,
                number="", symbol="", year=year or 0, issuer="", jurisdiction="VN", link="named", citations=0,
                mentions=0,
            )  # fmt: skip
        g.nodes[node]["citations"] += 1
        g.nodes[node]["mentions"] += n
        g.add_edge(article, node, kind="cites", count=n)
        if attached and f"d:{attached}" in g:
            g.add_edge(node, f"d:{attached}", kind="attached_to", count=1)


def _link_summary(links: set[str]) -> str:
    """How the mentions of a directive were linked to it, the weakest first."""
    for kind in ("unresolved", "inferred", "inherited", "stated"):
        if kind in links:
            return kind
    return "stated"


def _add_issuers(g: Graph, store: Store) -> None:
    names = {code: (name, level) for code, name, level in store.conn.execute("SELECT code, name, level FROM issuers")}
    for node in list(g.nodes):
        data = g.nodes[node]
        code = data.get("issuer") if data["kind"] == "directive" else None
        if not code:
            continue
        issuer = f"i:{code}"
        if issuer not in g:
            name, level = names.get(code, (code, "unknown"))
            g.add_node(issuer, kind="issuer", label=name, code=code, level=level)
        g.add_edge(node, issuer, kind="issued_by")


def nodes_of(g: Graph, kind: str) -> list[str]:
    """The ids of every node of one kind."""
    return [n for n, data in g.nodes(data=True) if data["kind"] == kind]


def citing_articles(g: Graph, directive: str) -> list[str]:
    """The articles citing a directive node, newest first."""
    found = [n for n in g.predecessors(directive) if g.nodes[n]["kind"] == "article"]
    return sorted(found, key=lambda n: g.nodes[n]["date"], reverse=True)


def co_cited(g: Graph, directive: str, top: int = 10) -> list[tuple[str, int]]:
    """Directives cited in the same articles as ``directive``, with how many articles they share."""
    counts: dict[str, int] = {}
    for article in citing_articles(g, directive):
        for other in g.successors(article):
            if other != directive and g.nodes[other]["kind"] == "directive":
                counts[other] = counts.get(other, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def directives_of(g: Graph, issuer_code: str) -> list[str]:
    """The directive nodes issued by one issuer, most cited first."""
    issuer = f"i:{issuer_code}"
    if issuer not in g:
        return []
    found = [n for n in g.predecessors(issuer) if g.nodes[n]["kind"] == "directive"]
    return sorted(found, key=lambda n: (-g.nodes[n]["citations"], n))


def ego(g: Graph, node: str, radius: int = 1) -> Graph:
    """A node and everything within ``radius`` steps of it, in either direction."""
    sub: Graph = nx.ego_graph(g, node, radius=radius, undirected=True)
    return sub


def top_nodes(g: Graph, limit: int) -> tuple[Graph, dict[str, int]]:
    """At most ``limit`` nodes, ranked by citations; returns the subgraph and what was left out, by kind."""
    if g.number_of_nodes() <= limit:
        return g, {}

    def rank(node: str) -> tuple[int, str]:
        data = g.nodes[node]
        if data["kind"] == "directive":
            return (-data["citations"] * 3, node)
        return (-g.degree(node), node)

    keep = sorted(g.nodes, key=rank)[:limit]
    sub: Graph = g.subgraph(keep).copy()
    left: dict[str, int] = {}
    for node in set(g.nodes) - set(keep):
        kind = g.nodes[node]["kind"]
        left[kind] = left.get(kind, 0) + 1
    return sub, left


def as_dict(g: Graph) -> dict[str, Any]:
    """Node and edge counts by kind, for summaries."""
    nodes: dict[str, int] = {}
    edges: dict[str, int] = {}
    for _, data in g.nodes(data=True):
        nodes[data["kind"]] = nodes.get(data["kind"], 0) + 1
    for _, _, data in g.edges(data=True):
        edges[data["kind"]] = edges.get(data["kind"], 0) + 1
    return {"nodes": nodes, "edges": edges}
