"""Small pandas tables of a store, for notebooks: most cited, by month, by issuer, spread, co-citation.

pandas is imported inside each function, so importing this module (or the
command line) never loads it. A *citation* is one article citing one
directive, however many times the article names it.

Example:
    >>> store = example_store()
    >>> most_cited(store)[["directive", "articles"]].values.tolist()
    [['Quyết định 1847/QĐ-TTg (2018)', 2], ['Nghị định 30/NĐ-CP (2020)', 1]]
    >>> store.close()
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from directive_graph.store import Store

if TYPE_CHECKING:
    import pandas as pd

# one row per (article, directive) pair: a citation
_PAIRS = "SELECT DISTINCT article_id, directive_id FROM mentions WHERE directive_id IS NOT NULL"

_EXAMPLE_TEXTS = {
    "hanoi.txt": "Hà Nội triển khai văn hóa công vụ\n\nĐăng ngày 15/6/2020\n\n"
    "Thực hiện Quyết định số 1847/QĐ-TTg năm 2018 của Thủ tướng Chính phủ và Nghị định 30/2020/NĐ-CP.",
    "dongthap.txt": "Đồng Tháp sơ kết\n\nĐăng ngày 02/3/2021\n\nTheo Quyết định 1847/QĐ-TTg năm 2018 của Thủ tướng.",
}


def example_store(folder: str | Path | None = None) -> Store:
    """A tiny store of two sample articles, built in ``folder`` (a new temporary folder by default).

    Args:
        folder: where to write the articles and the store; created if missing.

    Returns:
        The open store; close it when done.

    Example:
        >>> store = example_store()
        >>> store.counts()["articles"]
        2
        >>> store.close()
    """
    from directive_graph.build import build

    root = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="dg-example-"))
    texts = root / "articles"
    texts.mkdir(parents=True, exist_ok=True)
    for name, text in _EXAMPLE_TEXTS.items():
        (texts / name).write_text(text, encoding="utf-8")
    store = Store.open(str(root / "example.db"), create=True)
    build(store, [str(texts)], jobs=1)
    return store


def _frame(rows: Any, columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def most_cited(store: Store, top: int = 20) -> pd.DataFrame:
    """The most-cited directives, most citing articles first.

    Args:
        store: an open store.
        top: at most this many rows.

    Returns:
        Columns ``directive`` (a readable label), ``key``, ``doc_type``, ``issuer``, ``year``,
        ``articles`` (citing articles) and ``mentions`` (times named).

    Example:
        >>> store = example_store()
        >>> most_cited(store, top=1)[["key", "articles", "mentions"]].values.tolist()
        [['Quyết định|1847|TTG|2018|VN', 2, 2]]
        >>> store.close()
    """
    from directive_graph.graph import directive_label
    from directive_graph.queries import top_directives

    rows = [
        (
            directive_label(d["type"], d["number"], d["symbol"], d["year"]),
            d["key"],
            d["type"],
            d["issuer"],
            d["year"],
            d["articles"],
            d["mentions"],
        )
        for d in top_directives(store, top=top)
    ]
    return _frame(rows, ["directive", "key", "doc_type", "issuer", "year", "articles", "mentions"])


def citations_by_month(store: Store) -> pd.DataFrame:
    """Citations per month of the citing articles' dates; undated articles are left out.

    Args:
        store: an open store.

    Returns:
        Columns ``month`` ("YYYY-MM", oldest first) and ``citations``.

    Example:
        >>> store = example_store()
        >>> citations_by_month(store).values.tolist()
        [['2020-06', 2], ['2021-03', 1]]
        >>> store.close()
    """
    rows = store.conn.execute(
        f"SELECT substr(a.published, 1, 7) AS month, count(*) FROM ({_PAIRS}) p"
        " JOIN articles a ON a.id = p.article_id WHERE a.published IS NOT NULL"
        " GROUP BY month ORDER BY month"
    )
    return _frame(rows, ["month", "citations"])


def citations_by_issuer(store: Store) -> pd.DataFrame:
    """Citations per issuer of the cited directives, most cited first.

    Args:
        store: an open store.

    Returns:
        Columns ``issuer`` (code, "" when unknown), ``name``, ``level`` ("unknown" when not in the vocabulary)
        and ``citations``.

    Example:
        >>> store = example_store()
        >>> citations_by_issuer(store)[["issuer", "citations"]].values.tolist()
        [['TTg', 2], ['CP', 1]]
        >>> store.close()
    """
    rows = store.conn.execute(
        "SELECT coalesce(d.issuer, ''), coalesce(i.name, d.issuer, ''), coalesce(i.level, 'unknown'), count(*)"
        f" FROM ({_PAIRS}) p JOIN directives d ON d.id = p.directive_id"
        " LEFT JOIN issuers i ON i.code = d.issuer"
        " GROUP BY d.issuer ORDER BY count(*) DESC, d.issuer"
    )
    return _frame(rows, ["issuer", "name", "level", "citations"])


def citations_by_level(store: Store) -> pd.DataFrame:
    """Citations per level of the issuer (central, provincial, party, …), most cited first.

    Args:
        store: an open store.

    Returns:
        Columns ``level`` and ``citations``.

    Example:
        >>> store = example_store()
        >>> int(citations_by_level(store)["citations"].sum())
        3
        >>> store.close()
    """
    rows = store.conn.execute(
        "SELECT coalesce(i.level, 'unknown') AS level, count(*)"
        f" FROM ({_PAIRS}) p JOIN directives d ON d.id = p.directive_id"
        " LEFT JOIN issuers i ON i.code = d.issuer"
        " GROUP BY level ORDER BY count(*) DESC, level"
    )
    return _frame(rows, ["level", "citations"])


def spread(store: Store, query: str) -> pd.DataFrame:
    """How a directive spreads: the articles citing the directives a query names, oldest first.

    Args:
        store: an open store.
        query: a directive as a reader writes it, e.g. "Quyết định 1847/QĐ-TTg" or "QĐ 1847".

    Returns:
        Columns ``directive`` (key), ``date``, ``locality``, ``title``, ``path`` and ``mentions``.

    Raises:
        directive_graph.queries.QueryError: the query names no directive.

    Example:
        >>> store = example_store()
        >>> spread(store, "1847/QĐ-TTg")[["date", "title"]].values.tolist()
        [['2020-06-15', 'Hà Nội triển khai văn hóa công vụ'], ['2021-03-02', 'Đồng Tháp sơ kết']]
        >>> store.close()
    """
    from directive_graph.queries import lookup

    rows = [
        (hit.directive["key"], a["date"], a["locality"], a["title"], a["path"], len(a["mentions"]))
        for hit in lookup(store, query)
        for a in hit.articles
    ]
    frame = _frame(rows, ["directive", "date", "locality", "title", "path", "mentions"])
    return frame.sort_values(["date", "path"], na_position="last", ignore_index=True)


def co_citation(store: Store, top: int = 20) -> pd.DataFrame:
    """Pairs of directives cited in the same article, most shared articles first.

    Args:
        store: an open store.
        top: at most this many pairs.

    Returns:
        Columns ``first``, ``second`` (directive labels), ``articles`` (articles citing both),
        ``first_key`` and ``second_key`` (the directives' keys, in key order).

    Example:
        >>> store = example_store()
        >>> co_citation(store)[["first", "second", "articles"]].values.tolist()
        [['Nghị định 30/NĐ-CP (2020)', 'Quyết định 1847/QĐ-TTg (2018)', 1]]
        >>> store.close()
    """
    from directive_graph.graph import directive_label

    labels = {
        key: directive_label(doc_type, number, symbol, year)
        for key, doc_type, number, symbol, year in store.conn.execute(
            "SELECT key, doc_type, number, symbol, year FROM directives"
        )
    }
    rows = store.conn.execute(
        f"WITH p AS ({_PAIRS}), k AS (SELECT p.article_id, d.key FROM p JOIN directives d ON d.id = p.directive_id)"
        " SELECT x.key, y.key, count(*) FROM k x JOIN k y ON x.article_id = y.article_id AND x.key < y.key"
        " GROUP BY x.key, y.key ORDER BY count(*) DESC, x.key, y.key LIMIT ?",
        (top,),
    )
    pairs = [(labels[a], labels[b], n, a, b) for a, b, n in rows]
    return _frame(pairs, ["first", "second", "articles", "first_key", "second_key"])


def ego_html(store: Store, query: str, radius: int = 1, *, height: int = 600, max_nodes: int = 300) -> str:
    """The report page of the ego graph of the first directive a query names, as an inline ``<iframe>``.

    The page goes in ``srcdoc`` (HTML-escaped), so it renders offline in Jupyter or VS Code with
    ``IPython.display.HTML(ego_html(store, "1847/QĐ-TTg"))``.

    Args:
        store: an open store.
        query: a directive as a reader writes it.
        radius: steps from the directive, in either direction.
        height: the frame's height in pixels.
        max_nodes: draw at most this many nodes.

    Returns:
        One ``<iframe srcdoc="…">`` element.

    Raises:
        directive_graph.queries.QueryError: the query names no directive, or none the store's articles cite.

    Example:
        >>> store = example_store()
        >>> frame = ego_html(store, "QĐ 1847")
        >>> frame.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;'), "Quyết định 1847/QĐ-TTg" in frame
        (True, True)
        >>> store.close()
    """
    from directive_graph.graph import build_graph, directive_label, ego
    from directive_graph.queries import QueryError, find_directives
    from directive_graph.report import generate_report

    found = find_directives(store, query)
    if not found:
        raise QueryError(f"no article in the store cites {query!r}")
    d = found[0]
    sub = ego(build_graph(store), f"d:{d['key']}", radius=radius)
    label = directive_label(d["type"], d["number"], d["symbol"], d["year"])
    page = generate_report(sub, max_nodes=max_nodes, title=f"{label}: ego graph (radius {radius})")
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" title="{html.escape(label, quote=True)}"'
        f' style="width: 100%; height: {height}px; border: 0"></iframe>'
    )
