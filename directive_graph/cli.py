"""The ``directive-graph`` command: a thin layer over the library.

Each command makes one library call and formats its result. Errors in the
input are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from directive_graph import __version__
from directive_graph.store import DEFAULT_DB, Store, StoreError

# Commands import what they need when they run, so those that only read the
# store (lookup, list, stats) never load the extractor's build-time modules.

app = typer.Typer(
    name="directive-graph",
    help=(
        "Find the Vietnamese legal and administrative documents a corpus cites.\n\n"
        "Example: directive-graph extract data/articles --format table"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    """How ``extract`` prints its mentions."""

    TABLE = "table"
    JSONL = "jsonl"
    JSON = "json"


class VocabTable(str, Enum):
    """Which vocabulary table ``vocab`` prints."""

    TYPES = "types"
    WORDS = "words"
    ISSUERS = "issuers"


def _warn(message: str) -> None:
    """One line on stderr, as written (no markup: "[QĐ]" stays "[QĐ]")."""
    typer.echo(message, err=True)


def _fail(message: str, code: int = 2) -> typer.Exit:
    _warn(f"error: {message}")
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt, .md, .html, .jsonl, .json, .csv).", show_default=False)
    ],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table for people; jsonl or json for scripts.")
    ] = OutputFormat.TABLE,
    json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """List every document reference in the given texts.

    Example: directive-graph extract data/articles --format jsonl > mentions.jsonl
    """
    from directive_graph.build import _in_chrome
    from directive_graph.corpus import ReadError, iter_documents
    from directive_graph.resolve import extract_references

    fmt = OutputFormat.JSON if json_out else output
    rows: list[dict[str, object]] = []
    failed = 0
    out = sys.stdout
    for doc in iter_documents(paths):
        if isinstance(doc, ReadError):
            _warn(f"{'skipped' if doc.warning else 'error'}: {doc.message}")
            failed += not doc.warning
            continue
        for ref in extract_references(doc.text):
            if _in_chrome(ref.start, doc.chrome):
                continue  # site chrome (related links, widgets) is not the article
            row = ref.to_row(doc.path)
            if fmt is OutputFormat.JSONL:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt is OutputFormat.JSON:
        out.write(json.dumps(rows, ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.TABLE:
        _print_mentions(rows)
    if failed:
        raise typer.Exit(1)


def _print_table(title: str, columns: tuple[str, ...], rows: Iterable[Iterable[object]]) -> None:
    """A table on stdout, every cell as written (no rich markup). rich loads only here."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(value) for value in row))
    Console(highlight=False, markup=False).print(table)


_MENTION_COLUMNS = ("article", "text", "type", "number", "symbol", "year", "issuer", "form")


def _print_mentions(rows: list[dict[str, object]]) -> None:
    cells = (
        (
            str(row[c]).split("/")[-1] if c == "article" else " ".join(str(row[c] or "").split())
            for c in _MENTION_COLUMNS
        )
        for row in rows
    )
    _print_table(f"{len(rows)} references", _MENTION_COLUMNS, cells)


@app.command()
def vocab(
    which: Annotated[VocabTable, typer.Argument(help="types, words or issuers.")] = VocabTable.TYPES,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show a vocabulary table: document types, type words, or issuers.

    Example: directive-graph vocab issuers --json
    """
    from directive_graph.vocab import load_vocab

    v = load_vocab()
    if which is VocabTable.TYPES:
        rows = [dataclasses.asdict(t) for t in v.doc_types.values()]
    elif which is VocabTable.WORDS:
        rows = [
            {"word": w.word, "type": w.doc_type, "kind": w.kind, "bare_number": w.bare_number} for w in v.type_words
        ]
    else:
        rows = [
            {"code": i.code, "name": i.name, "level": i.level.value, "aliases": " | ".join(i.aliases)}
            for i in v.issuers.values()
        ]
    if json_out:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    _print_table(f"{which.value}: {len(rows)}", tuple(rows[0]), (row.values() for row in rows))


@app.command()
def version() -> None:
    """Print the version.

    Example: directive-graph version
    """
    typer.echo(__version__)


def main() -> None:
    """Entry point of the ``directive-graph`` script."""
    app()


DbOption = Annotated[
    str,
    typer.Option(
        "--db", envvar="DIRECTIVE_GRAPH_DB", help="The store (default directive-graph.db, or $DIRECTIVE_GRAPH_DB)."
    ),
]


def _open(db: str, *, create: bool = False, readonly: bool = True) -> Store:
    try:
        return Store.open(db, create=create, readonly=readonly)
    except StoreError as exc:
        raise _fail(str(exc), 2) from None


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of the corpus.", show_default=False)],
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: every core).")] = 0,
    prune: Annotated[bool, typer.Option("--prune", help="Drop files that no longer exist.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read a corpus into the store: only new or changed files are read again.

    Example: directive-graph build data/articles --db corpus.db
    """
    from directive_graph.build import build as run_build
    from directive_graph.progress import FileProgress

    store = _open(db, create=True, readonly=False)
    try:
        with FileProgress() as progress:
            summary = run_build(store, paths, jobs=jobs or None, prune=prune, on_file=progress.update)
    except StoreError as exc:
        raise _fail(str(exc), 2) from None
    except KeyboardInterrupt:
        counts = store.counts()
        raise _fail(
            f"interrupted; the store keeps {counts['articles']} articles, all complete; run build again to finish", 130
        ) from None
    finally:
        store.close()
    for skipped in summary.skipped:
        _warn(f"skipped: {skipped.message}")
    result = {
        "files": summary.files_seen, "unchanged": summary.files_unchanged, "built": summary.files_built,
        "pruned": summary.files_pruned, "articles_added": summary.articles_added,
        "duplicates": summary.articles_duplicate, "articles": summary.articles, "mentions": summary.mentions,
        "directives": summary.directives, "skipped": [{"path": s.path, "reason": s.message} for s in summary.skipped],
    }  # fmt: skip
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        typer.echo(
            f"{summary.articles} articles, {summary.mentions} mentions, {summary.directives} directives in {db}"
            f" ({summary.files_built} files read, {summary.files_unchanged} unchanged, {summary.articles_added} new"
            f" articles, {summary.articles_duplicate} duplicates, {len(summary.skipped)} skipped)"
        )
    if any(not s.warning for s in summary.skipped):
        raise typer.Exit(1)


@app.command()
def lookup(
    query: Annotated[str, typer.Argument(help='A directive: "Quyết định 1847/QĐ-TTg", "1847/QĐ-TTg", "QĐ 1847".')],
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON: one object per matching directive.")] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many articles per directive (0: all).")] = 0,
) -> None:
    """Which articles cite a directive, newest first, with the sentence of each mention.

    Example: directive-graph lookup "Quyết định 1847/QĐ-TTg" --db corpus.db
    """
    from directive_graph.queries import QueryError, suggest
    from directive_graph.queries import lookup as run_lookup

    store = _open(db)
    try:
        hits = run_lookup(store, query, limit or None)
        hints = [] if hits else suggest(store, query)
    except QueryError as exc:
        raise _fail(str(exc), 2) from None
    finally:
        store.close()
    if json_out:
        sys.stdout.write(json.dumps([h.as_json() for h in hits], ensure_ascii=False) + "\n")
    for hit in [] if json_out else hits:
        _print_hit(hit.directive, hit.articles)
    if not hits:
        names = "; ".join(f"{d['type']} {d['number']}/{d['symbol'] or ''} ({d['citations']})" for d in hints)
        _warn(f"no directive matches {query!r} in {db}" + (f"; did you mean: {names}" if names else ""))
        raise typer.Exit(1)


def _print_hit(directive: dict[str, object], articles: list[dict[str, object]]) -> None:
    d = directive
    name = " ".join(str(x) for x in (d["type"], f"{d['number']}" + (f"/{d['symbol']}" if d["symbol"] else "")) if x)
    typer.echo(f"{name}  year {d['year'] or '?'}  issuer {d['issuer'] or '?'}  jurisdiction {d['jurisdiction']}")
    typer.echo(f"  cited by {len(articles)} article(s)")
    for article in articles:
        date, title, source = article["date"] or "????-??-??", article["title"] or "", article["source"] or ""
        typer.echo(f"  - {date}  {title}  " + (f"[{source}]  " if source else "") + str(article["path"]))
        for mention in article["mentions"]:  # type: ignore[attr-defined]
            typer.echo(f"      «{mention['sentence']}» ({mention['link']})")


@app.command(name="list")
def list_directives(
    db: DbOption = DEFAULT_DB,
    doc_type: Annotated[str | None, typer.Option("--type", help='Only this type, e.g. "Quyết định".')] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help='Only this issuer code, e.g. "TTg".')] = None,
    year: Annotated[int | None, typer.Option("--year", help="Only this year.")] = None,
    top: Annotated[int, typer.Option("--top", "-n", help="How many.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The most-cited directives, by the number of articles citing them.

    Example: directive-graph list --type "Quyết định" --issuer TTg --top 10
    """
    from directive_graph.queries import top_directives

    store = _open(db)
    try:
        rows = top_directives(store, doc_type=doc_type, issuer=issuer, year=year, top=top)
    finally:
        store.close()
    if json_out:
        sys.stdout.write(
            json.dumps([{k: v for k, v in r.items() if k != "id"} for r in rows], ensure_ascii=False) + "\n"
        )
        return
    columns = ("articles", "mentions", "type", "number", "symbol", "year", "issuer", "jurisdiction")
    _print_table(
        f"most-cited directives in {db}", columns, ((r[c] if r[c] is not None else "" for c in columns) for r in rows)
    )


@app.command()
def stats(
    db: DbOption = DEFAULT_DB,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Corpus, mention and directive counts, and mentions by type, issuer and year.

    Example: directive-graph stats --db corpus.db --json
    """
    from directive_graph.queries import stats as run_stats

    store = _open(db)
    try:
        result = run_stats(store)
    finally:
        store.close()
    if json_out:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    typer.echo(
        f"{result['articles']} articles ({result['sources']} sources, {result['files']} files), "
        f"{result['mentions']} mentions, {result['directives']} directives"
    )
    for title, key in (("by type", "by_type"), ("by issuer", "by_issuer"), ("by year", "by_year")):
        typer.echo(
            f"{title}: "
            + ", ".join(f"{r['value'] if r['value'] is not None else '?'} {r['mentions']}" for r in result[key][:12])
        )


@app.command()
def annotate(
    path: Annotated[str, typer.Argument(help="One text file (.txt, .md, .html, …).", show_default=False)],
    html: Annotated[bool, typer.Option("--html", help="Print HTML with a link per reference.")] = False,
) -> None:
    """Print a text with every reference marked and linked to its directive.

    Example: directive-graph annotate data/articles/01_van_hoa_cong_vu_ha_noi.txt --html > bai.html
    """
    from directive_graph.annotate import annotate_text
    from directive_graph.corpus import ReadError, read_file
    from directive_graph.resolve import extract_references

    docs = read_file(path)
    if isinstance(docs, ReadError):
        raise _fail(docs.message, 1)
    for doc in docs:
        sys.stdout.write(annotate_text(doc.text, extract_references(doc.text), html=html, locality=doc.locality) + "\n")


class ExportFormat(str, Enum):
    """The graph formats ``export`` writes."""

    GEXF = "gexf"
    GRAPHML = "graphml"
    JSON = "json"
    NEO4J = "neo4j"


@app.command()
def export(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gexf (Gephi), graphml, json, neo4j.")] = (
        ExportFormat.GEXF
    ),
    out: Annotated[str | None, typer.Option("--out", "-o", help="File (or folder, for neo4j).")] = None,
) -> None:
    """Write the citation graph for Gephi, other graph tools, or neo4j-admin import.

    Example: directive-graph export --format gexf --out graph.gexf --db corpus.db
    """
    from pathlib import Path

    from directive_graph.export import write_export
    from directive_graph.graph import as_dict, build_graph

    target = out or {"gexf": "graph.gexf", "graphml": "graph.graphml", "json": "graph.json"}.get(fmt.value, "neo4j")
    store = _open(db)
    try:
        graph = build_graph(store)
    finally:
        store.close()
    try:
        written = write_export(graph, fmt.value, Path(target))
    except OSError as exc:
        raise _fail(f"cannot write {target}: {exc.strerror or exc}; check the path", 1) from None
    counts = as_dict(graph)
    typer.echo(
        f"{sum(counts['nodes'].values())} nodes, {sum(counts['edges'].values())} edges written to "
        + ", ".join(str(p) for p in written)
    )


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[str, typer.Option("--out", "-o", help="The HTML file to write.")] = "report.html",
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", help="Show at most this many nodes, most cited first.")
    ] = 300,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help='Only directives of this issuer code, e.g. "TTg".')
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only articles dated on or before YYYY-MM-DD.")] = None,
) -> None:
    """Write the citation graph as one HTML file that works offline.

    Example: directive-graph report --db corpus.db --out report.html --max-nodes 300
    """
    import datetime as dt

    from directive_graph.graph import build_graph
    from directive_graph.report import write_report

    try:
        start = dt.date.fromisoformat(since) if since else None
        end = dt.date.fromisoformat(until) if until else None
    except ValueError:
        raise _fail("--since and --until take a date as YYYY-MM-DD, e.g. 2020-01-31", 2) from None
    store = _open(db)
    try:
        graph = build_graph(store, issuer=issuer, since=start, until=end)
    finally:
        store.close()
    try:
        info = write_report(graph, out, max_nodes=max_nodes)
    except OSError as exc:
        raise _fail(f"cannot write {out}: {exc.strerror or exc}; check the path", 1) from None
    left = ", ".join(f"{n} {kind}" for kind, n in sorted(info.left_out.items()))
    typer.echo(
        f"{Path(out).resolve()}: {info.shown} nodes"
        + (f" ({left} left out)" if left else "")
        + f", {info.bytes:,} bytes"
    )
