"""The ``directive-graph`` command: a thin layer over the library.

Each command makes one library call and formats its result. Errors in the
input are one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from directive_graph import __version__
from directive_graph.corpus import ReadError, iter_documents
from directive_graph.resolve import extract_references
from directive_graph.vocab import load_vocab

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
err = Console(stderr=True, highlight=False)


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


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"error: {message}", soft_wrap=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files or folders of them (.txt, .md).", show_default=False)],
    output: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table for people; jsonl or json for scripts.")
    ] = OutputFormat.TABLE,
    json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
) -> None:
    """List every document reference in the given texts.

    Example: directive-graph extract data/articles --format jsonl > mentions.jsonl
    """
    fmt = OutputFormat.JSON if json_out else output
    rows: list[dict[str, object]] = []
    failed = 0
    out = sys.stdout
    for doc in iter_documents(paths):
        if isinstance(doc, ReadError):
            err.print(f"error: {doc.message}", soft_wrap=True)
            failed += 1
            continue
        for ref in extract_references(doc.text):
            row = ref.to_row(doc.path)
            if fmt is OutputFormat.JSONL:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if fmt is OutputFormat.JSON:
        out.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif fmt is OutputFormat.TABLE:
        _print_mentions(rows)
    if failed:
        raise typer.Exit(1)


def _print_mentions(rows: list[dict[str, object]]) -> None:
    table = Table(title=f"{len(rows)} references", show_lines=False)
    for column in ("article", "text", "type", "number", "symbol", "year", "issuer", "form"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            *(
                str(row[c]).split("/")[-1] if c == "article" else " ".join(str(row[c] or "").split())
                for c in ("article", "text", "type", "number", "symbol", "year", "issuer", "form")
            )
        )
    Console(highlight=False).print(table)


@app.command()
def vocab(
    which: Annotated[VocabTable, typer.Argument(help="types, words or issuers.")] = VocabTable.TYPES,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Show a vocabulary table: document types, type words, or issuers.

    Example: directive-graph vocab issuers --json
    """
    v = load_vocab()
    if which is VocabTable.TYPES:
        rows = [t.model_dump() for t in v.doc_types.values()]
    elif which is VocabTable.WORDS:
        rows = [
            {"word": w.word, "type": w.doc_type, "kind": w.kind, "bare_number": w.bare_number} for w in v.type_words
        ]
    else:
        rows = [{**i.model_dump(mode="json"), "aliases": " | ".join(i.aliases)} for i in v.issuers.values()]
    if json_out:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    table = Table(title=f"{which.value}: {len(rows)}")
    for column in rows[0]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(value) for value in row.values()))
    Console(highlight=False).print(table)


@app.command()
def version() -> None:
    """Print the version.

    Example: directive-graph version
    """
    typer.echo(__version__)


def main() -> None:
    """Entry point of the ``directive-graph`` script."""
    app()
