"""Documents named by title: the law scan, written for speed, finds what the plain pattern finds."""

from __future__ import annotations

import re

from directive_graph.named import LAW_TYPES, _patterns
from directive_graph.vocab import strip_accents

from .conftest import DATA


def test_law_scan_by_first_letter_matches_the_plain_pattern() -> None:
    law = _patterns()[2]
    words = {f for w in LAW_TYPES for f in {w, w.upper(), strip_accents(w), strip_accents(w).upper()}}
    plain_types = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    tail = law.pattern[law.pattern.index(r")[ \t]+") :]
    plain = re.compile(r"(?<![^\W\d_])(?P<type>" + plain_types + tail)
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    texts += [
        "Luật Đất đai 2013, LUẬT ĐẤT ĐAI, Bộ luật Lao động năm 2019, xLuật Đất đai, 2Luật Cán bộ, Hiến pháp 2013",
        "Pháp lệnh Dân số, Phap lenh Dan so, Hien phap nam 1992, BO LUAT HINH SU, _Luật Thuế, Luật 2013.",
    ]
    for text in texts:
        found = [(m.span(), m.groupdict()) for m in law.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
