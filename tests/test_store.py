"""The store: build, incremental rebuilds, lookups, and interrupted builds."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from directive_graph.build import build
from directive_graph.queries import QueryError, find_directives, lookup, stats, suggest, top_directives
from directive_graph.store import SCHEMA_VERSION, Store, StoreError

from .conftest import DATA, ROOT


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(DATA / "articles", folder)
    return folder


def _built(tmp_path: Path, corpus: Path, jobs: int = 1) -> Store:
    store = Store.open(str(tmp_path / "t.db"), create=True)
    build(store, [str(corpus)], jobs=jobs)
    return store


def _snapshot(db: Path) -> tuple[set[str], list[tuple[object, ...]]]:
    """What a store holds, independent of row ids: article hashes and every mention with its directive key."""
    with sqlite3.connect(db) as conn:
        hashes = {h for (h,) in conn.execute("SELECT text_hash FROM articles")}
        mentions = sorted(
            conn.execute(
                "SELECT a.text_hash, m.start, m.end, m.text, m.form, d.key FROM mentions m"
                " JOIN articles a ON a.id = m.article_id LEFT JOIN directives d ON d.id = m.directive_id"
            )
        )
    return hashes, mentions


def test_build_counts_and_lookup(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        counts = store.counts()
        assert counts["articles"] == 12 and counts["sources"] == 12
        assert counts["mentions"] == 153 + 2  # the gold mentions plus two ignorable ones (plenum, UN)
        hits = lookup(store, "Quyết định 1847/QĐ-TTg")
        assert {h.directive["symbol"] for h in hits} == {"QĐ-TTg"}
        cited_by = {Path(a["path"]).name for h in hits for a in h.articles}
        assert len(cited_by) >= 5
        assert all(m["sentence"] for h in hits for a in h.articles for m in a["mentions"])


def test_two_provinces_decisions_with_one_number_stay_apart(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        found = find_directives(store, "1043/QĐ-UBND")
        assert len({d["jurisdiction"] for d in found}) >= 2, found


def test_query_forms_all_find_the_same_directive(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        keys = [
            {d["key"] for d in find_directives(store, q)}
            for q in (
                "Quyết định 1847/QĐ-TTg",
                "1847/QĐ-TTg",
                "quyet dinh 1847/QD-TTg",
                "QUYẾT ĐỊNH SỐ 1847/QĐ-TTG",
                "quyết định 1847/qđ-ttg",
            )
        ]
        assert keys[0] and all(k == keys[0] for k in keys)
        for short in ("QĐ 1847", "qd 1847", "quyết định 1847"):  # lower case: a query is never the verb
            assert keys[0] <= {d["key"] for d in find_directives(store, short)}, short


def test_not_a_directive_and_suggestions(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        with pytest.raises(QueryError):
            lookup(store, "văn hóa công vụ")
        assert lookup(store, "Quyết định 1847/QĐ-BNV") == []
        assert "QĐ-TTg" in {d["symbol"] for d in suggest(store, "Quyết định 1847/QĐ-BNV")}


def test_list_and_stats(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        top = top_directives(store, top=3)
        assert top[0]["symbol"] == "QĐ-TTg" and top[0]["number"] == "1847"
        assert [r["articles"] for r in top] == sorted((r["articles"] for r in top), reverse=True)
        assert all(r["issuer"] == "TTg" for r in top_directives(store, issuer="TTg"))
        summary = stats(store)
        assert summary["articles"] == 12 and summary["files"] == 12
        assert sum(r["mentions"] for r in summary["by_type"]) == summary["mentions"]


def test_incremental_rebuild_skips_unchanged_and_rereads_changed(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        before = _snapshot(tmp_path / "t.db")
        again = build(store, [str(corpus)], jobs=1)
        assert (again.files_unchanged, again.files_built, again.articles_added) == (12, 0, 0)
        assert _snapshot(tmp_path / "t.db") == before
        target = sorted(corpus.glob("*.txt"))[0]
        target.write_text(target.read_text(encoding="utf-8") + "\nSau đó, Chỉ thị số 07/CT-UBND được ban hành.\n")
        changed = build(store, [str(corpus)], jobs=1)
        assert (changed.files_built, changed.articles_added) == (1, 1)
        assert store.counts()["articles"] == 12  # the old text of that file is gone
        assert find_directives(store, "07/CT-UBND")


def test_prune_drops_vanished_files_only_when_asked(tmp_path: Path, corpus: Path) -> None:
    with _built(tmp_path, corpus) as store:
        sorted(corpus.glob("*.txt"))[0].unlink()
        build(store, [str(corpus)], jobs=1)
        assert store.counts()["articles"] == 12
        assert build(store, [str(corpus)], jobs=1, prune=True).files_pruned == 1
        assert store.counts()["articles"] == 11


def test_the_same_article_twice_is_stored_once_with_both_paths(tmp_path: Path, corpus: Path) -> None:
    first = sorted(corpus.glob("*.txt"))[0]
    (corpus / "copy.md").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    with _built(tmp_path, corpus) as store:
        assert store.counts()["articles"] == 12 and store.counts()["sources"] == 13
        paths = store.conn.execute(
            "SELECT count(*) FROM sources GROUP BY article_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        assert paths == (2,)


def test_parallel_build_equals_serial_build(tmp_path: Path, corpus: Path) -> None:
    serial, parallel = tmp_path / "s", tmp_path / "p"
    serial.mkdir()
    parallel.mkdir()
    _built(serial, corpus, jobs=1).close()
    _built(parallel, corpus, jobs=2).close()
    assert _snapshot(serial / "t.db") == _snapshot(parallel / "t.db")


def test_store_checks_what_it_opens(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="is not a directive-graph store"):
        Store.open(str(junk))
    assert junk.read_bytes() == b"not a database at all" * 100  # untouched
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.commit()
    with pytest.raises(StoreError, match="is not a directive-graph store"):
        Store.open(str(other))
    newer = tmp_path / "newer.db"
    Store.open(str(newer), create=True).close()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer directive-graph"):
        Store.open(str(newer))
    older = tmp_path / "older.db"
    Store.open(str(older), create=True).close()
    with sqlite3.connect(older) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    with pytest.raises(StoreError, match="older directive-graph"):
        Store.open(str(older))
    with pytest.raises(StoreError, match="no store at"):
        Store.open(str(tmp_path / "missing.db"))


def test_a_locked_store_is_reported(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "t.db"
    Store.open(str(db), create=True).close()
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(str(db)) as store, pytest.raises(StoreError, match="locked by another writer"):
            build(store, [str(corpus)], jobs=1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _many_files(folder: Path, count: int) -> None:
    texts = sorted((DATA / "articles").glob("*.txt"))
    folder.mkdir()
    for i in range(count):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        (folder / f"{i:04d}.txt").write_text(
            f"Bản tin số {i}\n\n{body}\nKế hoạch số {i + 1}/KH-UBND.", encoding="utf-8"
        )


def test_a_build_killed_mid_way_then_rerun_equals_an_uninterrupted_build(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    _many_files(corpus, 240)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    command = [sys.executable, "-m", "directive_graph", "build", str(corpus), "--jobs", "1", "--db"]
    subprocess.run([*command, str(whole)], check=True, capture_output=True, cwd=ROOT)
    process = subprocess.Popen([*command, str(killed)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    written = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1) as conn:
                written = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if written >= 20:
            process.send_signal(signal.SIGKILL)
            break
    process.wait()
    assert written >= 20, "the build finished before it could be killed; make the corpus larger"
    with sqlite3.connect(killed) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < 240
    subprocess.run([*command, str(killed)], check=True, capture_output=True, cwd=ROOT)
    assert _snapshot(killed) == _snapshot(whole)


def test_text_hash_folds_spaces_as_split_and_join() -> None:
    """The fast path of fold_spaces holds: every whitespace character but " " is not printable."""
    import sys

    from directive_graph.corpus import fold_spaces

    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c != " "]
    assert spaces and not any(c.isprintable() for c in spaces)
    for text in ("", " ", "a", " a  b\n\nc ", "a\tb", "a\u00a0 b", "\n\n", "x\u2028y  z", "a \n b\r\n", "  Tin  mới  "):
        assert fold_spaces(text) == " ".join(text.split())


def _rows(db: Path) -> list[list[tuple[object, ...]]]:
    """Every row of every table, row ids included (the build time of files left out)."""
    with sqlite3.connect(db) as conn:
        tables = ["articles", "sources", "directives", "mentions", "relations", "named", "issuers"]
        rows = [list(conn.execute(f"SELECT * FROM {table} ORDER BY 1")) for table in tables]
        rows.append(list(conn.execute("SELECT path, content_hash, size FROM files ORDER BY 1")))
    return rows


def test_chunked_parallel_build_equals_serial_build_row_for_row(tmp_path: Path, corpus: Path) -> None:
    """Many files per worker task, duplicates and a file of records: the same rows, the same ids."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    for i in range(30):
        (corpus / f"more{i:02}.txt").write_text(texts[i % len(texts)] + f"\n\nTin {i}.", encoding="utf-8")
    records = [{"id": i, "title": f"Bài {i}", "text": texts[i] + "\n\nBản tin."} for i in range(4)]
    records.append({"id": 9, "text": texts[0]})  # the same text as a file of the corpus
    (corpus / "feed.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    serial, parallel = tmp_path / "s", tmp_path / "p"
    serial.mkdir()
    parallel.mkdir()
    _built(serial, corpus, jobs=1).close()
    with _built(parallel, corpus, jobs=2) as store:
        assert _rows(serial / "t.db") == _rows(parallel / "t.db")
        (corpus / "feed.jsonl").write_text("\n".join(map(json.dumps, records[1:3])), encoding="utf-8")
        again = build(store, [str(corpus)], jobs=2)
        assert (again.files_built, again.articles_added) == (1, 0)
        sources = {p for (p,) in store.conn.execute("SELECT path FROM sources WHERE file LIKE '%feed.jsonl'")}
        assert sources == {f"{corpus / 'feed.jsonl'}#{i}" for i in (1, 2)}
        assert store.counts()["articles"] == 12 + 30 + 4 - 2  # records 0 and 3 were only in the feed


def test_a_rebuild_after_the_inferred_documents_article_changes_keeps_working(tmp_path: Path) -> None:
    """An undated mention inferred to a document whose only article then changes: the rebuild must not
    leave that mention pointing at a directive it deletes (a foreign-key failure on every later build)."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Tin một\n\nThực hiện Quyết định số 1847/QĐ-TTg ngày 27/12/2018.", encoding="utf-8")
    (folder / "b.txt").write_text("Tin hai\n\nCác sở triển khai Quyết định 1847/QĐ-TTg.", encoding="utf-8")
    with Store.open(str(tmp_path / "t.db"), create=True) as store:
        build(store, [str(folder)], jobs=1)
        (folder / "a.txt").write_text("Tin một\n\nBài đã sửa, không còn văn bản nào.", encoding="utf-8")
        for _ in range(2):
            summary = build(store, [str(folder)], jobs=1)
        assert (summary.articles, summary.mentions) == (2, 1)
