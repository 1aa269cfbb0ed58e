"""ASGI entry point (served by uvicorn), so that streaming responses work."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")
# The web server keeps a pool of PostgreSQL connections: opening one per request cost more than
# most API requests take (docs/configuration.md). Workers open theirs per task, as before.
os.environ.setdefault("DARIA_DB_POOL", "1")

django_application = get_asgi_application()

from daria.lib.body_cap import BodyCap  # noqa: E402 - needs the settings that the line above loads

# Django reads a whole request body before any view runs: the cap stops reading at the limit.
application = BodyCap(django_application)
