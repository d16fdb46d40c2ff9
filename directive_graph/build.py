"""Build the store from a corpus: incremental, parallel, safe to interrupt.

Files whose content hash is unchanged are skipped; changed ones are read and
extracted again (in worker processes), and each article is written in its own
transaction, so Ctrl-C or ``kill -9`` leaves a consistent store and a rerun
finishes the job. A file's hash is recorded only once all its articles are in.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Tin\\n\\nTheo Chỉ thị 19 của Thành ủy.", encoding="utf-8")
    >>> with Store.open(str(folder / "t.db"), create=True) as store:
    ...     summary = build(store, [str(folder)], jobs=1)
    >>> summary.articles_added, summary.mentions
    (1, 1)
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, cast

from directive_graph.corpus import Document, ReadError, content_hash, discover, read_file, text_hash
from directive_graph.identity import directive_key
from directive_graph.named import Named, find_named
from directive_graph.normalize import directive_symbol, number_key
from directive_graph.relations import find_relations, own_number
from directive_graph.resolve import extract_references
from directive_graph.store import Store, infer_links, undo_inferences
from directive_graph.vocab import load_vocab

_CHUNK = 32  # files per worker task


@dataclass
class BuildSummary:
    """What a build did."""

    files_seen: int = 0
    files_unchanged: int = 0
    files_built: int = 0
    articles_added: int = 0
    articles_duplicate: int = 0
    files_pruned: int = 0
    articles: int = 0
    mentions: int = 0
    directives: int = 0
    skipped: list[ReadError] = field(default_factory=list)


# What a worker sends back, as the rows the writer stores: plain tuples pickle fast.
# A mention row lacks its article and directive ids; its directive row is None for a foreign body.
_MentionRow = tuple[Any, ...]
_DirectiveRow = tuple[str, str | None, str, str, str | None, int | None, str | None, str]
_NamedRow = tuple[int, int, str, str, str, int | None, str, int | None]


class _Article(NamedTuple):
    path: str
    text_hash: str
    row: tuple[Any, ...]  # the columns of ``articles`` after ``text_hash``
    mentions: list[_MentionRow]
    directives: list[_DirectiveRow | None]
    relations: list[tuple[int, int, str, str]]
    named: list[_NamedRow]


class _FileResult(NamedTuple):
    path: str
    content_hash: str
    size: int
    articles: list[_Article]


def _in_chrome(start: int, chrome: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= start < hi for lo, hi in chrome)


def mention_rows(
    doc: Document, article: str | None = None
) -> tuple[list[dict[str, Any]], list[tuple[int, int, str, str]], list[Named]]:
    """The stored rows of every reference in ``doc`` (chrome left out), their relations, and named documents.

    ``article`` (the text's hash) keys the mentions that state only a type and a number to this article.
    """
    refs = [ref for ref in extract_references(doc.text) if not _in_chrome(ref.start, doc.chrome)]
    own = own_number(doc.text, refs)
    relations = [(r.source, r.target, r.kind, r.cue) for r in find_relations(doc.text, refs)]
    named = [n for n in find_named(doc.text, refs) if not _in_chrome(n.start, doc.chrome)]
    rows = []
    for index, ref in enumerate(refs):
        key = directive_key(ref, doc.locality, article)
        rows.append(
            {
                "start": ref.start, "end": ref.end, "text": ref.text, "form": ref.form.value,
                "doc_type": ref.doc_type, "number": ref.number, "symbol": ref.symbol, "year": ref.year,
                "issuer": ref.issuer, "issuer_text": ref.issuer_text, "antecedent": ref.antecedent,
                "link": key.link, "foreign_body": int(ref.foreign), "sentence": ref.sentence,
                "key": None if ref.foreign else key.key, "jurisdiction": key.jurisdiction, "key_type": key.doc_type,
                "role": "own" if index == own else "cites",
            }
        )  # fmt: skip
    return rows, relations, named


def _article(doc: Document) -> _Article:
    """One document as the rows the writer stores."""
    digest = text_hash(doc.text)
    rows, relations, named = mention_rows(doc, digest)
    mentions: list[_MentionRow] = []
    directives: list[_DirectiveRow | None] = []
    for i, m in enumerate(rows):
        mentions.append(
            (i, m["start"], m["end"], m["text"], m["form"], m["doc_type"], m["number"], m["symbol"], m["year"],
             m["issuer"], m["issuer_text"], m["antecedent"], m["link"], m["foreign_body"], m["sentence"], m["key"],
             m["link"], m["role"])
        )  # fmt: skip
        key = m["key"]
        directives.append(
            None if key is None else
            (key, m["key_type"], m["number"], number_key(m["number"]),
             m["symbol"] and directive_symbol(m["symbol"], m["issuer"]), m["year"], m["issuer"],
             m["jurisdiction"])
        )  # fmt: skip
    row = (doc.title, doc.published.isoformat() if doc.published else None, doc.source, doc.author, doc.url,
           doc.locality, doc.encoding, doc.format, len(doc.text), doc.text)  # fmt: skip
    named_rows = [(n.start, n.end, n.text, n.doc_type, n.name, n.year, n.key, n.attached_to) for n in named]
    return _Article(doc.path, digest, row, mentions, directives, relations, named_rows)


def _process(path: str) -> _FileResult | ReadError:
    """Read and extract one file (runs in a worker process)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return ReadError(path, f"cannot read {path}: {exc.strerror or exc}; check its permissions")
    docs = read_file(path, data)
    if isinstance(docs, ReadError):
        return docs
    return _FileResult(path, content_hash(data), len(data), [_article(doc) for doc in docs])


def _process_chunk(paths: list[str]) -> list[_FileResult | ReadError]:
    """Read and extract a few files (runs in a worker process: one task, one round trip)."""
    return [_process(path) for path in paths]


class _Writer:
    """Writes results into the store, one transaction per article."""

    def __init__(self, store: Store, summary: BuildSummary) -> None:
        self.store = store
        self.summary = summary
        self.directive_ids: dict[str, int] = {}
        # the files some source row points at (an earlier build, or an interrupted one): only those
        # can have records to forget when they are built again
        self.known_files = {f for (f,) in store.conn.execute("SELECT DISTINCT file FROM sources")}

    def _directive_id(self, row: _DirectiveRow | None) -> int | None:
        if row is None:
            return None
        key = row[0]
        found = self.directive_ids.get(key)
        if found is None:
            conn = self.store.conn
            cursor = conn.execute(
                "INSERT OR IGNORE INTO directives(key, doc_type, number, number_key, symbol, year, issuer,"
                " jurisdiction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            if cursor.rowcount == 1:
                found = cast(int, cursor.lastrowid)
            else:
                found = conn.execute("SELECT id FROM directives WHERE key = ?", (key,)).fetchone()[0]
            self.directive_ids[key] = found
        return found

    def _insert(self, article: _Article) -> int:
        """Store one article's rows (in the caller's transaction); returns its id."""
        conn = self.store.conn
        cursor = conn.execute(
            "INSERT OR IGNORE INTO articles(text_hash, title, published, source, author, url, locality, encoding,"
            " format, chars, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.text_hash, *article.row),
        )
        if cursor.rowcount != 1:
            self.summary.articles_duplicate += 1
            found = conn.execute("SELECT id FROM articles WHERE text_hash = ?", (article.text_hash,)).fetchone()
            return cast(int, found[0])
        article_id = cast(int, cursor.lastrowid)
        if article.mentions:
            conn.executemany(
                "INSERT INTO mentions(article_id, directive_id, ord, start, end, text, form, doc_type, number,"
                " symbol, year, issuer, issuer_text, antecedent, link, foreign_body, sentence, stated_key,"
                " stated_link, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, self._directive_id(d), *m)
                    for m, d in zip(article.mentions, article.directives, strict=True)
                ],
            )  # fmt: skip
        if article.relations:
            conn.executemany(
                "INSERT INTO relations(article_id, source_ord, target_ord, kind, cue) VALUES (?, ?, ?, ?, ?)",
                [(article_id, *relation) for relation in article.relations],
            )
        if article.named:
            conn.executemany(
                "INSERT INTO named(article_id, start, end, text, doc_type, name, year, key, attached_ord)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(article_id, *n) for n in article.named],
            )
        self.summary.articles_added += 1
        return article_id

    def write(self, result: _FileResult) -> None:
        """Store a file's articles, each in its own transaction; the last one also records the file."""
        conn = self.store.conn
        known = result.path in self.known_files
        before: set[int] = set()
        if known:
            before = {a for (a,) in conn.execute("SELECT article_id FROM sources WHERE file = ?", (result.path,))}
        kept: list[str] = []
        last = len(result.articles) - 1
        for index, article in enumerate(result.articles):
            with self.store.transaction():
                article_id = self._insert(article)
                conn.execute(
                    "INSERT OR REPLACE INTO sources(path, file, article_id) VALUES (?, ?, ?)",
                    (article.path, result.path, article_id),
                )
                kept.append(article.path)
                if index == last:
                    self._record(result, kept, before, known)
        if last < 0:
            with self.store.transaction():
                self._record(result, kept, before, known)
        self.known_files.add(result.path)

    def _record(self, result: _FileResult, kept: list[str], before: set[int], known: bool) -> None:
        """Record a file as built, once all its articles are in (in the caller's transaction)."""
        if known:
            self._drop_sources(result.path, kept, before)
        self.store.conn.execute(
            "INSERT OR REPLACE INTO files(path, content_hash, size, built_at) VALUES (?, ?, ?, ?)",
            (result.path, result.content_hash, result.size, dt.datetime.now().isoformat(timespec="seconds")),
        )

    def _drop_sources(self, file: str, kept: list[str], before: set[int]) -> None:
        """Forget the records a file no longer holds, and the articles nothing points at any more.

        ``before`` holds the articles the file pointed at before this build: a changed text leaves
        its old article behind, and it goes once no other file points at it.
        """
        conn = self.store.conn
        keep = set(kept)
        stale = [p for (p,) in conn.execute("SELECT path FROM sources WHERE file = ?", (file,)) if p not in keep]
        conn.executemany("DELETE FROM sources WHERE path = ?", [(p,) for p in stale])
        conn.executemany(
            "DELETE FROM articles WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = ?)",
            [(a, a) for a in sorted(before)],
        )

    def prune(self) -> int:
        """Drop the files that no longer exist on disk."""
        gone = [p for (p,) in self.store.conn.execute("SELECT path FROM files") if not Path(p).exists()]
        for path in gone:
            with self.store.transaction():
                rows = self.store.conn.execute("SELECT article_id FROM sources WHERE file = ?", (path,))
                before = {a for (a,) in rows}
                self._drop_sources(path, [], before)
                self.store.conn.execute("DELETE FROM files WHERE path = ?", (path,))
        return len(gone)

    def finish(self) -> None:
        with self.store.transaction() as conn:
            undo_inferences(conn)  # first, so no mention points at a directive about to go
            conn.execute("DELETE FROM directives WHERE key NOT IN (SELECT stated_key FROM mentions"
                         " WHERE stated_key IS NOT NULL)")  # fmt: skip
            infer_links(conn)
            conn.executemany(
                "INSERT OR REPLACE INTO issuers(code, name, level) VALUES (?, ?, ?)",
                [(i.code, i.name, i.level.value) for i in load_vocab().issuers.values()],
            )


def _changed(store: Store, paths: Iterable[str | ReadError], summary: BuildSummary) -> list[str]:
    stored = dict(store.conn.execute("SELECT path, content_hash FROM files"))
    todo = []
    for item in paths:
        if isinstance(item, ReadError):
            summary.skipped.append(item)
            continue
        summary.files_seen += 1
        if item not in stored:  # a new file: its worker hashes it as it reads it
            todo.append(item)
            continue
        try:
            with open(item, "rb") as handle:
                digest = content_hash(handle.read())
        except OSError as exc:
            summary.skipped.append(ReadError(item, f"cannot read {item}: {exc.strerror or exc}"))
            continue
        if stored.get(item) == digest:
            summary.files_unchanged += 1
        else:
            todo.append(item)
    return todo


def _warm_up() -> None:
    """Compile the patterns and load the tables once, before workers fork and inherit them."""
    from directive_graph.clean import chrome_spans
    from directive_graph.locality import detect_locality
    from directive_graph.metadata import read_metadata
    from directive_graph.patterns import compiled

    compiled()
    text = "Tin\n\nTheo Luật Đất đai 2013 và Quyết định số 1/QĐ-TTg, UBND tỉnh An Giang ban hành kế hoạch."
    read_metadata(text)
    detect_locality(text)
    chrome_spans(text)
    find_named(text, extract_references(text))


def _results(todo: list[str], jobs: int) -> Iterator[_FileResult | ReadError]:
    if jobs <= 1 or len(todo) <= 1:
        yield from map(_process, todo)
        return
    _warm_up()
    # Files go to the workers a few at a time (one round trip per chunk, not per file), in a
    # bounded window: results are written as they come, in order, and never pile up in memory
    # when the writer is slower than the workers.
    size = max(1, min(_CHUNK, len(todo) // (jobs * 4)))
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
    window = jobs * 4
    gc.freeze()  # the workers' collector leaves what they inherit alone: no scans, no copied pages
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: deque[Future[list[_FileResult | ReadError]]] = deque()
            for chunk in chunks:
                pending.append(pool.submit(_process_chunk, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        gc.unfreeze()  # this process collects as before


def build(
    store: Store,
    paths: Iterable[str],
    *,
    jobs: int | None = None,
    prune: bool = False,
    on_file: Callable[[int, int, int], None] | None = None,
) -> BuildSummary:
    """Bring the store up to date with the files under ``paths``.

    Args:
        store: an open, writable store.
        paths: files and folders.
        jobs: worker processes (default: every core).
        prune: also drop files that no longer exist.
        on_file: called after each file with (files done, files to do, articles added so far).
    """
    summary = BuildSummary()
    writer = _Writer(store, summary)
    todo = _changed(store, discover(paths), summary)
    for done, result in enumerate(_results(todo, jobs or os.cpu_count() or 1), start=1):
        if isinstance(result, ReadError):
            summary.skipped.append(result)
        else:
            writer.write(result)
            summary.files_built += 1
        if on_file is not None:
            on_file(done, len(todo), summary.articles_added)
    if prune:
        summary.files_pruned = writer.prune()
    writer.finish()
    counts = store.counts()
    summary.articles, summary.mentions, summary.directives = (
        counts["articles"],
        counts["mentions"],
        counts["directives"],
    )
    return summary
