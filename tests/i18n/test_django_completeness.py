"""Every msgid of Django core's catalogue, and of the Django and taggit apps, reads in Vietnamese.

Django's own Vietnamese leaves some eighty msgids untranslated (the "slug" and null-character
validators, the file-extension check, the JSON, UUID and date format errors, pagination,
language names), so editors met them in English. ``locale/upstream/django/`` (in
LOCALE_PATHS, ahead of Django's catalogues) supplies them; after pinning a new Django, this
test lists what the new version added. Two screens that showed English before prove Django
reads the copy: a page form's null-character error and the CSRF refusal page.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client

from articles.models import NewsPage
from tests.factories import make_news_index, make_superuser, news_form
from tests.i18n.catalogues import (
    django_catalogue,
    django_copy,
    entries,
    is_translated,
    keeps_placeholders,
    key,
    vietnamese,
)


def _translations(path):
    if not path.exists():
        return {}
    return {key(entry): entry for entry in entries(path) if is_translated(entry)}


def _english_catalogues():
    """Django core's English catalogue, then those of the installed non-Wagtail apps
    (django.contrib.*, django-taggit); Wagtail's are the upstream-completeness test's."""
    paths = [django_catalogue("en")]
    for app in apps.get_app_configs():
        english = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / "django.po"
        if english.exists() and not app.name.startswith("wagtail"):
            paths.append(english)
    return [pytest.param(path, id=str(path.parents[3].name)) for path in paths]


@pytest.mark.parametrize("english", _english_catalogues())
def test_every_django_msgid_is_translated_with_its_placeholders(english):
    # The project's copy comes first in LOCALE_PATHS, so its translation is the one shown.
    own_vietnamese = english.parents[2] / "vi" / "LC_MESSAGES" / "django.po"
    ours, theirs = _translations(django_copy()), _translations(own_vietnamese)
    untranslated, broken = [], []
    for entry in entries(english):
        translation = ours.get(key(entry)) or theirs.get(key(entry))
        if translation is None:
            untranslated.append(entry.msgid)
        elif not keeps_placeholders(translation):
            broken.append((entry.msgid, vietnamese(translation)))
    assert not untranslated, f"{len(untranslated)} msgids without Vietnamese: {untranslated[:20]}"
    assert not broken, f"{len(broken)} translations change placeholders: {broken[:10]}"


def test_every_installed_catalogue_is_checked():
    """Django core, auth, contenttypes, sessions and taggit: a new app's catalogue joins."""
    checked = {param.id for param in _english_catalogues()}
    assert {"conf", "auth", "contenttypes", "sessions", "taggit"} <= checked


@pytest.fixture
def editor_client(client, home_page):
    client.force_login(make_superuser())
    return client


@pytest.mark.django_db
def test_a_page_form_refuses_a_null_character_in_vietnamese(editor_client, home_page):
    """Text pasted from some tools carries NUL; Django's validator names it."""
    category = make_news_index(home_page)
    response = editor_client.post(
        f"/admin/pages/add/articles/newspage/{category.pk}/", news_form(author="Anh\x00Hoài")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Không được chứa ký tự null." in html
    assert "Null characters are not allowed." not in html
    assert not NewsPage.objects.exists()


def test_a_login_without_the_csrf_cookie_is_refused_in_vietnamese(db):
    """An editor whose browser blocks cookies reads why the admin refused the login."""
    response = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "admin", "password": "secret-pass-123"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Xác minh CSRF thất bại. Yêu cầu đã bị huỷ." in html
    assert "yêu cầu cookie CSRF khi gửi biểu mẫu" in html
    assert "CSRF verification failed" not in html
    assert "requires a CSRF cookie" not in html


@pytest.mark.django_db
def test_the_user_editor_refuses_a_short_password_in_vietnamese(editor_client):
    """The administration team creates accounts; Django's password rules speak Vietnamese."""
    response = editor_client.post(
        "/admin/users/new/",
        {
            "username": "bientapvien2",
            "email": "btv2@example.com",
            "first_name": "Lan",
            "last_name": "Nguyễn",
            "password1": "x7Q",
            "password2": "x7Q",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mật khẩu này quá ngắn. Mật khẩu phải có ít nhất 8 ký tự." in html
    assert "This password is too short" not in html
    assert not get_user_model().objects.filter(username="bientapvien2").exists()
