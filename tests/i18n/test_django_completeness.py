"""Every msgid of Django core's catalogue reads in Vietnamese.

Django's own Vietnamese leaves some eighty msgids untranslated (the "slug" and null-character
validators, the file-extension check, the JSON, UUID and date format errors, pagination,
language names), so editors met them in English. ``locale/upstream/django/`` (in
LOCALE_PATHS, ahead of Django's catalogues) supplies them; after pinning a new Django, this
test lists what the new version added. Two screens that showed English before prove Django
reads the copy: a page form's null-character error and the CSRF refusal page.
"""

import pytest
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
    return {key(entry): entry for entry in entries(path) if is_translated(entry)}


def test_every_django_msgid_is_translated_with_its_placeholders():
    # The project's copy comes first in LOCALE_PATHS, so its translation is the one shown.
    ours, djangos = _translations(django_copy()), _translations(django_catalogue("vi"))
    untranslated, broken = [], []
    for entry in entries(django_catalogue("en")):
        translation = ours.get(key(entry)) or djangos.get(key(entry))
        if translation is None:
            untranslated.append(entry.msgid)
        elif not keeps_placeholders(translation):
            broken.append((entry.msgid, vietnamese(translation)))
    assert not untranslated, f"{len(untranslated)} msgids without Vietnamese: {untranslated[:20]}"
    assert not broken, f"{len(broken)} translations change placeholders: {broken[:10]}"


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
