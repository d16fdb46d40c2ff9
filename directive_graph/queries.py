"""Questions asked of the store: who cites a directive, the most cited, counts.

These only read the store; they never import networkx, pyvis or pandas, so
the commands built on them start fast.

Example:
    >>> import tempfile, pathlib
    >>> from directive_graph.build import build
    >>> from directive_graph.store import Store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Tin\\n\\nQuyết định số 1847/QĐ-TTg năm 2018", encoding="utf-8")
    >>> with Store.open(str(folder / "t.db"), create=True) as store:
    ...     _ = build(store, [str(folder)], jobs=1)
    ...     [hit.directive["symbol"] for hit in lookup(store, "QĐ 1847")]
    ['QĐ-TTg']
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from directive_graph.normalize import number_key
from directive_graph.store import Store

DIRECTIVE_COLUMNS = "d.id, d.key, d.doc_type, d.number, d.symbol, d.year, d.issuer, d.jurisdiction"


class QueryError(Exception):
    """A query that names no directive; the message says what to do."""


@dataclass
class Hit:
    """One directive and the articles that cite it, newest first."""

    directive: dict[str, Any]
    articles: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The ``lookup --json`` object."""
        return {"directive": {k: v for k, v in self.directive.items() if k != "id"}, "articles": self.articles}


def _directive(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    keys = ("id", "key", "type", "number", "symbol", "year", "issuer", "jurisdiction")
    return dict(zip(keys, row, strict=True))


def parse_query(query: str) -> tuple[str | None, str, str | None, int | None]:
    """(type, number key, symbol, year) of a query, read by the same extractor as the texts.

    Only the extractor's first stage runs (no pydantic model is built), so a cold ``lookup`` starts fast.

    Example:
        >>> parse_query("quyet dinh 1847/QD-TTg")
        ('Quyết định', '1847', 'QĐ-TTg', None)
        >>> parse_query("1847")
        (None, '1847', None, None)
        >>> parse_query("quyết định 1847"), parse_query("qd 1847/qd-ttg")
        (('Quyết định', '1847', None, None), ('Quyết định', '1847', 'QĐ-TTg', None))
    """
    from directive_graph.extract import first_mention

    # a query names a document, never the verb: "quyết định 1847" is read as "Quyết định 1847", "qd 1847"
    # as "QD 1847"; the reading that finds a symbol wins ("nghi quyet 18-nq/tw" as "NGHI QUYET 18-NQ/TW")
    stripped = query.strip()
    found = None
    for reading in (stripped, stripped[:1].upper() + stripped[1:], stripped.upper()):
        mention = first_mention(reading)
        if mention is not None and (mention[2] or found is None):
            found = mention
            if mention[2]:
                break  # a reading with a symbol: the later ones are not needed
    if found is not None:
        return found
    bare = query.strip()
    if bare.isdigit() and 0 < len(bare) <= 6:
        return None, number_key(bare), None, None
    examples = '"Quyết định 1847/QĐ-TTg", "1847/QĐ-TTg" or "QĐ 1847"'
    raise QueryError(f"{query!r} names no directive; try e.g. {examples}")


def find_directives(store: Store, query: str) -> list[dict[str, Any]]:
    """The directives a query matches (and some article cites): same number; type, symbol, year where given."""
    doc_type, number, symbol, year = parse_query(query)
    sql = (
        f"SELECT {DIRECTIVE_COLUMNS} FROM directives d WHERE d.number_key = ?"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.directive_id = d.id)"
    )
    args: list[Any] = [number]
    if doc_type:  # or a narrower type its symbol keyed it by: "Thông tư 69/2011/TTLT-BTC-BTP"
        sql += " AND (d.doc_type = ? OR d.doc_type LIKE ? || ' %')"
        args += [doc_type, doc_type]
    if symbol:
        sql += " AND d.symbol IS NOT NULL"
    if year:
        sql += " AND d.year = ?"
        args.append(year)
    found = [_directive(r) for r in store.conn.execute(sql + " ORDER BY d.year DESC, d.key", args)]
    if symbol:  # compared as keys compare it: "193/2025/QH15" is the Nghị quyết "193/2025/NQ-QH15"
        from directive_graph.symbols import key_symbol

        found = [
            d for d in found
            if d["key"].split("|")[2].replace("TƯ", "TW") == key_symbol(symbol, d["type"], "TW")  # a Tỉnh ủy's "TƯ" too
        ]  # fmt: skip
    return found


def citing_articles(store: Store, directive_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """The articles citing a directive, newest first, each with its mentions."""
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.published, a.source, a.locality,"
        " (SELECT min(s.path) FROM sources s WHERE s.article_id = a.id),"
        " m.text, m.start, m.end, m.sentence, m.link || CASE m.role WHEN 'own' THEN ', its own number' ELSE '' END"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.directive_id = ? ORDER BY a.published IS NULL, a.published DESC, a.id, m.ord",
        (directive_id,),
    )
    articles: dict[int, dict[str, Any]] = {}
    for aid, title, date, source, locality, path, text, start, end, sentence, link in rows:
        if aid not in articles:
            if limit is not None and len(articles) >= limit:
                break
            articles[aid] = {
                "path": path, "title": title, "date": date, "source": source, "locality": locality, "mentions": [],
            }  # fmt: skip
        articles[aid]["mentions"].append({"text": text, "start": start, "end": end, "sentence": sentence, "link": link})
    return list(articles.values())


def lookup(store: Store, query: str, limit: int | None = None) -> list[Hit]:
    """Every directive the query matches, each with the articles citing it."""
    return [Hit(d, citing_articles(store, d["id"], limit)) for d in find_directives(store, query)]


def suggest(store: Store, query: str, count: int = 5) -> list[dict[str, Any]]:
    """The most-cited directives that share the query's number or symbol: what the user may have meant."""
    try:
        _, number, symbol, _ = parse_query(query)
    except QueryError:
        return []
    rows = store.conn.execute(
        f"SELECT {DIRECTIVE_COLUMNS}, count(m.id) AS n FROM directives d JOIN mentions m ON m.directive_id = d.id"
        " WHERE d.number_key = ? OR (? IS NOT NULL AND upper(d.symbol) = upper(?))"
        " GROUP BY d.id ORDER BY n DESC, d.key LIMIT ?",
        (number, symbol, symbol, count),
    )
    return [_directive(r[:-1]) | {"citations": r[-1]} for r in rows]


def top_directives(
    store: Store,
    *,
    doc_type: str | None = None,
    issuer: str | None = None,
    year: int | None = None,
    top: int = 20,
) -> list[dict[str, Any]]:
    """The most-cited directives, with how many mentions and articles cite each."""
    sql = (
        f"SELECT {DIRECTIVE_COLUMNS}, count(m.id), count(DISTINCT m.article_id)"
        " FROM directives d JOIN mentions m ON m.directive_id = d.id WHERE 1 = 1"
    )
    args: list[Any] = []
    for column, value in (("d.doc_type", doc_type), ("d.issuer", issuer), ("d.year", year)):
        if value is not None:
            sql += f" AND {column} = ?"
            args.append(value)
    sql += " GROUP BY d.id ORDER BY count(DISTINCT m.article_id) DESC, count(m.id) DESC, d.key LIMIT ?"
    rows = store.conn.execute(sql, [*args, top])
    return [_directive(r[:-2]) | {"mentions": r[-2], "articles": r[-1]} for r in rows]


def stats(store: Store) -> dict[str, Any]:
    """Counts of the corpus, and mentions by type, issuer and year."""
    conn = store.conn

    def grouped(column: str) -> list[dict[str, Any]]:
        rows = conn.execute(
            f"SELECT {column}, count(*) FROM mentions GROUP BY {column} ORDER BY count(*) DESC, {column}"
        )
        return [{"value": value, "mentions": n} for value, n in rows]

    return {
        **store.counts(),
        "files": conn.execute("SELECT count(*) FROM files").fetchone()[0],
        "by_type": grouped("doc_type"),
        "by_issuer": grouped("issuer"),
        "by_year": grouped("year"),
    }
