"""Shared test fixtures: where the repository and the shared corpus are."""

from __future__ import annotations

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
