"""Sign-in lockout with django-axes: per account and address, for a limited time.

A lock on an account alone would let anyone lock the whole board out by guessing wrong
passwords; a lock on the pair only stops that address trying that account. Unknown and known
accounts are counted and refused the same way, so the answers tell nothing about who exists.
The password reset form is counted in the same table, as its own kind of attempt.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.account import PasswordResetView

RESET_PREFIX = "password-reset:"


def client_ip(request):
    """The reader's address: the one the trusted proxy saw, else the socket's peer.

    With one proxy in front, the last X-Forwarded-For entry is the one that proxy appended
    (a client can forge the entries before it, never that one).
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_TRUSTED_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed attempts from this address. Try again in %(minutes)d minute, "
        "or ask the administration team to unlock it.",
        "Too many failed attempts from this address. Try again in %(minutes)d minutes, "
        "or ask the administration team to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response, credentials):
    """Keep the page the view rendered (it shows the lockout message), answered as 429.

    A request that the view already served (a redirect) stays served; the lock holds from
    the next one.
    """
    if original_response is None or original_response.status_code in (301, 302, 303):
        return original_response
    original_response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    return original_response


class LockoutAwareLoginForm(LoginForm):
    """Wagtail's login form, saying why a locked pair is refused instead of "wrong password"."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(lockout_message(), code="locked_out") from None
            raise


class LockedPasswordResetView(PasswordResetView):
    """Wagtail's reset form, limited like sign-in: per e-mail address and client address.

    Every request counts, whether the address belongs to an account or not, and the answer is
    the same in both cases.
    """

    def form_valid(self, form):
        credentials = {"username": RESET_PREFIX + form.cleaned_data["email"].strip().lower()}
        if AxesProxyHandler.is_locked(self.request, credentials):
            form.add_error(None, lockout_message())
            response = self.form_invalid(form)
            response.status_code = settings.AXES_HTTP_RESPONSE_CODE
            return response
        user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
        return super().form_valid(form)


def current_lockouts():
    """The account + address pairs locked now (axes adds up a pair's rows, one per browser)."""
    recent = AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME
    )
    pairs = (
        recent.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )
    return [{**pair, "label": describe(pair["username"])} for pair in pairs]


def unlock(username, ip_address):
    """Forget the failures of one pair; returns how many rows went."""
    deleted, _rows = AccessAttempt.objects.filter(username=username, ip_address=ip_address).delete()
    return deleted


def describe(username):
    """What the administration team reads in the lockout list."""
    if username.startswith(RESET_PREFIX):
        return _("Password reset for %(email)s") % {"email": username[len(RESET_PREFIX) :]}
    return _("Sign-in as %(username)s") % {"username": username}
