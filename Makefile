# The README's two commands: `make demo` and `make test`. Each sets itself up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
OUT := out

.PHONY: demo test bench fuzz lint clean install dev

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.dev: $(VENV)/.installed
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed
dev: $(VENV)/.dev

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	$(BIN)/newsevents analyze examples/articles --db $(OUT)/demo.db
	$(BIN)/newsevents timeline --db $(OUT)/demo.db
	$(BIN)/newsevents report --db $(OUT)/demo.db -o $(OUT)/report.html
	@echo
	@echo "Report: $(abspath $(OUT)/report.html)  (open it in any browser; no server needed)"
	@echo "More:   $(BIN)/newsevents compare --db $(OUT)/demo.db | export --db $(OUT)/demo.db --format plover-jsonl"

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -q

bench: $(VENV)/.installed
	$(PY) -m newsevents.bench

# A Hypothesis-driven fuzz target per reader (txt md html json jsonl pdf), FUZZ_SECONDS each;
# a crashing input is saved in tests/fuzz_regressions/ and replayed by the test suite.
FUZZ_SECONDS ?= 30
fuzz: $(VENV)/.dev
	$(PY) tests/fuzz.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
