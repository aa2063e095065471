# `make run` opens the application on the bundled example resolution;
# `make test` runs ruff, the import contracts (lint-imports) and the whole test suite. Each creates the virtual
# environment it needs in .venv (PYTHON picks the interpreter, 3.11 or later).
# `make dist` builds the frozen application in dist/ (packaging/build.py, its own
# environment in build/dist-venv).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint bench dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/resdesk

lint: $(VENV)/.installed-test
	$(BIN)/ruff check desktop tests resources templates packaging setup.py
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m pytest tests/bench -p no:cacheprovider -s

dist:
	$(PYTHON) packaging/build.py

clean:
	rm -rf $(VENV) build dist desktop/*.egg-info
