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

from directive_graph.models import Reference
from directive_graph.vocab import fold, load_vocab, strip_accents

LAW_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
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


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = [w.word for w in load_vocab().type_words if w.kind == "name"]
    quoted = re.compile(
        r"(?<![^\W\d_])(?P<type>" + _alternation(names) + r")[ \t]+[“\"«](?P<name>[^”\"»\n]{3,160})[”\"»]",
        re.IGNORECASE,
    )
    word = r"(?:[^\W\d_][\w-]*)"
    law = re.compile(
        r"(?<![^\W\d_])(?P<type>" + _alternation(list(LAW_TYPES)) + r")[ \t]+"
        r"(?:(?P<name>(?-i:[A-ZĐ]" + r"[\w-]*)(?:,?[ \t]+(?!" + _STOP + r"(?!\w))" + word + r"){0,9})"
        r"(?:[ \t]+(?:năm[ \t]+)?(?P<year>(?:19|20)\d\d)(?![\d/]))?"
        r"|(?:năm[ \t]+)?(?P<only_year>(?:19|20)\d\d)(?![\d/]))(?=[\s,.;:)”\"]|$)",
        re.IGNORECASE,
    )
    attach = re.compile(r"^[\s(,]*(?:được[ \t]+)?(?:ban hành[ \t]+)?kèm theo[ \t]+$", re.IGNORECASE)
    return quoted, law, attach


def _canonical_type(written: str) -> str | None:
    word = next((w for w in load_vocab().type_words if fold(w.word) == fold(written)), None)
    return word.doc_type if word else None


def find_named(text: str, refs: list[Reference]) -> list[Named]:
    """Every document named by title in ``text``, each attached to a reference where the text says so."""
    quoted, law, attach = _patterns()
    taken = [(r.start, r.end) for r in refs]
    found: list[Named] = []
    for match in [*quoted.finditer(text), *law.finditer(text)]:
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue  # "Luật Doanh nghiệp số 59/2020/QH14" is a numbered reference, not a name
        doc_type = _canonical_type(match.group("type"))
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
