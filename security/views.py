"""The admin screens of two-factor login and of sign-in lockouts."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from security import lockout, two_factor
from security.forms import TokenForm

UNLOCK_PERMISSION = "axes.delete_accessattempt"
RESET_PERMISSION = "otp_totp.delete_totpdevice"
MEMBER_LIST_LIMIT = 200


def next_url(request):
    wanted = request.POST.get("next") or request.GET.get("next")
    allowed = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if wanted and allowed else reverse("wagtailadmin_home")


def verify(request):
    """The second step of sign-in: a code from the app or a backup code."""
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("token", _("This code is not valid. Check the time on your phone."))
    return render(
        request,
        "security/verify.html",
        {"form": form, "next": next_url(request)},
        status=200 if form.is_valid() or not form.is_bound else 400,
    )


def setup(request):
    """Enrolment: scan the QR code, confirm one code, receive the backup codes."""
    user = request.user
    if two_factor.has_second_factor(user) and not user.is_verified():
        raise PermissionDenied
    device = two_factor.pending_app_device(user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = two_factor.confirm_app_device(device)
            otp_login(request, device)
            return render_backup_codes(request, codes)
        form.add_error("token", _("This code is not valid. Check the time on your phone."))
    return render(
        request,
        "security/setup.html",
        {
            "header_title": _("Two-step sign-in"),
            "page_title": _("Two-step sign-in"),
            "header_icon": "key",
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.base32_secret(device),
            "enrolled": two_factor.has_second_factor(user),
            "required": two_factor.requires_two_factor(user),
        },
    )


@require_POST
def backup_codes(request):
    """New backup codes for a verified user (the old ones stop working)."""
    if not request.user.is_verified():
        raise PermissionDenied
    return render_backup_codes(request, two_factor.new_backup_codes(request.user))


def render_backup_codes(request, codes):
    return render(
        request,
        "security/backup_codes.html",
        {
            "header_title": _("Backup codes"),
            "page_title": _("Backup codes"),
            "header_icon": "key",
            "codes": codes,
        },
    )


def may_reset(actor, member):
    """Only a superuser touches a superuser's second factor."""
    return actor.has_perm(RESET_PERMISSION) and (actor.is_superuser or not member.is_superuser)


def members(request):
    """Board members with a second factor, for the team to reset a lost phone."""
    if not request.user.has_perm(RESET_PERMISSION):
        raise PermissionDenied
    users = get_user_model().objects.filter(
        Q(totpdevice__confirmed=True) | Q(staticdevice__isnull=False)
    )
    if not request.user.is_superuser:
        users = users.filter(is_superuser=False)
    return render(
        request,
        "security/members.html",
        {
            "header_title": _("Two-step sign-in of members"),
            "page_title": _("Two-step sign-in of members"),
            "header_icon": "key",
            "members": users.distinct().order_by("username")[:MEMBER_LIST_LIMIT],
        },
    )


@require_POST
def reset_member(request, user_id):
    member = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, member):
        raise PermissionDenied
    two_factor.reset_second_factor(member)
    messages.success(
        request,
        _("Two-step sign-in of %(user)s was reset: they enrol again at their next sign-in.")
        % {"user": member.get_username()},
    )
    return redirect("security_two_factor_members")


def lockouts(request):
    """Account + address pairs locked now, with an unlock button each."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    return render(
        request,
        "security/lockouts.html",
        {
            "header_title": _("Locked sign-ins"),
            "page_title": _("Locked sign-ins"),
            "header_icon": "lock",
            "lockouts": lockout.current_lockouts(),
        },
    )


@require_POST
def unlock(request):
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    username = request.POST.get("username", "")
    ip_address = request.POST.get("ip_address") or None
    if lockout.unlock(username, ip_address):
        messages.success(request, _("Unlocked: %(what)s.") % {"what": lockout.describe(username)})
    return redirect("security_lockouts")
