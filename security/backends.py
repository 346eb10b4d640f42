"""The lockout check in front of Django's own password check."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes for every sign-in made over the web.

    A call without a request (a management command, the test client's ``login``) has no
    address to count against; axes would raise, so it is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
