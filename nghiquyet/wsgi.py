"""WSGI entry point, served by waitress (``nghiquyet serve``) or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
application = get_wsgi_application()
