# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# mypy reads the package through a tree of links named as the installed namespace
# (`tthc.dsl` -> dsl/), because the folders are mapped onto `tthc.*` only at install time.
MYPY_TREE := .mypy-src/tthc
LAYERS := dsl compiler rules runtime cli

.PHONY: demo test lint typecheck pytest fuzz bench mutations release clean

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
	@for file in examples/faulty/TT*; do $(BIN)/tthc check --format concise --lang en "$$file" | head -n 1; done

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
	rm -rf $(VENV) .mypy-src build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .tthc_cache
