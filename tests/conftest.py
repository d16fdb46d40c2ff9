"""Shared test fixtures: where the repository and the shared corpus are."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "data"


@pytest.fixture
def shared_corpus() -> Path:
    """The third-party corpus beside the repository; skip when a user's clone has none."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"../shared/corpus is absent ({corpus}): the real-text checks run in CI, where it is present")
    return corpus


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters precomposed, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        kept = "".join(m for m in parts[1:] if m not in tones)
        out.append(unicodedata.normalize("NFC", parts[0] + kept) + "".join(m for m in parts[1:] if m in tones))
    return "".join(out).encode("cp1258")
