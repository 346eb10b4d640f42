"""Document downloads handed to nginx (SENDFILE_BACKEND for wagtail.utils.sendfile).

Wagtail's document view has already applied every rule (privacy of collections, the portal's
rule for files of pages that are not live) when it calls this; the response carries no body, only
X-Accel-Redirect to nginx's internal location, which nginx serves from MEDIA_ROOT. Readers can
never reach that location themselves, and /media/documents/ is not served by nginx at all.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    media_root = Path(settings.MEDIA_ROOT).resolve()
    path = Path(filename).resolve()
    if not path.is_relative_to(media_root):
        raise Http404("The file is outside the media folder.")
    response = HttpResponse()
    prefix = settings.DOCUMENTS_ACCEL_REDIRECT_PREFIX.rstrip("/")
    response["X-Accel-Redirect"] = f"{prefix}/{quote(path.relative_to(media_root).as_posix())}"
    return response
