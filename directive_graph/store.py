"""The embedded store: SQLite (stdlib), one file, safe to interrupt.

Tables: ``articles`` (one row per distinct normalised text), ``sources`` (every
path or record an article came from), ``files`` (content hashes for
incremental builds), ``directives`` (one row per directive key), ``mentions``
(one row per reference, with its span and sentence) and ``issuers``. "Who
cites X" is an index lookup on ``mentions(directive_id)``.

Opening checks that the file is a directive-graph store of a schema this
version understands, and never changes a file that is not.

Example:
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "t.db")
    >>> with Store.open(path, create=True) as store:
    ...     store.counts()["articles"]
    0
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

SCHEMA_VERSION = 4  # 4: directive keys compare symbols without a type code that repeats the type
APPLICATION_ID = 0x44475231  # "DGR1": marks the file as a directive-graph store
DEFAULT_DB = "directive-graph.db"

SCHEMA = """
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    text_hash TEXT NOT NULL UNIQUE,
    title TEXT, published TEXT, source TEXT, author TEXT, url TEXT, locality TEXT,
    encoding TEXT, format TEXT, chars INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE sources(
    path TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX sources_article ON sources(article_id);
CREATE INDEX sources_file ON sources(file);
CREATE TABLE files(path TEXT PRIMARY KEY, content_hash TEXT NOT NULL, size INTEGER NOT NULL, built_at TEXT NOT NULL);
CREATE TABLE directives(
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    doc_type TEXT, number TEXT NOT NULL, number_key TEXT NOT NULL, symbol TEXT, year INTEGER,
    issuer TEXT, jurisdiction TEXT NOT NULL
);
CREATE INDEX directives_number ON directives(number_key, doc_type);
CREATE INDEX directives_symbol ON directives(symbol);
CREATE TABLE mentions(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    directive_id INTEGER REFERENCES directives(id),
    ord INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    form TEXT NOT NULL, doc_type TEXT, number TEXT NOT NULL, symbol TEXT, year INTEGER,
    issuer TEXT, issuer_text TEXT, antecedent INTEGER, link TEXT NOT NULL,
    foreign_body INTEGER NOT NULL, sentence TEXT NOT NULL,
    stated_key TEXT, stated_link TEXT NOT NULL, role TEXT NOT NULL
);
CREATE INDEX mentions_directive ON mentions(directive_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_stated ON mentions(stated_key);
CREATE TABLE relations(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_ord INTEGER NOT NULL, target_ord INTEGER NOT NULL, kind TEXT NOT NULL, cue TEXT NOT NULL
);
CREATE INDEX relations_article ON relations(article_id);
CREATE TABLE named(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    doc_type TEXT NOT NULL, name TEXT NOT NULL, year INTEGER, key TEXT NOT NULL, attached_ord INTEGER
);
CREATE INDEX named_article ON named(article_id);
CREATE INDEX named_key ON named(key);
CREATE TABLE issuers(code TEXT PRIMARY KEY, name TEXT NOT NULL, level TEXT NOT NULL);
"""


class StoreError(Exception):
    """A store that cannot be used; the message is one line that says what to do."""


def default_db() -> str:
    """``$DIRECTIVE_GRAPH_DB``, else ``directive-graph.db`` in the working directory."""
    return os.environ.get("DIRECTIVE_GRAPH_DB") or DEFAULT_DB


class Store:
    """An open store. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str, *, create: bool = False, readonly: bool = False) -> Store:
        """Open (or, with ``create``, make) the store at ``path``, checking what it is."""
        exists = Path(path).is_file()
        if not exists and not create:
            raise StoreError(f"no store at {path}; run `directive-graph build PATH --db {path}` first")
        if exists and Path(path).stat().st_size == 0 and not readonly:
            exists = False  # an empty file, e.g. from mktemp: a new store
        try:
            if readonly:
                conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, timeout=5)
            else:
                conn = sqlite3.connect(path, timeout=5, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}; check the path and its permissions") from None
        store = cls(conn, path)
        try:
            store._check_or_create(exists)
        except sqlite3.DatabaseError:
            conn.close()
            raise StoreError(
                f"{path} is not a directive-graph store; give another --db path or move that file away"
            ) from None
        except StoreError:
            conn.close()
            raise
        return store

    def _check_or_create(self, exists: bool) -> None:
        conn = self.conn
        if exists:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise StoreError(
                    f"{self.path} is not a directive-graph store; give another --db path or move that file away"
                )
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by an older directive-graph (schema {version}, this one reads "
                    f"{SCHEMA_VERSION}); build a new store from the corpus with --db NEW.db"
                )
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer directive-graph (schema {version}, this one reads "
                    f"{SCHEMA_VERSION}); upgrade directive-graph"
                )
        else:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.executescript("BEGIN;" + SCHEMA + f"PRAGMA application_id={APPLICATION_ID};COMMIT;")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("PRAGMA foreign_keys=ON")
        # WAL + NORMAL: a commit is durable against a killed process (kill -9, Ctrl-C) and the file
        # stays consistent on power loss; checkpoints are spaced out, since every article commits.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA wal_autocheckpoint=20000")
        conn.execute("PRAGMA cache_size=-65536")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"store {self.path} is locked by another writer ({exc}); wait for it to finish"
            ) from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def counts(self) -> dict[str, int]:
        """How many articles, sources and mentions the store holds, and how many directives they cite."""
        counts = {
            table: self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "sources", "mentions")
        }
        counts["directives"] = self.conn.execute(
            "SELECT count(DISTINCT directive_id) FROM mentions WHERE directive_id IS NOT NULL"
        ).fetchone()[0]
        return counts


def infer_links(conn: sqlite3.Connection) -> int:
    """Link the mentions that leave out a year or a symbol to the one document of the corpus that fits them.

    First every earlier inference is undone, so the result follows the whole corpus as it is now;
    then :func:`infer_years`, then :func:`infer_symbols`. Returns how many mentions were linked.
    """
    undo_inferences(conn)
    return infer_years(conn) + infer_symbols(conn)


def undo_inferences(conn: sqlite3.Connection) -> None:
    """Point every inferred mention back at the directive its own words name."""
    conn.execute(
        "UPDATE mentions SET directive_id = (SELECT id FROM directives d WHERE d.key = mentions.stated_key),"
        " link = stated_link WHERE link = 'inferred'"
    )


def _key_parts(key: str) -> list[str]:
    """A directive key's fields: type, number, symbol, year or term, jurisdiction[, issuer[, @article]]."""
    return key.split("|")


def infer_years(conn: sqlite3.Connection) -> int:
    """Give a year to the mentions whose symbol carries none, where the corpus allows only one.

    A mention of "1847/QĐ-TTg" with no year is linked to "1847/QĐ-TTg of 2018" when that is the only
    document of that type, number, symbol and jurisdiction with a known year, issued no later than
    the citing article. Run after earlier inferences are undone (:func:`infer_links`). Returns how
    many mentions were linked.
    """
    dated: dict[tuple[str, str, str, str], list[tuple[int, int]]] = {}
    for did, doc_type, number, key, place, year in conn.execute(
        "SELECT id, coalesce(doc_type, ''), number_key, key, jurisdiction, year FROM directives"
        " WHERE symbol IS NOT NULL AND year IS NOT NULL"
    ):
        dated.setdefault((doc_type, number, _key_parts(key)[2], place), []).append((year, did))
    updates = []
    for mid, doc_type, number, key, place, published in conn.execute(
        "SELECT m.id, coalesce(d.doc_type, ''), d.number_key, d.key, d.jurisdiction, a.published"
        " FROM mentions m JOIN directives d ON d.id = m.directive_id JOIN articles a ON a.id = m.article_id"
        " WHERE d.year IS NULL AND d.symbol IS NOT NULL"
    ):
        symbol = _key_parts(key)[2]
        until = int(published[:4]) if published else 9999
        candidates = [did for year, did in dated.get((doc_type, number, symbol, place), []) if year <= until]
        if len(candidates) == 1:
            updates.append((candidates[0], mid))
    conn.executemany("UPDATE mentions SET directive_id = ?, link = 'inferred' WHERE id = ?", updates)
    return len(updates)


def infer_symbols(conn: sqlite3.Connection) -> int:
    """Link the mentions with no symbol to the one document with a symbol that fits them.

    Numbers restart every year and each body numbers its own documents, so a mention is linked only
    when it states its year and its issuer is known, stated ("Chỉ thị 16 của Thủ tướng ngày
    31/3/2020") or the only body that issues its type ("Nghị định 100/2019" is the Chính phủ's): then
    "100/2019/NĐ-CP" is the document when the corpus holds one such (same type, number, year,
    issuer and jurisdiction). "Thông tư 04/2020" (any ministry's) or "Chỉ thị 19 của Thủ tướng" (which
    year?) stay as they are. Returns how many mentions were linked.
    """
    candidates: dict[tuple[str, str, str, int, str], set[int]] = {}
    for did, doc_type, number, place, year, issuer in conn.execute(
        "SELECT id, coalesce(doc_type, ''), number_key, jurisdiction, year, issuer FROM directives"
        " WHERE symbol IS NOT NULL AND year IS NOT NULL AND issuer IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.directive_id = directives.id)"
    ):
        candidates.setdefault((doc_type, number, place, year, issuer), set()).add(did)
    if not candidates:
        return 0
    sole = _sole_issuers()
    updates = []
    for mid, doc_type, number, place, year, issuer in conn.execute(
        "SELECT m.id, coalesce(d.doc_type, ''), d.number_key, d.jurisdiction, d.year, d.issuer"
        " FROM mentions m JOIN directives d ON d.id = m.directive_id"
        " WHERE d.symbol IS NULL AND d.year IS NOT NULL AND m.link != 'inferred'"
    ):
        fits = candidates.get((doc_type, number, place, year, issuer or sole.get(doc_type, "")), set())
        if len(fits) == 1:
            updates.append((next(iter(fits)), mid))
    conn.executemany("UPDATE mentions SET directive_id = ?, link = 'inferred' WHERE id = ?", updates)
    return len(updates)


def _sole_issuers() -> dict[str, str]:
    """The one body issuing each type that only one body issues: {"Nghị định": "CP", "Luật": "QH", …}."""
    from directive_graph.vocab import load_vocab

    return {name: kind.issuer for name, kind in load_vocab().doc_types.items() if kind.issuer}
