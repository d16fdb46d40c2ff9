"""Read the texts of a corpus: files or folders given on the command line.

This first reader takes plain-text files (``.txt``, ``.md``) in UTF-8, with or
without a byte-order mark, and folders of them (recursively). Everything that
cannot be read becomes a :class:`ReadError` with a message that says what to
do; the caller decides whether to go on.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Chỉ thị 19 của Thành ủy", encoding="utf-8")
    >>> [(doc.path.endswith("a.txt"), doc.text) for doc in iter_documents([str(folder)])]
    [(True, 'Chỉ thị 19 của Thành ủy')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Document:
    """One text and the path it came from, as the user gave it."""

    path: str
    text: str


@dataclass(frozen=True)
class ReadError:
    """A path that gave no text, and what to do about it."""

    path: str
    message: str


def _expand(paths: Iterable[str]) -> Iterator[str | ReadError]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                yield ReadError(given, f"no .txt or .md files in folder {given}; point at a folder of texts")
            for p in found:
                yield str(p)
        elif path.is_file():
            yield given
        else:
            yield ReadError(given, f"no such file or folder: {given}; check the path")


def read_text(path: str) -> Document | ReadError:
    """Read one file as UTF-8 text, or say why it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return ReadError(path, f"cannot read {path}: {exc.strerror or exc}; check its permissions")
    if not data.strip():
        return ReadError(path, f"{path} is empty; nothing to extract")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadError(path, f"{path} is a binary file, not text; give a .txt or .md file")
    for encoding in ("utf-8-sig", "utf-16"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return Document(path, data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return ReadError(path, f"{path} is not UTF-8 text; convert it (e.g. iconv -f WINDOWS-1258 -t UTF-8)")


def iter_documents(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    """Every readable document under ``paths``, and an error for each one that is not."""
    for item in _expand(paths):
        yield item if isinstance(item, ReadError) else read_text(item)
