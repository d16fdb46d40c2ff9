"""Documents named by title instead of number: 'Đề án "Văn hóa công vụ"', 'Luật Đất đai 2013'.

Two forms are read, both precise enough to stand as graph nodes:

* a type word and a quoted title: 'Đề án “Văn hóa công vụ”', 'Chương trình "Sức khỏe Việt Nam"';
* a law-like type (Hiến pháp, Bộ luật, Luật, Pháp lệnh) and a capitalised title, with or without
  a year: 'Luật Đất đai 2013', 'Bộ luật Lao động năm 2019', 'Luật Cán bộ, công chức năm 2008'.

A named document followed, in the same sentence, by "kèm theo" / "ban hành kèm theo" and a
reference is attached to that reference's directive: 'Đề án "Văn hóa công vụ" (kèm theo
Quyết định số 1847/QĐ-TTg)'.

Example:
    >>> from directive_graph import extract_references
    >>> text = 'Đề án “Văn hóa công vụ” (kèm theo Quyết định số 1847/QĐ-TTg) và Luật Đất đai 2013.'
    >>> [(n.doc_type, n.name, n.year, n.attached_to) for n in find_named(text, extract_references(text))]
    [('Đề án', 'Văn hóa công vụ', None, 0), ('Luật', 'Đất đai', 2013, None)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from directive_graph.models import Reference
from directive_graph.vocab import fold, load_vocab, strip_accents

LAW_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
_LAW_HINTS = ("Luật", "LUẬT", "luật", "Luat", "LUAT", "Hiến pháp", "HIẾN PHÁP", "Pháp lệnh", "PHÁP LỆNH", "Hien phap")
# Words that end a capitalised law title: "Luật Đất đai của …", "Luật Đất đai và …".
_STOP = r"(?:của|và|theo|tại|ngày|năm|số|đã|được|về|nhằm|thì|là|có|quy|cho|đến|trong|với|khi|sẽ|này|đó|sửa)"


@dataclass(frozen=True)
class Named:
    """A document named by title; ``attached_to`` indexes the reference list."""

    start: int
    end: int
    text: str
    doc_type: str
    name: str
    year: int | None
    attached_to: int | None = None

    @property
    def key(self) -> str:
        """The node key: type, folded title and year; "named" keeps it apart from numbered keys."""
        return f"named|{self.doc_type}|{fold(self.name)}|{self.year or ''}"


def _alternation(words: list[str]) -> str:
    forms = {w for word in words for w in (word, strip_accents(word))}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` that starts a word, in their order, grouped by first letter.

    Written "H(?<!x.)(?:iến pháp|…)|L…" rather than "(?<!x)(?:Hiến pháp|…)": the regex engine then
    skips ahead to the next first letter instead of trying the look-behind at every position.
    Words with different first letters never match at one position, so the order that counts is kept.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    starts = r"(?<![^\W\d_].)"  # the character before the first letter is no letter
    return "|".join(f"{re.escape(c)}{starts}(?:{'|'.join(map(re.escape, rests))})" for c, rests in groups.items())


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = [w.word for w in load_vocab().type_words if w.kind == "name"]
    # the quote first (a fast scan), the type word before it checked backwards
    quoted = re.compile(r"[“\"«](?P<name>[^”\"»\n]{3,160})[”\"»]")
    type_before = re.compile(r"(?<![^\W\d_])(?P<type>" + _alternation(names) + r")[ \t]+$", re.IGNORECASE)
    word = r"(?:[^\W\d_][\w-]*)"
    # case-sensitive and literal-first, so the scan skips ahead fast: named laws are written with a
    # capital type word ("Luật Đất đai", "LUẬT ĐẤT ĐAI", "Bộ luật Lao động")
    law_words = [f for w in LAW_TYPES for f in {w, w.upper(), strip_accents(w), strip_accents(w).upper()}]
    law = re.compile(
        r"(?P<type>" + _by_first_letter(sorted(set(law_words), key=len, reverse=True)) + r")[ \t]+"
        r"(?:(?P<name>[A-ZĐ][\w-]*(?:,?[ \t]+(?!" + _STOP + r"(?!\w))" + word + r"){0,9})"
        r"(?:[ \t]+(?:năm[ \t]+)?(?P<year>(?:19|20)\d\d)(?![\d/]))?"
        r"|(?:năm[ \t]+)?(?P<only_year>(?:19|20)\d\d)(?![\d/]))(?=[\s,.;:)”\"]|$)"
    )
    attach = re.compile(r"^[\s(,]*(?:được[ \t]+)?(?:ban hành[ \t]+)?kèm theo[ \t]+$", re.IGNORECASE)
    return quoted, type_before, law, attach


def _canonical_type(written: str) -> str | None:
    word = next((w for w in load_vocab().type_words if fold(w.word) == fold(written)), None)
    return word.doc_type if word else None


def find_named(text: str, refs: list[Reference]) -> list[Named]:
    """Every document named by title in ``text``, each attached to a reference where the text says so."""
    quoted, type_before, law, attach = _patterns()
    taken = [(r.start, r.end) for r in refs]
    found: list[Named] = []
    # cheap tests first: most texts have no quoted title and no law named by title; the law scan skips
    # from capital to capital, and the hint test (which decides whether laws are read) follows a find
    matches: list[tuple[int, str, re.Match[str]]] = []
    if any(q in text for q in '“"«'):
        for match in quoted.finditer(text):
            written = type_before.search(text, max(0, match.start() - 30), match.start())
            if written is not None:
                matches.append((written.start(), written.group("type"), match))
    laws = list(law.finditer(text))  # a fast scan, from capital to capital
    if laws and any(word in text for word in _LAW_HINTS):
        matches += [(m.start(), m.group("type"), m) for m in laws]
    for start, written_type, match in sorted(matches, key=lambda item: item[0]):
        end = match.end()
        if any(s < end and start < e for s, e in taken):
            continue  # "Luật Doanh nghiệp số 59/2020/QH14" is a numbered reference, not a name
        doc_type = _canonical_type(written_type)
        groups = match.groupdict()
        name = " ".join((groups["name"] or doc_type or "").split()).strip(" ,")  # "Hiến pháp 2013": the type
        if doc_type is None or len(name) < 3 or (groups["name"] is None and doc_type != "Hiến pháp"):
            continue  # "Hiến pháp 2013" names the constitution; "Luật 2013" names no law
        written_year = groups.get("year") or groups.get("only_year")
        year = int(written_year) if written_year else None
        following = next((i for i, r in enumerate(refs) if r.start >= end), None)
        attached = None
        if following is not None and attach.match(text[end : refs[following].start]):
            attached = following
        found.append(Named(start, end, text[start:end], doc_type, name, year, attached))
        taken.append((start, end))
    return sorted(found, key=lambda n: n.start)
