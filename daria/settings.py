"""Django settings for Daria, read from the environment (see docs/configuration.md).

Every variable is parsed strictly by the helpers in ``daria.lib.env``: a bad value stops the
process with a message naming the variable instead of running half-configured.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from daria.lib.env import ConfigurationError, env_bool, env_int, env_list, env_rate, env_str
from daria.lib.secret_key import load_or_create_secret_key, require_strong_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Datasets, models, predictions, the default SQLite database and the generated secret key.
DARIA_DATA_DIR = Path(env_str("DARIA_DATA_DIR", str(BASE_DIR / "data"))).resolve()
DARIA_DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
_CONFIGURED_SECRET_KEY = env_str("SECRET_KEY", "")
if _CONFIGURED_SECRET_KEY and not DEBUG:
    require_strong_secret_key(_CONFIGURED_SECRET_KEY)
SECRET_KEY = _CONFIGURED_SECRET_KEY or load_or_create_secret_key(DARIA_DATA_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "servestatic.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "daria.accounts",
    "daria.datasets",
    "daria.experiments",
    "daria.predictions",
    "daria.audit",
    "daria.insights",
    "daria.leaderboard",
    "daria.exports",
    "daria.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "daria.lib.csp.ContentSecurityPolicyMiddleware",
    "servestatic.middleware.ServeStaticMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "daria.urls"
ASGI_APPLICATION = "daria.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (the Swagger page's script nonce).
        "DIRS": [BASE_DIR / "daria" / "lib" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str) -> dict[str, object]:
    """The default database: DATABASE_URL, or a SQLite file in the data directory.

    SQLite gets WAL mode (readers never block the worker's writes), a busy timeout and IMMEDIATE
    transactions (a writer takes the lock up front instead of failing mid-transaction).
    """
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_health_checks=True))
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool("DARIA_DB_POOL", False):
        # Reused connections; Django has the pool check each one before use (PostgreSQL may
        # have dropped it).
        config["OPTIONS"] = {"pool": {"min_size": 1, "max_size": env_int("DARIA_DB_POOL_SIZE", 10),
                                      "timeout": 10}}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    return config


DATABASES = {
    "default": _database(
        env_str("DATABASE_URL", "") or f"sqlite:///{DARIA_DATA_DIR / 'daria.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Password sign-ins count failures and stop after DARIA_LOGIN_FAILURE_LIMIT (login_throttle).
# The plain ModelBackend stays listed so that sessions started through it remain valid.
AUTHENTICATION_BACKENDS = [
    "daria.lib.login_throttle.ThrottledModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Argon2 hashes new passwords; the others still verify (and upgrade) older hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# The built single-page app (Vite, base /static/app/) is served as static files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [("app", BASE_DIR / "frontend" / "dist")]
# Serve straight from the finders so that a fresh build works without collectstatic.
SERVESTATIC_USE_FINDERS = True
SERVESTATIC_AUTOREFRESH = DEBUG

# Stored files live under the data directory and are never served directly; with
# DARIA_S3_BUCKET they live in that S3-compatible bucket instead (docs/scaling.md), and each
# process keeps the copies it reads under <DARIA_DATA_DIR>/cache/.
MEDIA_ROOT = DARIA_DATA_DIR
MEDIA_URL = "/media-not-served/"
DARIA_S3_BUCKET = env_str("DARIA_S3_BUCKET", "")
DARIA_S3_ENDPOINT_URL = env_str("DARIA_S3_ENDPOINT_URL", "")
DARIA_S3_REGION = env_str("DARIA_S3_REGION", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DARIA_S3_BUCKET and not _CONFIGURED_SECRET_KEY:
    # Machines that share a bucket but not a directory would each generate their own key and
    # refuse each other's model files (their signatures).
    raise ConfigurationError("DARIA_S3_BUCKET is set but SECRET_KEY is not: give every process "
                             "the same SECRET_KEY (docs/scaling.md).")
if DARIA_S3_BUCKET:
    # Credentials come from boto3's own chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a
    # profile or an instance role. Non-AWS servers (MinIO, Ceph...) get path-style addresses.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": DARIA_S3_BUCKET,
        "endpoint_url": DARIA_S3_ENDPOINT_URL or None,
        "region_name": DARIA_S3_REGION or None,
        "addressing_style": "path" if DARIA_S3_ENDPOINT_URL else None,
    }}

# Uploads always go to disk, under the data directory, and stop at the byte cap while streaming.
DARIA_MAX_UPLOAD_BYTES = env_int("DARIA_MAX_UPLOAD_BYTES", 200 * 1024 * 1024, minimum=1)
FILE_UPLOAD_HANDLERS = ["daria.lib.uploads.CappedTemporaryFileUploadHandler"]
FILE_UPLOAD_TEMP_DIR = DARIA_DATA_DIR / "tmp"
FILE_UPLOAD_TEMP_DIR.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_PERMISSIONS = 0o600

# Threads one worker's training may use (LightGBM, BLAS); processes x threads <= cores.
DARIA_WORKER_THREADS = env_int("DARIA_WORKER_THREADS", 1, minimum=1)
# A worker refuses to start when processes x threads exceed the cores, unless this is set.
DARIA_ALLOW_OVERSUBSCRIPTION = env_bool("DARIA_ALLOW_OVERSUBSCRIPTION", False)

REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6390/0")

# The live stream: a keep-alive comment (and a database catch-up) after this many quiet seconds,
# and how long a browser waits before reconnecting to a dropped stream.
DARIA_SSE_KEEPALIVE_S = env_int("DARIA_SSE_KEEPALIVE_S", 15, minimum=1)
DARIA_SSE_RETRY_MS = 2000
# Each experiment's events go to a Redis Stream trimmed to about this many entries, which expires
# this long after its last event (a stream that resumes from further back reads the database).
DARIA_EVENT_STREAM_MAXLEN = env_int("DARIA_EVENT_STREAM_MAXLEN", 1000, minimum=10)
DARIA_EVENT_STREAM_TTL_S = env_int("DARIA_EVENT_STREAM_TTL_S", 86400, minimum=60)

# Longest search a user may ask for, and the grace the worker gets on top to refit and save.
DARIA_MAX_TIME_BUDGET_S = 86400
DARIA_TASK_GRACE_S = 1800
# A trial's task may outlive the search's time left by this much before it is killed.
DARIA_TRIAL_GRACE_S = env_int("DARIA_TRIAL_GRACE_S", 120, minimum=1)
# The longest one trial's task may run (its hard limit); 0: the search's time left plus the grace.
# A trial over its limit ends as "timeout" and the search goes on.
DARIA_TRIAL_TIME_LIMIT_S = env_int("DARIA_TRIAL_TIME_LIMIT_S", 0, minimum=0)
# The finalizing task is sent again when no worker has started it this long after it was sent
# (its message was lost). A started build whose heartbeat stops is sent again after
# DARIA_TRIAL_LOST_AFTER_S, like a trial; a second delivery of a live build does nothing.
DARIA_FINALIZE_LOST_AFTER_S = env_int("DARIA_FINALIZE_LOST_AFTER_S", 300, minimum=2)
# A running trial's worker writes a heartbeat this often; a trial silent for longer than
# DARIA_TRIAL_LOST_AFTER_S is lost, and the reaper (Celery beat) looks for lost trials this often.
DARIA_HEARTBEAT_S = env_int("DARIA_HEARTBEAT_S", 5, minimum=1)
DARIA_TRIAL_LOST_AFTER_S = env_int("DARIA_TRIAL_LOST_AFTER_S", 60, minimum=2)
DARIA_REAPER_INTERVAL_S = env_int("DARIA_REAPER_INTERVAL_S", 30, minimum=1)

# The shared cache (sign-in and upload throttling counters). The prefix carries the database
# name so that two Daria instances sharing one Redis keep separate counters.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"daria:{DATABASES['default']['NAME']}",
    }
}
# Sign-in: this many failed passwords per user name and client address, then 429 until the
# window (counted from the first failure) ends.
DARIA_LOGIN_FAILURE_LIMIT = env_int("DARIA_LOGIN_FAILURE_LIMIT", 5, minimum=1)
DARIA_LOGIN_FAILURE_WINDOW_S = env_int("DARIA_LOGIN_FAILURE_WINDOW_S", 900, minimum=1)
# Dataset uploads per user, e.g. 100/hour.
DARIA_UPLOAD_RATE = env_rate("DARIA_UPLOAD_RATE", "100/hour")

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_DEFAULT_QUEUE = env_str("DARIA_CELERY_QUEUE", "daria")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = DARIA_MAX_TIME_BUDGET_S + DARIA_TASK_GRACE_S
CELERY_TASK_SOFT_TIME_LIMIT = DARIA_MAX_TIME_BUDGET_S + DARIA_TASK_GRACE_S - 60
CELERY_RESULT_EXPIRES = 3600
# A late-acked task is redelivered once this runs out: it must outlast the longest task.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "reap-lost-trials": {
        "task": "daria.experiments.reap_lost_trials",
        "schedule": float(DARIA_REAPER_INTERVAL_S),
    },
}

REST_FRAMEWORK = {
    # Session first, so that a signed-out browser gets 403 rather than a WWW-Authenticate 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "daria.accounts.authentication.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "daria.lib.api_errors.exception_handler",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Daria API",
    "DESCRIPTION": "Self-hosted AutoML: projects, datasets, experiments, models and predictions.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# API tokens (daria.accounts.tokens): only a digest is stored; each expires after this many days
# unless its creator picks a shorter or longer life (at most 365 days).
DARIA_TOKEN_TTL_DAYS = env_int("DARIA_TOKEN_TTL_DAYS", 90, minimum=1)

# Password-reset mail. The console backend prints messages to the server log (development).
EMAIL_BACKEND = env_str("DARIA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("DARIA_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DARIA_EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("DARIA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("DARIA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DARIA_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DARIA_EMAIL_FROM", "daria@localhost")
PASSWORD_RESET_TIMEOUT = 3 * 3600

# Quotas: defaults for everyone; an administrator may override them per user or project.
DARIA_MAX_CONCURRENT_EXPERIMENTS = env_int("DARIA_MAX_CONCURRENT_EXPERIMENTS", 2, minimum=1)
# Experiments beyond that limit wait for a free slot, up to this many per user.
DARIA_MAX_WAITING_EXPERIMENTS = env_int("DARIA_MAX_WAITING_EXPERIMENTS", 20, minimum=0)
# 0 means no limit.
DARIA_PROJECT_STORAGE_BYTES = env_int("DARIA_PROJECT_STORAGE_BYTES", 10 * 1024**3, minimum=0)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Pages whose own inline script gets a per-response nonce in the Content-Security-Policy.
DARIA_CSP_NONCE_PATHS = ["/api/docs/"]
# DARIA_SECURE_COOKIES says "served over HTTPS": it turns on secure cookies, the HTTPS redirect
# and HSTS, each of which can still be set on its own.
SESSION_COOKIE_SECURE = env_bool("DARIA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("DARIA_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env_int(
    "DARIA_HSTS_SECONDS", 31536000 if SESSION_COOKIE_SECURE else 0, minimum=0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DARIA_HSTS_INCLUDE_SUBDOMAINS", SESSION_COOKIE_SECURE)
SECURE_HSTS_PRELOAD = env_bool("DARIA_HSTS_PRELOAD", SESSION_COOKIE_SECURE)
# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto (only if it always sets it).
if env_bool("DARIA_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DARIA_LOG_LEVEL", "INFO")},
}
