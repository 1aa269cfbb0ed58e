"""ASGI entry point (served by uvicorn), so that streaming responses work."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")

application = get_asgi_application()
