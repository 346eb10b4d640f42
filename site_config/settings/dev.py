"""Local development: DEBUG on unless DEBUG=0 (`make run` sets it), console e-mail, a fixed key
that is useless outside a laptop, static files and media images served by the app itself."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEV_MEDIA_SERVER = True  # images only; documents go through the download view
WHITENOISE_USE_FINDERS = True  # static files straight from the apps, with or without DEBUG
WHITENOISE_AUTOREFRESH = True
