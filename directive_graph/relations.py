"""Relations between directives, read from cue words in the same sentence.

The vocabulary (``data/vocab/relations.csv``) follows vbpl.vn's: kèm theo
(attached_to), triển khai / thực hiện (implements), sửa đổi, bổ sung (amends),
thay thế (replaces), hướng dẫn (guides), bãi bỏ (repeals), căn cứ (based_on).
"A <cue> B" with both mentions in one sentence and only the cue between them
gives ``A kind B``; the passive "A được sửa đổi bởi B" gives ``B kind A``.

A legal text whose header carries its own number ("Số: 15/QĐ-BNV") *is* that
document: each of its "Căn cứ …" references becomes ``own based_on cited``.

Example:
    >>> from directive_graph import extract_references
    >>> text = "Kế hoạch số 109/KH-UBND triển khai Quyết định số 1847/QĐ-TTg của Thủ tướng."
    >>> [(r.source, r.kind, r.target) for r in find_relations(text, extract_references(text))]
    [(0, 'implements', 1)]
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from directive_graph.context import read_tail
from directive_graph.kinds import Form

if TYPE_CHECKING:
    from directive_graph.models import Reference
from directive_graph.vocab import fold, vocab_dir

# Words that may stand around a cue: "đã triển khai", "được ban hành để thực hiện".
_FILLER_WORDS = frozenset(("da", "duoc", "so", "cua", "ve", "viec", "ban", "hanh", "nham", "de", "theo"))
# How many characters a cue and its filler words may take between two mentions.
CUE_REACH = 60
# How far into a text its own header number may stand.
HEADER_REACH = 1500


@dataclass(frozen=True)
class Relation:
    """``source`` and ``target`` index the reference list; ``kind`` is the relation."""

    source: int
    target: int
    kind: str
    cue: str


@functools.lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, str, str], ...]:
    """(folded cue, kind, voice), longest cue first so "sửa đổi, bổ sung" beats "sửa đổi"."""
    with open(vocab_dir() / "relations.csv", encoding="utf-8", newline="") as handle:
        rows = [(_words(r["cue"]), r["kind"], r["voice"]) for r in csv.DictReader(handle)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


_FILLER = re.compile(r"[\s,;:()\-–]+")
_LIST_GAP = re.compile(r"^[\s,;]*(?:và|hoặc|cùng|,)?[\s,;]*(?:số)?[\s]*$", re.IGNORECASE)


def _words(text: str) -> str:
    """Folded words joined by single spaces, punctuation dropped: "Sửa đổi, bổ sung" -> "sua doi bo sung"."""
    return _FILLER.sub(" ", fold(text)).strip()


def _cue_between(gap: str) -> tuple[str, str, str] | None:
    """The cue a gap of text is made of, allowing "đã", "được", "số" and punctuation around it."""
    if len(gap) > CUE_REACH or "." in gap:
        return None
    folded = " " + _words(gap) + " "
    for cue, kind, voice in _cues():
        if f" {cue} " in folded:
            rest = folded.replace(f" {cue} ", " ", 1).split()
            if all(word in _FILLER_WORDS for word in rest):
                return cue, kind, voice
    return None


def _strip_type(gap: str, ref: Reference) -> str:
    """The gap before a list member, without the member's own repeated type word."""
    return gap[: len(gap) - len(ref.doc_type or "")] if ref.doc_type and fold(gap).endswith(fold(ref.doc_type)) else gap


def own_number(text: str, refs: list[Reference]) -> int | None:
    """The index of a legal text's own header number ("Số: 15/QĐ-BNV" near the top), if it has one."""
    for index, ref in enumerate(refs):
        if ref.start > HEADER_REACH:
            break
        line_start = text.rfind("\n", 0, ref.start) + 1
        head = text[line_start : ref.start].strip(" \t*|#>")
        if ref.form is Form.BARE_SYMBOL and fold(head).rstrip(":. ") in ("so", "so hieu"):
            return index
    return None


def find_relations(text: str, refs: list[Reference]) -> list[Relation]:
    """Every relation the text states between its mentions (indexes into ``refs``)."""
    found: list[Relation] = []
    for index in range(len(refs) - 1):
        a, b = refs[index], refs[index + 1]
        if a.foreign or b.foreign or a.sentence != b.sentence:
            continue
        cue = _cue_between(text[read_tail(text, a.end).end : b.start])  # past A's own date and issuer
        if cue is None:
            continue
        word, kind, voice = cue
        source, target = (index, index + 1) if voice == "active" else (index + 1, index)
        found.append(Relation(source, target, kind, word))
        # "… thay thế Nghị định 110/2004/NĐ-CP và Nghị định 09/2010/NĐ-CP": the list shares the relation
        follow = index + 2
        while voice == "active" and follow < len(refs) and refs[follow].sentence == a.sentence:
            if not _LIST_GAP.match(_strip_type(text[refs[follow - 1].end : refs[follow].start], refs[follow])):
                break
            found.append(Relation(index, follow, kind, word))
            follow += 1
    own = own_number(text, refs)
    if own is not None:
        for index, ref in enumerate(refs):
            if index == own or ref.foreign:
                continue
            line_start = text.rfind("\n", 0, ref.start) + 1
            if fold(text[line_start : ref.start].lstrip(" \t*_>")).startswith("can cu"):
                found.append(Relation(own, index, "based_on", "căn cứ"))
    return found
