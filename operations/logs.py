"""One log line per request, tagged with the request's id, as text or JSON (LOG_FORMAT=json).

The id comes from nginx (X-Request-ID, so its access log and ours agree) or is made here; every
record logged while the request runs carries it, tracebacks of server errors included.
"""

import contextvars
import json
import logging
import re
import uuid

request_id_var = contextvars.ContextVar("request_id", default="-")
VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_id_from(request):
    """The proxy's id when it looks like one (a client cannot inject text into logs), else a new one."""
    candidate = request.META.get("HTTP_X_REQUEST_ID", "")
    return candidate if VALID_REQUEST_ID.match(candidate) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, the request fields."""

    FIELDS = ("method", "path", "status", "duration_ms", "user_id", "client")

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update({name: getattr(record, name) for name in self.FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
