"""The benchmark's floor: the cheapest page the middleware stack can serve.

``make bench`` measures every reader page against it. The address exists only when
``BENCHMARK_FLOOR_VIEW`` is on (the benchmark's own app servers); production never routes it.
"""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control

FLOOR_HTML = "<!doctype html><title>floor</title><p>ok</p>"


@cache_control(private=True)
def floor(request):
    """A constant answer, marked private so that no cache keeps it: every request crosses
    all the middleware (the page cache's lookup included) and reaches this view."""
    return HttpResponse(FLOOR_HTML)
