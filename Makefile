# Two commands: `make run` serves the portal with demo content as readers see it (DEBUG off
# unless DEBUG=1), `make test` runs the suite. `make dev`: debug pages and autoreload.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= bbt-hatinh-2026
export DEMO_PASSWORD
# Links in e-mails, canonical links, the sitemap and feeds name the address the demo is served on.
WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export WAGTAILADMIN_BASE_URL

.PHONY: run dev test test-fast bench bench-import lighthouse venv setup lint format messages clean deploy-check drill backup restore

$(BIN)/.installed: requirements.txt requirements-test.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@

venv: $(BIN)/.installed

setup: venv
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

# Readers' view: the portal's own 404/500 pages, a plain 400 for an unknown Host. DEBUG=1 (or
# `make dev`) gives Django's debug pages and reloads the code on every change.
DEBUG ?= 0
RUNSERVER_FLAGS = $(if $(filter 1 true yes on,$(DEBUG)),,--noreload)

dev: DEBUG = 1
dev: run

run: setup
	@echo ""
	@echo "  Trang chủ:  http://$(HOST):$(PORT)/"
	@echo "  Quản trị:   http://$(HOST):$(PORT)/admin/"
	@echo "  Đăng nhập:  $$($(BIN)/python manage.py demo_accounts)"
	@echo "  Mật khẩu:   $(DEMO_PASSWORD)   (đổi bằng biến môi trường DEMO_PASSWORD)"
	@echo "  Xuất bản theo lịch: publish_scheduled chạy mỗi phút cùng máy chủ"
	@echo ""
# Scheduled pages go live while the dev server runs: publish_scheduled every minute.
	@trap 'kill $$scheduler 2>/dev/null; exit' EXIT INT TERM; \
	(while true; do $(BIN)/python manage.py publish_scheduled >/dev/null; sleep 60; done) & \
	scheduler=$$!; \
	DEBUG=$(DEBUG) $(BIN)/python manage.py runserver $(RUNSERVER_FLAGS) $(HOST):$(PORT)

# The suite in parallel (pytest-xdist, one test database per worker); TEST_WORKERS=0 runs it serially.
# Work stealing: a worker that runs out takes half of another's queue. xdist's default hands out
# fixed chunks, and one worker sat idle for half the run while the other finished its own.
TEST_WORKERS ?= auto
PYTEST = $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal
test: venv
	$(PYTEST)

# The quick loop: no browser tests, no full demo load, no whole-matrix walks (markers in
# pyproject.toml); `make test` runs them all.
test-fast: venv
	$(PYTEST) -m "not browser and not demo and not slow"

# Queries and times of the reader pages on the current database (figures to compare, not a
# test), then the same pages under load through gunicorn and nginx from deploy/ (wrk, Debian's).
BENCH_PORT_BASE ?= 9700
# The test client's figures are a whole render's: the page cache would answer them with no
# query, and the kept fragments, frames and routes would hide most of the render's queries.
bench: setup
	PAGE_CACHE_ENABLED=false FRAGMENT_CACHE_ENABLED=false $(BIN)/python manage.py benchmark
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BIN)/python manage.py bench_http --port-base $(BENCH_PORT_BASE)

# Snapshot of the configured database and MEDIA_ROOT (manifest of checksums) under BACKUP_DIR;
# `make restore FROM=<backup folder>` into an empty database and media folder.
BACKUP_DIR ?= var/backups
backup: venv
	$(BIN)/python manage.py backup --output $(BACKUP_DIR)

restore: venv
	@test -n "$(FROM)" || (echo "Usage: make restore FROM=<backup folder>" && exit 2)
	$(BIN)/python manage.py restore $(FROM)

# The shipped deployment (deploy/) started on loopback and checked; then its fault drills and
# the backup-restore drill. Needs nginx, redis-server and PostgreSQL's server binaries.
deploy-check: venv
	$(BIN)/python deploy/drill.py check

drill: venv
	$(BIN)/python deploy/drill.py faults backup

# Lighthouse (mobile) on the home page and a news item, through the shipped nginx and gunicorn
# on loopback with the demo content; fails under 95. LIGHTHOUSE_ARGS="--runs 3" for a median.
lighthouse: venv
	$(BIN)/python deploy/drill.py lighthouse

# Import speed and memory: N synthetic NukeViet articles (MariaDB) into DATABASE_URL.
ARTICLES ?= 50000
bench-import: venv
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bench_import --articles $(ARTICLES)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/djlint templates */templates --lint

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The project's apps, each with its own catalogue under <app>/locale/.
APPS := core home search demo benchmark translations articles directives editorial pages nukeviet operations security generator

# Regenerate the project's Vietnamese catalogues (needs gettext) and compile them.
messages: venv
	for app in $(APPS); do \
	  mkdir -p $$app/locale && (cd $$app && ../$(BIN)/python ../manage.py makemessages -l vi --no-obsolete); \
	done
	$(BIN)/python manage.py makemessages -l vi --no-obsolete -i '.venv/*' -i 'var/*' -i 'tests/*' \
	  $(foreach app,$(APPS),-i '$(app)/*')
	$(BIN)/python manage.py compilemessages -l vi -i '.venv/*' -i 'var/*'

clean:
	rm -rf var/db.sqlite3 var/media
