"""Regenerate the golden node-link JSON of the sample corpus: ``python -m tests.golden.regenerate``.

Run it from the repository root after a change that is meant to change the graph, and read the
diff of ``tests/golden/data_graph.json`` before committing it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from directive_graph.build import build
from directive_graph.export import generate_json
from directive_graph.graph import build_graph
from directive_graph.store import Store

GOLDEN = Path(__file__).with_name("data_graph.json")
ARTICLES = "data/articles"  # relative, so the paths stored in the graph do not depend on the machine


def sample_graph_json() -> str:
    """The node-link JSON of the graph of ``data/articles``, built from the working directory."""
    with tempfile.TemporaryDirectory() as folder, Store.open(str(Path(folder) / "golden.db"), create=True) as store:
        build(store, [ARTICLES], jobs=1)
        return generate_json(build_graph(store))


if __name__ == "__main__":
    GOLDEN.write_text(sample_graph_json(), encoding="utf-8")
    print(f"wrote {GOLDEN}")
