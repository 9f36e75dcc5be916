# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# mypy reads the package through a tree of links named as the installed namespace
# (`tthc.dsl` -> dsl/), because the folders are mapped onto `tthc.*` only at install time.
MYPY_TREE := .mypy-src/tthc
LAYERS := dsl compiler rules runtime cli

.PHONY: demo test lint typecheck pytest fuzz bench bench-shapes bench-cold mutations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(MYPY_TREE): Makefile
	mkdir -p $(MYPY_TREE)
	for layer in $(LAYERS); do ln -sfn ../../$$layer $(MYPY_TREE)/$$layer; done

# The main job on the embedded data: the three example procedures (DSL and YAML twins) and the
# corpus of real procedures are clean; each deliberately faulty example shows its diagnostic.
demo: $(STAMP)
	@echo "== tthc check examples (3 procedures in both forms, with their registry) =="
	$(BIN)/tthc check --statistics examples
	@echo "== tthc check procedures (the corpus: registry and procedures moved in 2025) =="
	$(BIN)/tthc check --statistics procedures
	@echo "== examples/faulty: one file per reading code, each checked alone =="
	@for file in examples/faulty/*; do $(BIN)/tthc check --format concise --lang en "$$file" | head -n 1; done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) $(MYPY_TREE)
	$(BIN)/mypy $(MYPY_TREE)

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# The large property and fuzz profiles (>= 10,000 examples each), on demand.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=large $(BIN)/pytest tests -m property -p no:cacheprovider

# Each kind of fault a drafter makes, applied to every valid procedure: the detection rate.
mutations: $(STAMP)
	$(BIN)/python tests/mutation/mutate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus_check.py
	$(BIN)/python benchmarks/shapes.py
	$(BIN)/python benchmarks/cold_start.py

# Issue 17: no shape of flow makes the soundness checks slow (wide, nested, unstructured).
bench-shapes: $(STAMP)
	$(BIN)/python benchmarks/shapes.py

# Issue 17: one file from cold, `tthc check` beside the bpmnlint CLI (npm), paired runs.
bench-cold: $(STAMP)
	$(BIN)/python benchmarks/cold_start.py

clean:
	rm -rf $(VENV) .mypy-src build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .tthc_cache
