# One command per habit. Everything installs into .venv and node_modules/ from this project's own files.
VENV ?= .venv
SITE ?= site
PY := $(VENV)/bin/python
PYTHON ?= python3
# Browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM ?= /usr/bin/chromium
NPM ?= npm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help install browser serve build validate test smoke lint vnu audit schema golden bench clean lock

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

install: $(VENV)/.installed node_modules/.installed  ## Create .venv and install the project with its test tools, and the staff editor

# Exactly the versions in requirements.lock.txt (CI and publishing install the same), then the
# project itself; `make lock` renews the pins, and Dependabot proposes updates to them.
$(VENV)/.installed: pyproject.toml requirements.lock.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check
	touch $@

lock:  ## Renew requirements.lock.txt: every Python dependency pinned, resolved in a clean venv
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet '.[test]'
	{ echo "# Every Python dependency of cspsite and its tests, pinned: 'make install' installs exactly these."; \
	  echo "# Made by 'make lock' (pip freeze of a clean venv); Dependabot proposes updates."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^cspsite[= @]'; } > requirements.lock.txt
	rm -rf .lock-venv

# The staff editor at /admin/ (Decap CMS) and its local git proxy, exactly as package-lock.json
# says; the build copies the editor's files into the site. Debian's Node.js when there is none.
node_modules/.installed: package.json package-lock.json
	@command -v $(NPM) >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }
	$(NPM) ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

browser:  ## Install Debian's Chromium for the browser tests (uses apt-get; needs root or sudo)
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@$(CHROMIUM) --version

serve: install  ## Build the site from data/ and serve it at http://127.0.0.1:8000, rebuilding on change
	$(VENV)/bin/cspsite serve

build: install  ## Validate data/ and build the site into site/ (strict)
	$(VENV)/bin/cspsite build

validate: install  ## Check every data file and list all problems
	$(VENV)/bin/cspsite validate

test: install browser  ## Run the whole test suite, browser checks included
	$(VENV)/bin/pytest

vnu: install  ## Check a page of each family with the Nu HTML checker (npm vnu-jar, Debian's Java)
	$(VENV)/bin/pytest -q tests/site/test_html_checker.py

audit: install browser  ## axe at 360 and 1280 px on every page of the built site (slow: ~0.8 s a page)
	$(VENV)/bin/python -m tests.browser.audit

smoke: install  ## Quick check of a built site (SITE=site): record pages, links, open data (for data-only changes)
	CSPSITE_SMOKE_SITE=$(SITE) $(VENV)/bin/pytest -q -p no:cacheprovider tests/test_smoke.py

lint: install  ## Check the Python code style
	$(VENV)/bin/ruff check macros tests

golden: install  ## Rewrite the golden files from the current output (then review the diff)
	$(VENV)/bin/pytest --update-golden -q

schema: install  ## Regenerate schema/*.json and the staff editor's forms (site_src/admin/) from the models
	$(VENV)/bin/cspsite schema
	$(VENV)/bin/cspsite cms-config

bench: install browser  ## Build synthetic sites of 1, 30 and 300 partnerships; write bench/RESULTS.md (slow)
	$(PY) bench/benchmark.py $(BENCH_ARGS)

clean:  ## Remove the built site and caches (the drawn charts in .cache/ too)
	rm -rf site .cache .pytest_cache .hypothesis
