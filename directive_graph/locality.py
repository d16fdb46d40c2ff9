"""The LOCALITY of an article: the province or centrally-run city it is about.

Local documents only make sense with their province: two provinces'
"Quyết định 1043/QĐ-UBND" are different documents. The provinces table
(``data/vocab/provinces.csv``) lists the 63 units before the 2025
reorganisation and the 34 after it; a unit that kept its name is one row.

Example:
    >>> find_province("TP.HCM").name
    'Thành phố Hồ Chí Minh'
    >>> detect_locality("UBND tỉnh Bạc Liêu ban hành kế hoạch cải cách hành chính.")
    'Bạc Liêu'
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from directive_graph.vocab import fold, vocab_dir

# Weights of one mention, by where it is and how it is written.
SOURCE_WEIGHT = 12  # the outlet or site: "(Thanhuytphcm.vn)", "baobinhdinh.vn"
TITLE_WEIGHT = 6
ADMIN_WEIGHT = 3  # "UBND tỉnh Bạc Liêu", "Tỉnh ủy Đồng Tháp", "TP.HCM", a dateline
BARE_WEIGHT = 1  # a bare place name in the body
CITY_HINT_CAP = 3  # most a bare "UBND TP" / "Thành ủy" adds to the one city named
# A province is the locality when it scores at least MIN_SCORE, at least RATIO
# times the runner-up and at least SHARE of all the evidence.
MIN_SCORE = 3
RATIO = 1.5
SHARE = 0.4

_PREFIXES = ("tỉnh", "tinh", "thành phố", "thanh pho", "tp", "tp.")
_PREFIX = re.compile(r"(?:t[ỉi]nh|th[àa]nh\s+ph[ốo]|tp\.?)\s*", re.IGNORECASE)
# Phrases that contain a province's name but do not name the province.
_NOT_PLACES = ("Điện Biên Phủ", "Dien Bien Phu")
# Said right before a place name, these make the mention administrative.
_ADMIN_BEFORE = re.compile(
    r"(?:\b(?:UBND|HĐND|UBMTTQ|MTTQ|TAND|VKSND|(?:Ủy|Uỷ) ban nhân dân|Hội đồng nhân dân"
    r"|Tỉnh (?:ủy|uỷ)|Thành (?:ủy|uỷ)|Đảng bộ|Công an|Văn phòng|Đoàn ĐBQH|Đoàn đại biểu Quốc hội"
    r"|Bộ Chỉ huy Quân sự|Kho bạc Nhà nước|Cục Thuế|Cục Thống kê|Cục Hải quan|Liên đoàn Lao động"
    r"|Mặt trận Tổ quốc|Tòa án nhân dân|Viện kiểm sát nhân dân)"
    r"|(?-i:\bSở)(?:\s+\w+){1,6})\s*$",
    re.IGNORECASE,
)
# Right before a bare place name, these make it part of a person's name: "Nguyễn Thị Huế".
_PERSON_BEFORE = re.compile(r"\b(?:Thị|Văn|[ôÔ]ng|[bB]à|[aA]nh|[cC]hị|[cC]ô|[cC]hú|[eE]m)\s+$")
_AFTER_DATELINE = re.compile(r"\s*(?:[-–—]|\()")
# "(Thanhuytphcm.vn) - Ngày 6/8 …" at the start of a line; "(Sở Nội vụ An Giang)" ending one.
_SOURCE_LEAD = re.compile(r"^[ \t]*\(([^()\n]{2,80})\)[ \t]*[-–—:]", re.MULTILINE)
_SOURCE_TAIL = re.compile(r"^[^\n]{0,80}\(([^()\n]{2,80})\)[ \t]*$", re.MULTILINE)
# "UBND TP", "HĐND Thành phố", "Thành ủy" with no place name after them.
_BARE_CITY = re.compile(
    r"\b(?:(?:UBND|HĐND)\s+(?:TP|Thành phố)|Thành (?:[ủỦ]y|u[ỷỶ]))\b\.?\s*(?:(?:TP|Thành phố)\b\.?\s*)?(\w?)"
)
_WORD_START = re.compile(r"\b\w")
_HEAD_CHARS = 1000
_TAIL_CHARS = 500
_TITLE_MAX = 200


@dataclass(frozen=True)
class Province:
    """A province-level unit: a "tỉnh" or a centrally-run "thành phố".

    ``era`` is "both" (exists before and after the 2025 reorganisation),
    "pre2025" (merged in 2025 into ``merged_into``) or "post2025".
    """

    name: str
    kind: str
    era: str
    aliases: tuple[str, ...]
    merged_into: str | None


@dataclass(frozen=True)
class _Form:
    """How one written form (an alias, up to accents and case) is read."""

    province: Province
    masks: tuple[tuple[bool, ...], ...]  # word-initial capitals of the aliases written so
    site: bool  # a site or outlet name: "hanoimoi", "baobinhdinh"
    admin: bool  # starts with "tỉnh", "thành phố" or "TP"


def _key(text: str) -> str:
    """The look-up key of a written name: accents, case, dots and dash spacing folded.

    Example:
        >>> _key("TP. Hồ Chí Minh") == _key("tp ho chi minh")
        True
        >>> _key("Bà Rịa-Vũng Tàu")
        'ba ria-vung tau'
    """
    folded = fold(text).replace(".", " ").replace("-", " - ")
    return " ".join(folded.split()).replace(" - ", "-")


@functools.lru_cache(maxsize=1)
def load_provinces() -> tuple[Province, ...]:
    """Read ``provinces.csv`` once per process.

    Example:
        >>> provinces = load_provinces()
        >>> sum(p.era != "post2025" for p in provinces), sum(p.era != "pre2025" for p in provinces)
        (63, 34)
    """
    with open(vocab_dir() / "provinces.csv", encoding="utf-8", newline="") as handle:
        rows = [
            {k: unicodedata.normalize("NFC", (v or "").strip()) for k, v in r.items()} for r in csv.DictReader(handle)
        ]
    return tuple(
        Province(
            name=r["name"],
            kind=r["kind"],
            era=r["era"],
            aliases=tuple(a.strip() for a in r["aliases"].split("|") if a.strip()),
            merged_into=r["merged_into"] or None,
        )
        for r in rows
    )


@functools.lru_cache(maxsize=1)
def _by_key() -> dict[str, Province]:
    table: dict[str, Province] = {}
    for province in load_provinces():
        for alias in (province.name, *province.aliases):
            table.setdefault(_key(alias), province)
    return table


def find_province(name: str) -> Province | None:
    """The province written as ``name`` (any alias, accents and case folded), or None.

    Example:
        >>> find_province("tinh bac lieu").merged_into
        'Cà Mau'
        >>> find_province("Thanh Hoá").name
        'Thanh Hóa'
        >>> find_province("Đồng bằng sông Cửu Long") is None
        True
    """
    return _by_key().get(_key(unicodedata.normalize("NFC", name)))


def _atoms(alias: str) -> list[str]:
    r"""The regex atoms of an alias, each letter in both cases (so branches fail fast).

    Example:
        >>> _atoms("Bà Rịa-V")
        ['[bB]', '[àÀ]', '\\s+', '[rR]', '[ịỊ]', '[aA]', '\\s*[-–—]\\s*', '[vV]']
    """
    atoms: list[str] = []
    for token in re.split(r"(\s*-\s*|\.\s*|\s+)", alias):
        if token.strip() == "-":
            atoms.append(r"\s*[-–—]\s*")
        elif token.strip() == ".":
            atoms.append(r"\.\s*")
        elif token.isspace():
            atoms.append(r"\s+")
        else:
            atoms += [f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in token]
    return atoms


_Trie = dict[str, "_Trie"]


def _trie_regex(alternatives: list[list[str]]) -> str:
    """One regex matching any of the atom lists, common prefixes shared, longest first."""
    root: _Trie = {}
    for atoms in alternatives:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _accent_variants(alias: str) -> set[str]:
    """The alias with both tone placements: "Khánh Hòa" and "Khánh Hoà"."""
    pairs: list[tuple[str, str]] = []
    for first, second in ("oa", "oe", "uy"):
        for mark in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            on_first = unicodedata.normalize("NFC", first + mark + second)
            on_second = unicodedata.normalize("NFC", first + second + mark)
            pairs.append((on_first, on_second))
    variants = {alias}
    for on_first, on_second in pairs:
        swapped = {v.replace(on_first, on_second) for v in variants}
        variants |= swapped | {v.replace(on_second, on_first) for v in variants}
    return variants


@functools.lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, _Form]]:
    """One regex for every alias (longest first), in two forms, and how each matched form is read.

    A name starts a word: at the start of the text, or after a character that is not a word
    character. The first form is matched at the start of a text; the second starts with that
    character, so the search skips ahead to the next space or sign without trying every position,
    and it goes on only where a name that may be kept can start (see :func:`_openings`).
    """
    masks: dict[str, set[tuple[bool, ...]]] = {}
    owners: dict[str, Province] = {}
    sites: set[str] = set()
    admins: set[str] = set()
    alternatives: list[list[str]] = []
    keyed: list[tuple[str, str]] = []  # (written variant, key)
    for province in load_provinces():
        keys = {_key(a) for a in (province.name, *province.aliases)}
        for alias in (province.name, *province.aliases):
            prefix = _PREFIX.match(alias)
            if prefix and _key(alias[prefix.end() :]) in keys:
                continue  # "tỉnh An Giang" is "An Giang" after the generic prefix
            key = _key(alias)
            owners.setdefault(key, province)
            masks.setdefault(key, set()).add(tuple(c.isupper() for c in _WORD_START.findall(alias)))
            if alias.isascii() and alias.islower() and " " not in alias:
                sites.add(key)
            if prefix:
                admins.add(key)
            variants = _accent_variants(alias)
            alternatives += [_atoms(variant) for variant in variants]
            keyed += [(variant, key) for variant in variants]
    forms = {k: _Form(p, tuple(masks[k]), k in sites, k in admins) for k, p in owners.items()}
    names = _trie_regex(alternatives)
    skip = _trie_regex([_atoms(p) for p in _NOT_PLACES])
    pre = _trie_regex([_atoms(p) for p in _PREFIXES])
    body = rf"(?P<place>(?:(?P<skip>{skip})|(?P<pre>{pre}\s*)?(?P<name>{names}))(?!\w))"
    return re.compile(body), re.compile(r"\W(?=" + _openings(keyed, forms) + ")" + body), forms


def _openings(keyed: list[tuple[str, str]], forms: dict[str, _Form]) -> str:
    """A regex for how a match of the place-name regex that may be kept starts.

    A name read in small letters is dropped by :func:`_mentions` (its first word wants a capital)
    unless it is a site name, or an alias written in small letters ("thành phố Hồ Chí Minh"), or
    follows a prefix ("tỉnh", "tp"), or is skipped ("Điện Biên Phủ"): those may start with their
    first three letters in either case, the others only with a capital. Where no kept match can
    start, :func:`_mentions` would drop what it finds and read on from the next character, so the
    search may pass over that position.
    """
    capitals: set[str] = set()
    small: list[list[str]] = []
    loose = {k for k, form in forms.items() if form.site or any(not mask or not mask[0] for mask in form.masks)}
    written = [(v, key in loose) for v, key in keyed] + [(w, True) for w in (*_PREFIXES, *_NOT_PLACES)]
    for variant, any_case in written:
        first = variant[0]
        capitals |= {c for c in first.lower() + first.upper() if c.isupper()}
        if any_case:
            small += [[re.escape(c), *_atoms(variant)[1:3]] for c in first.lower() + first.upper() if not c.isupper()]
    return "[" + "".join(sorted(map(re.escape, capitals))) + "]|" + _trie_regex(small)


def _search(text: str, pos: int) -> re.Match[str] | None:
    """The first place name starting at ``pos`` or later (its span is the group ``place``), or None."""
    at_start, after_boundary, _ = _matcher()
    if pos == 0:
        match = at_start.match(text)
        if match is not None:
            return match
    return after_boundary.search(text, max(pos - 1, 0))


def _written_as(match: str, masks: tuple[tuple[bool, ...], ...]) -> bool:
    """Whether ``match`` has a capital wherever one of its aliases does ("Hòa bình" is not Hòa Bình)."""
    initials = [c.isupper() for c in _WORD_START.findall(match)]
    return any(all(got or not want for want, got in zip(mask, initials, strict=False)) for mask in masks)


def _mentions(text: str) -> list[tuple[Province, bool, bool, int, int]]:
    """Every province mention: (province, site name?, administrative?, start, end)."""
    forms = _matcher()[2]
    found: list[tuple[Province, bool, bool, int, int]] = []
    pos = 0
    while match := _search(text, pos):
        pos = match.end()
        if match.group("skip"):
            continue
        name = match.group("name")
        start = match.start("place")
        form = forms.get(_key(name))
        if form is None or not (form.site or _written_as(name, form.masks)):
            pos = start + 1  # "thủ đô Hà Nội": "Hà Nội" may still be read
            continue
        admin = form.admin or match.group("pre") is not None
        admin = admin or _admin_before(text, start)
        if not (admin or form.site) and _PERSON_BEFORE.search(text, max(0, start - 8), start):
            continue
        found.append((form.province, form.site, admin, start, match.end()))
    return found


# The bodies _ADMIN_BEFORE names, one by one: a match of one ends where the text before the
# place name ends, spaces aside, so it starts at most this far before.
_ADMIN_BODIES = (
    "UBND", "HĐND", "UBMTTQ", "MTTQ", "TAND", "VKSND", "Ủy ban nhân dân", "Uỷ ban nhân dân", "Hội đồng nhân dân",
    "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Đảng bộ", "Công an", "Văn phòng", "Đoàn ĐBQH",
    "Đoàn đại biểu Quốc hội", "Bộ Chỉ huy Quân sự", "Kho bạc Nhà nước", "Cục Thuế", "Cục Thống kê", "Cục Hải quan",
    "Liên đoàn Lao động", "Mặt trận Tổ quốc", "Tòa án nhân dân", "Viện kiểm sát nhân dân",
)  # fmt: skip
_ADMIN_REACH = max(map(len, _ADMIN_BODIES))
_ADMIN_BODY = re.compile(r"\b(?:" + "|".join(map(re.escape, _ADMIN_BODIES)) + r")\s*$", re.IGNORECASE)
_ADMIN_DEPARTMENT = re.compile(r"(?-i:\bSở)(?:\s+\w+){1,6}\s*$", re.IGNORECASE)
_ADMIN_WINDOW = 48


def _admin_before(text: str, start: int) -> bool:
    """Whether ``_ADMIN_BEFORE`` matches in the 48 characters before ``start``.

    Its two branches apart: "Sở …" only where "Sở" is written, a body's name only near the end.
    """
    low = max(0, start - _ADMIN_WINDOW)
    window = text[low:start]
    if "Sở" in window and _ADMIN_DEPARTMENT.search(text, low, start) is not None:
        return True
    end = low + len(window.rstrip())
    return _ADMIN_BODY.search(text, max(low, end - _ADMIN_REACH), start) is not None


def _source_provinces(source: str) -> set[str]:
    return {province.name for province, *_ in _mentions(source)}


def _is_dateline(text: str, start: int, end: int) -> bool:
    """Whether a mention opens a line near the top and is followed by a dash: "TP.HCM - Ngày 6/8"."""
    line_start = text.rfind("\n", 0, start) + 1
    return start < _HEAD_CHARS and not text[line_start:start].strip() and bool(_AFTER_DATELINE.match(text, end))


def _score(text: str, title: str | None, source: str | None) -> Counter[str]:
    scores: Counter[str] = Counter()
    sources = [source] if source else []
    sources += [m.group(1) for m in _SOURCE_LEAD.finditer(text[:_HEAD_CHARS])]
    sources += [m.group(1) for m in _SOURCE_TAIL.finditer(text[-_TAIL_CHARS:])]
    for named in map(_source_provinces, sources):
        if len(named) == 1:
            scores[named.pop()] += SOURCE_WEIGHT
    for province, site, _, _, _ in _mentions(title or ""):
        scores[province.name] += SOURCE_WEIGHT if site else TITLE_WEIGHT
    for province, site, admin, start, end in _mentions(text):
        if site:
            scores[province.name] += SOURCE_WEIGHT
        elif admin or _is_dateline(text, start, end):
            scores[province.name] += ADMIN_WEIGHT
        else:
            scores[province.name] += BARE_WEIGHT
    cities = [p.name for p in load_provinces() if p.kind == "thành phố" and scores[p.name] > 0]
    if len(cities) == 1:
        bare = sum(not m.group(1).isupper() for m in _BARE_CITY.finditer(text))
        scores[cities[0]] += min(CITY_HINT_CAP, bare)
    return scores


# How much of a long text is read for its place: the opening, and the last lines.
_REACH = 6000
_TAIL = 600


def detect_locality(text: str, *, title: str | None = None, source: str | None = None) -> str | None:
    """The canonical name of the province an article is about or comes from, or None.

    The source (a domain or outlet name) weighs most, then the title, then
    administrative phrases in the body ("UBND tỉnh …", "Thành ủy …",
    "TP.HCM"), then bare place names. National news that names many
    provinces evenly, or none, gives None. Without a ``title``, the first
    line of a text of several lines is read as its title. A unit merged in
    2025 is returned under its own name (see ``find_province(...).merged_into``).

    Args:
        text: The article's text.
        title: The article's title, if known apart from the text.
        source: The outlet, domain or URL the article comes from.

    Returns:
        The province's ``name`` as in ``provinces.csv``, or None.

    Example:
        >>> detect_locality("Tỉnh ủy Đồng Tháp chỉ đạo các huyện triển khai kế hoạch.")
        'Đồng Tháp'
        >>> detect_locality("HĐND TP quyết định bố trí vốn.", source="thanhuytphcm.vn")
        'Thành phố Hồ Chí Minh'
        >>> detect_locality("Mưa lớn ở Hà Giang, Cao Bằng, Lạng Sơn và Lào Cai.") is None
        True
    """
    text = unicodedata.normalize("NFC", text)
    if title is None:
        head, newline, rest = text.lstrip().partition("\n")
        if newline and rest.strip() and len(head) <= _TITLE_MAX:
            title, text = head, rest
    title = unicodedata.normalize("NFC", title) if title else None
    if len(text) > _REACH + _TAIL:  # the top names the place; the end may carry a byline "(Sở Nội vụ An Giang)"
        text = text[:_REACH] + "\n" + text[-_TAIL:]
    scores = _score(text, title, unicodedata.normalize("NFC", source) if source else None)
    ranked = scores.most_common()
    if not ranked:
        return None
    best_name, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if best < MIN_SCORE or best <= second or best < RATIO * second or best < SHARE * sum(scores.values()):
        return None
    return best_name
