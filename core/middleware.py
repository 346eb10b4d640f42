"""Bounds on what the admin's search boxes send to the search backend.

Wagtail's admin searches (pages, documents, images, snippets, users, choosers) turn each
word of ``q`` into one nested expression; a query of some hundred words exhausts Python's
recursion limit in the database backend and answers 500. Every admin request's ``q`` is cut to
the limits of the reader's search here, so each of those screens runs a bounded query.
"""

from django.urls import reverse

from core.text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS


def bounded_admin_query(raw):
    """``raw`` cut to MAX_QUERY_LENGTH characters, then to its first MAX_QUERY_WORDS words."""
    return " ".join(str(raw)[:MAX_QUERY_LENGTH].split()[:MAX_QUERY_WORDS])


class BoundedAdminSearchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "q" in request.GET and request.path.startswith(reverse("wagtailadmin_home")):
            query = request.GET.copy()
            query.setlist("q", [bounded_admin_query(value) for value in query.getlist("q")])
            request.GET = query
        return self.get_response(request)
