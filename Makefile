# directive-graph: `make demo` and `make test` each set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

DEMO_DB := .demo/directive-graph.db

demo: $(STAMP)
	@rm -rf .demo && mkdir -p .demo
	$(BIN)/directive-graph build data/articles --db $(DEMO_DB)
	$(BIN)/directive-graph report --db $(DEMO_DB) --out report.html
	$(BIN)/directive-graph lookup "Quyết định 1847/QĐ-TTg" --db $(DEMO_DB) --limit 3
	@echo "Open report.html in a browser (it works offline)."

lint: $(STAMP)
	$(BIN)/ruff check directive_graph tests benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_store.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache
