"""The portal's URLs as the development settings build them (DEV_MEDIA_SERVER on)."""

from django.urls import include, path

urlpatterns = [path("", include("operations.urls")), path("", include("site_config.urls"))]
