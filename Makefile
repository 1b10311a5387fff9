# The README's two commands: `make demo` and `make test`. Each sets itself up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
OUT := out

.PHONY: demo serve test bench bench-merge bench-ray bench-web screenshots fit-merge train fuzz lint clean install dev

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e .
	touch $@

# dev also installs the ray extra (Ray Data, pyarrow), so `make test` runs the Ray engine's
# equivalence test and the parquet export tests.
$(VENV)/.dev: $(VENV)/.installed
	$(PY) -m pip install -q -c constraints.txt -e '.[dev,ray]'
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
	@echo "Workbench: make serve   (then open http://127.0.0.1:8000/ ; the API is at /api/events)"

# The analyst's workbench on the demo database (run `make demo` first); PORT=8001 to change.
PORT ?= 8000
serve: $(VENV)/.installed
	@test -f $(OUT)/demo.db || { echo "no $(OUT)/demo.db yet: run 'make demo' first"; exit 1; }
	$(BIN)/newsevents serve --db $(OUT)/demo.db --port $(PORT)

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -q

# BENCH_WORKERS=N: also the full pipeline with N worker processes (1: one process only);
# BENCH_REPEAT=3: each run three times in its process, the fastest kept (a busy machine).
BENCH_WORKERS ?= 2
BENCH_REPEAT ?= 1
bench: $(VENV)/.installed
	$(PY) -m newsevents.bench --workers $(BENCH_WORKERS) --repeat $(BENCH_REPEAT)

# Merge at scale: 1,000,000 synthetic mentions by date windows; 1,000 new articles merged
# incrementally into a store of 100,000 events (a figure, not a test; takes minutes).
bench-merge: $(VENV)/.dev
	$(PY) scripts/bench_merge.py

# Local engine vs Ray engine: throughput and peak memory on BENCH_ARTICLES generated articles.
BENCH_ARTICLES ?= 1000
bench-ray: $(VENV)/.dev
	$(PY) scripts/bench_ray.py --articles $(BENCH_ARTICLES)

# Workbench latency: 50 concurrent clients for 10 s per page on >= 10,000 synthetic events.
bench-web: $(VENV)/.dev
	$(PY) scripts/bench_web.py

# PNG screenshots of every workbench page into docs/ (headless /usr/bin/chromium).
screenshots: $(VENV)/.dev
	@test -f $(OUT)/demo.db || $(MAKE) demo
	$(PY) scripts/screenshots.py --db $(OUT)/demo.db --out docs

# refit the merge weights (src/newsevents/data/merge_weights.json) on the tuned merge gold
fit-merge: $(VENV)/.dev
	$(PY) scripts/fit_merge.py

# train the learned second opinion on training/corpus/*.jsonl: writes
# src/newsevents/learn/data/weights.npz and docs/MODEL_CARD.md (CORPUS=DIR for another corpus)
CORPUS ?= training/corpus
train: $(VENV)/.dev
	$(PY) -m newsevents.evaluate.train --corpus $(CORPUS)

# A Hypothesis-driven fuzz target per reader (txt md html json jsonl pdf), FUZZ_SECONDS each;
# a crashing input is saved in tests/fuzz_regressions/ and replayed by the test suite.
FUZZ_SECONDS ?= 30
fuzz: $(VENV)/.dev
	$(PY) tests/fuzz.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
