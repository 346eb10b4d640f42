"""NukeViet accounts (administrators and members) as Django users.

They arrive inactive unless ``--activate-users``, never as superusers or staff and in no
group: Tổ quản trị gives each person the board role they have now. Passwords keep working
(``nukeviet.hashers``) and are re-hashed by Django at the first login. An existing account
with the same user name is never touched.
"""

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from core.text import normalize_text
from nukeviet.hashers import from_nukeviet
from nukeviet.models import LegacyRecord

COLUMNS = {
    "userid": 0,
    "username": "",
    "password": "",
    "email": "",
    "first_name": "",
    "last_name": "",
    "regdate": 0,
    "active": 1,
    "active2step": 0,
    "secretkey": "",
    "last_update": 0,
}


def import_users(importer):
    source, report = importer.source, importer.report
    rows = source.select(source.table("users", system=True), COLUMNS, order="userid")
    known = {
        record.legacy_id: record
        for record in LegacyRecord.objects.filter(kind=LegacyRecord.Kind.USER)
    }
    User = get_user_model()
    for row in rows:
        legacy_id = str(row["userid"])
        username = normalize_text(row["username"]).strip()[:150]
        if legacy_id in known:
            report.count("user", "unchanged")
            continue
        if not username:
            report.fail("user", legacy_id, "", "no user name")
            continue
        if User.objects.filter(username__iexact=username).exists():
            report.count("user", "skipped")
            report.warn("user", legacy_id, username, "an account with this name exists: left alone")
            continue
        password = from_nukeviet(row["password"])
        if not password:
            report.warn("user", legacy_id, username, "password is not {SSHA512}: must be reset")
        report.count("user", "created")
        if importer.dry_run:
            continue
        joined = datetime.fromtimestamp(row["regdate"], tz=UTC) if row["regdate"] else None
        user = User(
            username=username,
            email=row["email"][:254],
            first_name=normalize_text(row["first_name"])[:150],
            last_name=normalize_text(row["last_name"])[:150],
            is_active=bool(importer.activate_users and row["active"]),
            is_staff=False,
            is_superuser=False,
            password=password or "!",
        )
        if joined:
            user.date_joined = joined
        user.save()
        data = {}
        if row["secretkey"]:
            data = {
                "two_step_secret": row["secretkey"],
                "two_step_active": bool(row["active2step"]),
            }
        LegacyRecord.objects.create(
            module="",
            kind=LegacyRecord.Kind.USER,
            legacy_id=legacy_id,
            alias=username,
            object_id=user.pk,
            source_changed=row["last_update"] or None,
            data=data,
        )
