"""Development-only media URL (see views.media_image)."""

from django.conf import settings
from django.urls import path

from operations.views import media_image

urlpatterns = [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_image)]
