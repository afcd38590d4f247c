# make brief: build the environment and brief the seeds; make test: run every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: brief test bench lint sysdeps clean wheel-check

# constraints.txt: the versions CI tested, so that a fresh machine gets them too.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

# WeasyPrint wants libharfbuzz-subset0 (without it: a warning and 2.4x slower PDFs).
sysdeps:
	@if ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset.so.0; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing libharfbuzz-subset0 for WeasyPrint"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libharfbuzz-subset0 >/dev/null; \
	else echo "note: install libharfbuzz-subset0 (sudo apt-get install libharfbuzz-subset0) for faster PDFs"; fi

brief: $(STAMP) sysdeps
	$(BIN)/briefer brief seeds/ --out out/

# One worker per core (pytest-xdist); each test file runs whole in one worker, so its module fixtures are built once.
test: $(STAMP) sysdeps
	$(BIN)/python -m pytest -q -n auto --dist loadfile

# Performance figures on articles generated from the seeds, one run (minutes); QUICK=1 for a shorter one.
bench: $(STAMP) sysdeps
	$(BIN)/python scripts/bench.py $(if $(QUICK),--quick)

# The wheel in a bare venv with stock pip: --help, a brief of an HTML page and of the seeds (a few minutes).
wheel-check: $(STAMP) sysdeps
	scripts/wheel-check.sh $(PYTHON) $(BIN)/python

lint: $(STAMP)
	$(BIN)/ruff check briefer tests

clean:
	rm -rf out dist build .pytest_cache
