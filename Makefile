# Counterpart: `make run` and `make test` set everything up on a fresh Linux machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench corpus lint

# (Re)install when the venv is missing or pyproject.toml changed; a second call reuses it.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/bench.py

corpus: $(STAMP)
	$(PY) benchmarks/corpus_report.py

lint: $(STAMP)
	$(PY) -m ruff check .
