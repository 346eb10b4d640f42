"""Headers on every response, idle expiry of admin sessions, and the second-factor gate.

The application is the source of truth for its security headers: a proxy in front may repeat
them but must not be needed for them.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from security.two_factor import has_second_factor, requires_two_factor

# Reader pages: scripts, styles and images from the site only (the portal ships no script;
# Wagtail's userbar loads its own for signed-in editors). data: for inline icons.
READER_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The admin: still nothing from outside the site, but Wagtail 8 writes inline scripts (its
# date and time widgets, inline panels, every chooser widget) and inline styles, without
# nonces and with per-field content, so 'unsafe-inline' is the strictest policy its editor
# works under (why a nonce or hash policy cannot work: docs/security.md; checked in Chromium by
# tests/browser/test_security_policy.py). No 'unsafe-eval': nothing in the admin needs it.
ADMIN_POLICY = {
    **READER_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def admin_prefix():
    return reverse("wagtailadmin_home")


def serialise(policy):
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def reader_policy():
    frames = ["'self'", *settings.CSP_FRAME_SOURCES]
    return serialise({**READER_POLICY, "frame-src": frames})


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy; Django's SecurityMiddleware sets the rest
    (nosniff, Referrer-Policy, HSTS) and XFrameOptionsMiddleware sets X-Frame-Options."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_policy = serialise(ADMIN_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        in_admin = request.path.startswith(admin_prefix())
        response.headers.setdefault(
            "Content-Security-Policy", self.admin_policy if in_admin else reader_policy()
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class AdminIdleTimeoutMiddleware:
    """Sign out an admin session that made no request for ADMIN_IDLE_MINUTES."""

    SESSION_KEY = "admin_last_seen"
    # The session is written at most once a minute, not on every request.
    RESOLUTION_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.path.startswith(admin_prefix()):
            now = int(time.time())
            last_seen = request.session.get(self.SESSION_KEY, now)
            if now - last_seen > settings.ADMIN_IDLE_MINUTES * 60:
                logout(request)
                return redirect_to(reverse("wagtailadmin_login"), request.get_full_path())
            if (
                now - last_seen >= self.RESOLUTION_SECONDS
                or self.SESSION_KEY not in request.session
            ):
                request.session[self.SESSION_KEY] = now
        return self.get_response(request)


def redirect_to(url, next_path):
    return redirect(f"{url}?{urlencode({'next': next_path})}")


class TwoFactorRequiredMiddleware:
    """After the password, the admin waits for a code (or, where required, an enrolment)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.path.startswith(admin_prefix())
            and not user.is_verified()
        ):
            target = self.gate(user)
            if target and request.path not in self.always_open(target):
                return redirect_to(target, request.get_full_path())
        return self.get_response(request)

    @staticmethod
    def gate(user):
        if has_second_factor(user):
            return reverse("security_two_factor_verify")
        if requires_two_factor(user):
            return reverse("security_two_factor_setup")
        return None

    @staticmethod
    def always_open(target):
        """The gate itself, signing out, and what every admin page loads (icons, translations)."""
        names = (
            "wagtailadmin_logout",
            "wagtailadmin_login",
            "wagtailadmin_sprite",
            "wagtailadmin_javascript_catalog",
        )
        return {target, *(reverse(name) for name in names)}
