# summit: `make run` to serve the timeline, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test bench install static clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

static: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

run: static
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata seed
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production mode: gunicorn + whitenoise, DEBUG off. Set SECRET_KEY and
# ALLOWED_HOSTS (and DATABASE_URL for PostgreSQL) in the environment.
serve: static
	$(PY) manage.py migrate --noinput
	DEBUG=0 $(VENV)/bin/gunicorn summit.wsgi --bind $(HOST):$(PORT) --workers $${WORKERS:-2} --access-logfile -

# Two workers: the whole suite, browser tests included, in a few minutes on two cores.
PYTEST_WORKERS ?= 2
test: static
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

bench: static
	$(PY) bench/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 db.sqlite3-wal db.sqlite3-shm
