# Communiqué: `make run` opens the app, `make test` runs the whole suite.
# Both check the system packages first (scripts/ci-deps.sh: a no-op when all are present),
# create .venv when it is missing and reinstall when pyproject.toml changes.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bench-gui translations screenshots deps format clean
.PHONY: bench-engagement bench-feedback bench-media

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: deps $(STAMP)
	$(BIN)/communique

test: deps $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python bench/run.py --write docs/benchmarks.md

# The desktop app's figures alone (start-up, GUI-thread stalls, opening the queue and calendar).
bench-gui: deps $(STAMP)
	$(BIN)/python bench/gui.py --write docs/benchmarks.md

# The engagement dashboard's queries over 1,000,000 snapshots (SQLite and PostgreSQL) and the PDF report.
bench-engagement: deps $(STAMP)
	$(BIN)/python bench/engagement.py --write docs/benchmarks.md

# Collecting, detecting and translating 1,000 new comments, beside the translation engine alone.
bench-feedback: $(STAMP)
	$(BIN)/python bench/feedback.py --write docs/benchmarks.md

# A 32 MB and a 512 MB video stored in and read back from the database (SQLite and PostgreSQL):
# time beside a plain file copy, and memory growth beside holding the file whole.
bench-media: deps $(STAMP)
	$(BIN)/python bench/media.py --write docs/benchmarks.md

# Refresh resources/i18n/*.ts from the tr() strings in app/, then compile each .ts to a .qm
# beside it for checking (git ignores the .qm; the app compiles each .ts into its own cache).
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

# docs/screenshots/<page>.png of every screen, offscreen, over a practice newsroom.
screenshots: deps $(STAMP)
	$(BIN)/python scripts/screenshots.py --out docs/screenshots --timeout 600

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# System packages (Qt's libraries, fonts, PostgreSQL for the team-store tests).
deps:
	@PYTHON="$(PYTHON)" bash scripts/ci-deps.sh

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build *.egg-info
