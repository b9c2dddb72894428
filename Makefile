# Counterpart: `make run` and `make test` set everything up on a fresh Linux machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test fuzz bench corpus lint

# (Re)install when the venv is missing or pyproject.toml changed; a second call reuses it.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest -q

# The property tests of tests/test_fuzz.py with many more examples than the suite runs (12).
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q tests/test_fuzz.py

# Speed and memory: the analysis (synthetic sizes, loads, corpus), the Word brief, the window.
# Every benchmark runs (one that misses a goal does not hide the others); the target fails when any did.
BENCHMARKS := benchmarks/bench.py benchmarks/bench_brief.py benchmarks/bench_window.py \
	benchmarks/bench_crosslang.py benchmarks/bench_hostile.py
bench: $(STAMP)
	@status=0; for script in $(BENCHMARKS); do echo "== $$script"; $(PY) $$script || status=1; done; exit $$status

# The corpus report: every pair's links and top findings, then the scores against hand-made gold
# (alignment links; topic presence and omissions), and the blind evaluation of the findings
# (grades kept between rounds, key-difference recall). Every evaluation runs; the target fails
# when any score is below the floor its script records.
EVALUATIONS := benchmarks/crosslang_eval.py benchmarks/translation_eval.py benchmarks/topic_eval.py benchmarks/blind/score.py benchmarks/blind/score_reading.py
corpus: $(STAMP)
	$(PY) benchmarks/corpus_report.py
	@status=0; for script in $(EVALUATIONS); do echo "== $$script"; $(PY) $$script || status=1; done; exit $$status

lint: $(STAMP)
	$(PY) -m ruff check .
