# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# mypy reads the package through a tree of links named as the installed namespace
# (`tthc.dsl` -> dsl/), because the folders are mapped onto `tthc.*` only at install time.
MYPY_TREE := .mypy-src/tthc
LAYERS := dsl compiler rules runtime outputs server cli

.PHONY: demo test lint typecheck pytest node-deps fuzz fuzz-api properties bench bench-runtime bench-shapes bench-cold bench-parallel mutations crash release clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(MYPY_TREE): Makefile
	mkdir -p $(MYPY_TREE)
	for layer in $(LAYERS); do ln -sfn ../../$$layer $(MYPY_TREE)/$$layer; done
	ln -sfn ../../namespace/__main__.py $(MYPY_TREE)/__main__.py

# The main job on the embedded data: the three example procedures (DSL and YAML twins) and the
# corpus of real procedures are clean; each deliberately faulty example shows its diagnostic.
demo: $(STAMP)
	@echo "== tthc check examples (3 procedures in both forms, with their registry) =="
	$(BIN)/tthc check --statistics examples
	@echo "== tthc check procedures (the corpus: registry and procedures moved in 2025) =="
	$(BIN)/tthc check --statistics procedures
	@echo "== examples/faulty: one file per reading code, each checked alone =="
	@for file in examples/faulty/TT*; do $(BIN)/tthc check --format concise --lang vi "$$file" | head -n 1; done

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) $(MYPY_TREE)
	$(BIN)/mypy $(MYPY_TREE)

# The node checkers the output tests run (bpmnlint, the Camunda 8 rules, axe-core), pinned by
# tests/outputs/node/package-lock.json.
NODE_DIR := tests/outputs/node
NODE_STAMP := $(NODE_DIR)/node_modules/.installed-stamp

$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund
	touch $@

node-deps: $(NODE_STAMP)

pytest: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# The standing fuzz run of every command in every format on hostile inputs (tests/fuzz/drive.py):
# fails on a traceback, a hang past its bound, invalid output or a cache that changes a result.
FUZZ_INPUTS ?= 100000
FUZZ_SEED ?= 18
FUZZ_JOBS ?= 2
FUZZ_MINUTES ?= 0
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/drive.py --inputs $(FUZZ_INPUTS) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) \
		--minutes $(FUZZ_MINUTES)

# The large property profiles (>= 10,000 examples each), on demand.
properties: $(STAMP)
	HYPOTHESIS_PROFILE=large $(BIN)/pytest tests -m property -p no:cacheprovider

# The runtime's crash test at length: a child applying commands is SIGKILLed 200 times (a few
# minutes); `make test` runs 3 rounds. CRASH_ROUNDS=N to choose.
crash: $(STAMP)
	CRASH_ROUNDS=$${CRASH_ROUNDS:-200} $(BIN)/pytest tests/runtime/test_crash.py -p no:cacheprovider

# The HTTP API fuzzed from its own OpenAPI document (schemathesis), 300 requests per route and
# mode, against a real server and PostgreSQL: no 5xx, every answer as documented.
fuzz-api: $(STAMP)
	SCHEMA_FUZZ_EXAMPLES=300 $(BIN)/pytest tests/runtime/http/test_schema_fuzz.py -p no:cacheprovider

# Each kind of fault a drafter makes, applied to every valid procedure: the detection rate.
mutations: $(STAMP)
	$(BIN)/python tests/mutation/mutate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/corpus_check.py
	$(BIN)/python benchmarks/shapes.py
	$(BIN)/python benchmarks/cold_start.py
	$(BIN)/python benchmarks/outputs.py

# Issue 17: no shape of flow makes the soundness checks slow (wide, nested, unstructured).
bench-shapes: $(STAMP)
	$(BIN)/python benchmarks/shapes.py

# Issue 17: one file from cold, `tthc check` beside the bpmnlint CLI (npm), paired runs.
bench-cold: $(STAMP)
	$(BIN)/python benchmarks/cold_start.py

# Issue 17: 10,000 procedures from cold on one core and on two, interleaved, with the CPU of
# every phase (the serial fraction); a few minutes.
bench-parallel: $(STAMP)
	$(BIN)/python benchmarks/speedup.py

# The runtime beside SpiffWorkflow 3.x in one run (benchmarks/runtime.py; a few minutes).
bench-runtime: $(STAMP)
	$(BIN)/python benchmarks/runtime.py

# The release check: build the sdist and the wheel, install each in a fresh virtual environment
# outside the checkout, and check the examples and a corpus procedure against the national
# registry the package carries (`registry = ["tthc:national"]`).
RELEASE := build/release
release: $(STAMP)
	rm -rf dist $(RELEASE)
	$(BIN)/python -m build --outdir dist .
	@for artefact in dist/tthc-*.tar.gz dist/tthc-*.whl; do \
	  echo "== $$artefact: fresh install, examples, a procedure against the shipped registry =="; \
	  rm -rf $(RELEASE) && mkdir -p $(RELEASE)/province/procedures/ho-tich && \
	  $(PYTHON) -m venv $(RELEASE)/venv && \
	  $(RELEASE)/venv/bin/python -m pip install --quiet "$$artefact" && \
	  cp -r examples $(RELEASE)/province/ && \
	  cp procedures/ho-tich/dang-ky-khai-sinh.tthc $(RELEASE)/province/procedures/ho-tich/ && \
	  echo 'registry = ["tthc:national"]' > $(RELEASE)/province/procedures/tthc.toml && \
	  (cd $(RELEASE)/province && ../venv/bin/python -m tthc --version && \
	   ../venv/bin/tthc check --no-cache examples && \
	   ../venv/bin/tthc check --no-cache procedures) || exit 1; \
	done
	rm -rf $(RELEASE)

clean:
	rm -rf $(VENV) .mypy-src build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .tthc_cache .fuzz-failures
