"""The health check and the request log (first in the chain), and refused uploads."""

import logging
import time

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from operations.health import health_report
from operations.logs import request_id_from, request_id_var
from operations.storage import MediaWriteError

HEALTH_PATH = "/healthz"
request_logger = logging.getLogger("portal.request")
media_logger = logging.getLogger("portal.media")


def health_check_middleware(get_response):
    """Answer GET/HEAD /healthz before host validation, HTTPS redirect, sessions or pages.

    Load balancers ask by the server's address over plain HTTP, so the answer must not depend on
    ALLOWED_HOSTS or SECURE_SSL_REDIRECT; it never touches a session or renders a template.
    """

    def middleware(request):
        if request.path_info != HEALTH_PATH or request.method not in ("GET", "HEAD"):
            return get_response(request)
        status, body = health_report()
        response = JsonResponse(body, status=status)
        response["Cache-Control"] = "no-store"
        return response

    return middleware


def request_log_middleware(get_response):
    """Log one line per request (method, path, status, time, user id) with the request id."""

    def middleware(request):
        request_id = request_id_from(request)
        token = request_id_var.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = get_response(request)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "client": request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR"),
                },
            )
            return response
        finally:
            request_id_var.reset(token)

    return middleware


def media_write_error_middleware(get_response):
    """Turn a refused upload into a Vietnamese message for the editor instead of a server error.

    The storage has already removed the partial file and, because the file is written before
    the row, no image or document was recorded. The multiple-upload screens read JSON; every
    other screen gets the message and its own form again.
    """

    def middleware(request):
        return get_response(request)

    def process_exception(request, exception):
        if not isinstance(exception, MediaWriteError):
            return None
        media_logger.error("Upload refused by the media folder: %s", exception.__cause__)
        message = _(
            "The file could not be saved: the media storage is full or cannot be written. "
            "Nothing was saved. Please tell the administration team."
        )
        if "/multiple/" in request.path:
            return JsonResponse({"success": False, "error_message": str(message)})
        messages.error(request, message)
        return redirect(request.get_full_path())

    middleware.process_exception = process_exception
    return middleware
