"""
Settings for summit, all in one file and all driven by the environment.

Development needs nothing set: SQLite in the project folder, DEBUG on, a
throwaway secret key. Production sets SECRET_KEY, DEBUG=0, ALLOWED_HOSTS and
DATABASE_URL (see README.md).
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def envbool(name: str, default: str) -> bool:
    """A yes/no setting; anything else is refused, so that DEBUG=ture cannot quietly mean off."""
    value = os.environ.get(name, default).strip().lower()
    if value not in TRUE_WORDS + FALSE_WORDS:
        accepted = f"on ({', '.join(TRUE_WORDS)}) nor off ({', '.join(FALSE_WORDS)})"
        raise ImproperlyConfigured(f"{name}={os.environ.get(name)!r} is neither {accepted}.")
    return value in TRUE_WORDS


def envint(name: str, default: str) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "1")

# A development key only: with DEBUG off a real SECRET_KEY must be given.
_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "template_partials",
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "django_tasks",
    "summit.apps.TasksDatabaseConfig",
    "timeline",
    "newsroom",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # NUL in a query parameter: a 400 before any view or the database sees it.
    "timeline.query_string.RefuseNulMiddleware",
    # Database or cache outages become a friendly, logged 503.
    "timeline.middleware.ServiceUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware: the reader's language comes from
    # the URL's prefix (/ja/, /ko/; English has none), see timeline/languages.py.
    # Before LocaleMiddleware, so it sees the Vary header LocaleMiddleware adds.
    "timeline.languages.RequestedLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "summit.urls"
WSGI_APPLICATION = "summit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "timeline.context_processors.ui_strings",
            ],
        },
    },
]

# SQLite by default "so one can just check out the code and it works";
# PostgreSQL in production through DATABASE_URL.
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a writer commits; IMMEDIATE takes the
    # write lock at BEGIN so two writers queue on the busy timeout instead of
    # failing with "database is locked" halfway through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": ("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"),
    }
    # Opening a SQLite file costs next to nothing: a connection per request.
    DATABASES["default"]["CONN_MAX_AGE"] = envint("CONN_MAX_AGE", "0")
else:
    # A PostgreSQL connection costs a few milliseconds and a server process:
    # keep it for a minute across requests, checked before reuse so that a
    # database restart costs one reconnect, not a failed request.
    DATABASES["default"]["CONN_MAX_AGE"] = envint("CONN_MAX_AGE", "60")
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Off only while restoring a backup (SIMPLE_HISTORY_ENABLED=0 manage.py loaddata),
# so loading does not write a second copy of the history it restores.
SIMPLE_HISTORY_ENABLED = envbool("SIMPLE_HISTORY_ENABLED", "1")

CACHES: dict[str, dict[str, Any]]
# Shared by every worker when set; the data version is published there too (timeline/data_version.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # While Redis is unreachable each worker caches in its own memory (summit/cache.py):
    # short timeouts: a Redis that is down refuses at once, one that hangs costs a request a second at most.
    CACHES = {
        "default": {
            "BACKEND": "summit.cache.RedisWithLocalFallback",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "summit",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 1.0},
        }
    }
else:
    # Bounded per worker: past MAX_ENTRIES a third of the entries are dropped. With
    # answers of at most 512 KB (timeline.caching), that is 250 MB at the very worst.
    # (Redis is bounded by its own maxmemory: see the README's production section.)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 3},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Behind reverse proxies, the client's address is the one the outermost
# trusted proxy saw (timeline/client.py): lockouts and the rate limit key on it.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")
AXES_CLIENT_IP_CALLABLE = "timeline.client.client_address"

# Answers missing from the response cache (a new search, a new window) cost
# queries: each client may ask for this many (django-ratelimit's rate syntax),
# then gets a 429 with Retry-After. Cached answers are never limited.
PUBLIC_MISS_RATE = os.environ.get("PUBLIC_MISS_RATE", "120/m")
# A cache that cannot count lets requests through rather than refuse everyone.
RATELIMIT_FAIL_OPEN = True

# The interface in English, Japanese and Korean (issue 22): English keeps the
# unprefixed URLs, the others live under /ja/ and /ko/. English reads British
# (13 Jan 2026, day before month in forms): summit/formats/en/ takes en_GB's.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ja", "日本語"), ("ko", "한국어")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["summit.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = envint("STATIC_MAX_AGE", "31536000" if not DEBUG else "0")

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# An article over 2 MB is refused (newsroom.ingest.MAX_TEXT_BYTES). An upload
# larger than that goes to a temporary file rather than memory, and the form
# refuses it by its size unread; a pasted form body over 2.5 MB (the article
# and room for the other fields) is answered 400 before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_097_152  # 2 MB

# Security headers. Framing is refused everywhere; the embed view alone opts
# out and sends its own frame-ancestors built from EMBED_FRAME_ANCESTORS.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "0" if DEBUG else "1")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "0" if DEBUG else "1")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "0" if DEBUG else "1")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Origins allowed to frame /embed/: any https page by default.
EMBED_FRAME_ANCESTORS = envlist("EMBED_FRAME_ANCESTORS", "https:")
# How long browsers and CDNs may keep embed and API responses.
PUBLIC_CACHE_SECONDS = envint("PUBLIC_CACHE_SECONDS", "300")
# How often each worker reads the data version from the database (timeline/data_version.py).
# With Redis an edit reaches every worker at once; without it (or while it is down), this much later at most.
DATA_VERSION_SECONDS = float(os.environ.get("DATA_VERSION_SECONDS", "2"))

# plotly.js sets inline styles on the SVG it draws, so styles need
# 'unsafe-inline'; scripts never do.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Background jobs (newsroom/jobs.py): fetching links, reading long articles,
# polling feeds. django-tasks stores them in the project's own database, and
# `manage.py worker` (one or more, on any machine sharing the database) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A running job tells it is alive this often; one silent for three beats
# (its worker died) is queued again.
JOB_HEARTBEAT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_SECONDS", "10"))
# How often a worker looks for feeds due a poll and for jobs whose worker died.
SCHEDULE_SECONDS = float(os.environ.get("SCHEDULE_SECONDS", "60"))
# Hosts the link fetcher may reach although they resolve to private or
# loopback addresses (an intranet, the tests' local server): "host" or "host:port".
INGEST_ALLOWED_HOSTS = envlist("INGEST_ALLOWED_HOSTS", "")


def not_rate_limited(record) -> bool:
    # A client over PUBLIC_MISS_RATE may send thousands of requests a minute:
    # writing a warning for each 429 would cost more than answering it.
    return getattr(record, "status_code", None) != 429


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"not_rate_limited": {"()": "django.utils.log.CallbackFilter", "callback": not_rate_limited}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"filters": ["not_rate_limited"]}},
}
