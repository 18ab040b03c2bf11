# Two commands for a fresh machine with Python 3.11 and pip:
#   make run    set up .venv and run the pipeline on the bundled sample
#   make test   set up .venv and run the test suite
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test lint format clean bench bench-large

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/eventline run data/raw --data-dir data

# The run report's browser test needs Chromium; install it where missing (Debian, root),
# else its tests are skipped with the reason shown.
BROWSER := command -v chromium >/dev/null 2>&1 \
	|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	|| echo "chromium unavailable: browser tests will be skipped"

test: setup
	@$(BROWSER)
	$(BIN)/python -m pytest

# The benchmark (not part of the tests): the realistic and the near-copies corpora, N = 100
# and 1,000, each cold and re-run with nothing, one and ten reports changed (~40 min here).
# bench-large: the realistic corpus at N = 10,000 (hours on 2 cores).
bench: setup
	$(BIN)/python bench/run_bench.py

bench-large: setup
	$(BIN)/python bench/run_bench.py --sizes 10000 --corpora realistic --label large

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .prefect .pytest_cache .ruff_cache
	find data/bronze data/silver data/gold -mindepth 1 ! -name .gitkeep -delete
	rm -rf data/reports data/.cache data/.*.staging-* data/inputs.json data/.publish.json \
		data/.eventline.lock data/.eventline.lock.owner
