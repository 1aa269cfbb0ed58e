"""Django settings for Daria, read from the environment (see docs/configuration.md).

Every variable is parsed strictly by the helpers in ``daria.lib.env``: a bad value stops the
process with a message naming the variable instead of running half-configured.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from daria.lib.env import env_bool, env_int, env_list, env_str
from daria.lib.secret_key import load_or_create_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Datasets, models, predictions, the default SQLite database and the generated secret key.
DARIA_DATA_DIR = Path(env_str("DARIA_DATA_DIR", str(BASE_DIR / "data"))).resolve()
DARIA_DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "") or load_or_create_secret_key(DARIA_DATA_DIR)
DEBUG = env_bool("DEBUG", False)
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
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "daria.accounts",
    "daria.datasets",
    "daria.experiments",
    "daria.predictions",
    "daria.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
        "DIRS": [],
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

# Stored files live under the data directory and are never served directly.
MEDIA_ROOT = DARIA_DATA_DIR
MEDIA_URL = "/media-not-served/"

# Uploads always go to disk, under the data directory, and stop at the byte cap while streaming.
DARIA_MAX_UPLOAD_BYTES = env_int("DARIA_MAX_UPLOAD_BYTES", 200 * 1024 * 1024, minimum=1)
FILE_UPLOAD_HANDLERS = ["daria.lib.uploads.CappedTemporaryFileUploadHandler"]
FILE_UPLOAD_TEMP_DIR = DARIA_DATA_DIR / "tmp"
FILE_UPLOAD_TEMP_DIR.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_PERMISSIONS = 0o600

# Threads one worker's training may use (LightGBM, BLAS); processes x threads <= cores.
DARIA_WORKER_THREADS = env_int("DARIA_WORKER_THREADS", 1, minimum=1)

REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6390/0")

# Longest search a user may ask for, and the grace the worker gets on top to refit and save.
DARIA_MAX_TIME_BUDGET_S = 86400
DARIA_TASK_GRACE_S = 1800

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

REST_FRAMEWORK = {
    # Session first, so that a signed-out browser gets 403 rather than a WWW-Authenticate 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
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

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("DARIA_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DARIA_LOG_LEVEL", "INFO")},
}
