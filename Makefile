# The two commands of the README: `make run` and `make test`. Both create the
# virtual environment on first use and reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint typecheck unit browser postgres bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/repwatch demo demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) browser postgres
	$(BIN)/python -m pytest

# The end-to-end tests drive Debian's chromium (never a browser downloaded by
# Playwright); install it when missing, which needs root.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }; \
	else \
		echo "/usr/bin/chromium is missing: the end-to-end tests will be skipped."; \
		echo "Install it with: sudo apt-get install --no-install-recommends chromium"; \
	fi

# The store's tests also run on a real PostgreSQL server, started from the
# machine's binaries; install them when missing, which needs root.
postgres:
	@if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
		|| { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql; }; \
	else \
		echo "PostgreSQL is missing: its tests will be skipped."; \
		echo "Install it with: sudo apt-get install --no-install-recommends postgresql"; \
	fi

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_accuracy.py
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/gazetteer_find.py
	$(BIN)/python benchmarks/link_accuracy.py
	$(BIN)/python benchmarks/link_store_accuracy.py
	$(BIN)/python benchmarks/link_speed.py
	$(BIN)/python benchmarks/link_store_speed.py
	$(BIN)/python benchmarks/web_list_speed.py

clean:
	rm -rf $(VENV) demo build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
