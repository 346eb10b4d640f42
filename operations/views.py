"""The development server's media: uploaded images only, never documents.

Documents always go through Wagtail's download view (/documents/<id>/<name>), which applies the
privacy rules; in production nginx serves images itself and this view is not installed
(DEV_MEDIA_SERVER is set in the development settings only).
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

IMAGE_FOLDERS = ("original_images/", "images/")


@require_safe
def media_image(request, path):
    if not path.startswith(IMAGE_FOLDERS):
        raise Http404("Only images are served from the media folder.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
