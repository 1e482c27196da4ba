# summit: `make run` to serve the timeline, `make test` for the whole suite,
# `make test-fast` for the edit-run loop, `make lint` before a commit.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve worker test test-fast test-js lint bench js plotly install install-dev static messages clean

# Serving needs requirements.txt alone; tests, linters and benchmarks add
# requirements-dev.txt on top. Each stamp is redone when its file changes.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The scripts' tools (esbuild, ESLint, Prettier, TypeScript) from the lockfile: for
# building and checking the scripts only; serving never needs Node.
NODE_BIN := node_modules/.bin
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

static: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

MESSAGES_IGNORE := --ignore '.venv*' --ignore node_modules --ignore staticfiles --ignore tests --ignore bench --ignore tools --ignore docs

# The Japanese and Korean interface: the committed catalogues (.po) compiled to
# .mo at set-up by Django's compilemessages, which needs GNU gettext's msgfmt
# (Debian's gettext package). Redone when a .po changes.
MO := locale/ja/LC_MESSAGES/django.mo locale/ko/LC_MESSAGES/django.mo
locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(PY) manage.py compilemessages --locale $* --ignore '.venv*' --ignore node_modules --verbosity 0

# After changing interface strings: extract them into the catalogues, then translate
# every new or changed entry (tests/test_translations.py fails on any left empty or fuzzy).
messages: install
	$(PY) manage.py makemessages --locale ja --locale ko --no-location --no-obsolete $(MESSAGES_IGNORE)

# The web server and one background worker (fetching links, reading long
# articles, polling feeds) together; Ctrl-C stops both.
run: static $(MO)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seed
	$(PY) manage.py worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production mode: gunicorn + whitenoise, DEBUG off. Set SECRET_KEY and
# ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL) in the environment.
# N app servers and M workers: run `make serve` on each app machine (or on
# several PORTs) and `make worker` M times, all with the same DATABASE_URL
# (PostgreSQL) and REDIS_URL; jobs wait in the database, so any worker takes
# any job, and a load balancer sends readers and editors to any app server.
serve: static $(MO)
	$(PY) manage.py migrate --noinput
	DEBUG=0 $(VENV)/bin/gunicorn summit.wsgi --bind $(HOST):$(PORT) --workers $${WORKERS:-2} --access-logfile -

# One background worker with production settings (see serve).
worker: install $(MO)
	DEBUG=0 $(PY) manage.py worker --no-reload

# Two workers: the whole suite, browser tests included, in a few minutes on two
# cores. Tests use plain static storage, so no collectstatic first.
PYTEST_WORKERS ?= 2
test: install-dev $(MO) test-js
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The scripts' unit tests (tests/js), with node's own test runner.
test-js: node_modules/.installed
	node --test tests/js/

# Everything but the browser tests: the loop while editing.
test-fast: install-dev $(MO) test-js
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser" $(PYTEST_ARGS)

# The checks CI fails on, all run so one pass reports every failure; pre-commit
# runs the same tools on the files a commit touches.
lint: install-dev node_modules/.installed
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/ruff format --check . || status=1; \
	$(VENV)/bin/djhtml --check templates || status=1; \
	$(VENV)/bin/mypy || status=1; \
	$(NODE_BIN)/eslint . || status=1; \
	$(NODE_BIN)/prettier --check --log-level warn static/src tests/js tools eslint.config.js || status=1; \
	$(NODE_BIN)/tsc -p . || status=1; \
	node tools/build-js.mjs --check || status=1; \
	exit $$status

# The benchmarks serve with production settings, hence the collected static files.
bench: install-dev static $(MO)
	$(PY) bench/run_all.py $(BENCH_ARGS)

# The scripts under static/src, bundled by esbuild into the files the templates load
# (tools/build-js.mjs lists them). The bundles are committed, so serving never needs
# Node; `make lint` fails when they differ from what their sources build. Needs Node.js and npm.
js: node_modules/.installed
	node tools/build-js.mjs

# The partial plotly.js bundle (static/vendor/plotly-summit-<version>.min.js), rebuilt
# from the committed package.json and lockfile; the result is committed too.
plotly: node_modules/.installed
	node tools/build-plotly.mjs

clean:
	rm -f $(MO)
	rm -rf $(VENV) .venv-runtime node_modules staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
