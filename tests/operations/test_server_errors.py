"""A server error shows the portal's Vietnamese 500 page and mails ADMINS when configured."""

import pytest
from django.core import mail
from django.test import Client

from tests.home.test_settings_loading import run_python

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_site(settings, home_page):
    settings.ROOT_URLCONF = "tests.operations.urls"
    return Client(raise_request_exception=False)


def test_server_error_mails_the_admins(failing_site, settings):
    settings.ADMINS = [("Tổ quản trị", "quantri@hatinh.gov.vn")]
    response = failing_site.get("/loi-may-chu/", HTTP_X_REQUEST_ID="feedbeef00112233")
    assert response.status_code == 500
    assert "Lỗi" in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["quantri@hatinh.gov.vn"]
    assert "/loi-may-chu/" in message.subject
    assert "Lỗi thử nghiệm của máy chủ" in message.body


def test_no_mail_without_admins(failing_site, settings):
    settings.ADMINS = []
    assert failing_site.get("/loi-may-chu/").status_code == 500
    assert mail.outbox == []


def test_admins_are_read_from_the_environment():
    code = "import django; django.setup(); from django.conf import settings; print(settings.ADMINS)"
    result = run_python(
        code, "site_config.settings.dev", ADMINS="Tổ quản trị <qt@hatinh.gov.vn>, it@hatinh.gov.vn"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        [("Tổ quản trị", "qt@hatinh.gov.vn"), ("", "it@hatinh.gov.vn")]
    )
