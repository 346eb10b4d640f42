"""Editors create news in the admin; publishing without a lead is refused in Vietnamese."""

import json

import pytest

from articles.models import NewsPage
from tests.factories import news_form

pytestmark = pytest.mark.django_db


def test_admin_creates_a_news_item_with_ascii_slug_and_tags(admin_client, province):
    response = admin_client.post(f"/admin/pages/add/articles/newspage/{province.pk}/", news_form())
    assert response.status_code == 302, "a valid news item must be saved as a draft"
    news = NewsPage.objects.get(title="Hội nghị sơ kết nông thôn mới")
    assert news.slug == "hoi-nghi-so-ket-nong-thon-moi"
    assert sorted(tag.slug for tag in news.tags.all()) == ["nong-thon-moi", "ocop"]
    assert news.published_at.strftime("%d/%m/%Y %H:%M") == "28/11/2026 02:15", "stored in UTC"
    assert not news.live


def test_admin_refuses_to_publish_a_news_item_without_lead(admin_client, province):
    """Drafts may be incomplete (Wagtail defers required fields); publishing may not."""
    response = admin_client.post(
        f"/admin/pages/add/articles/newspage/{province.pk}/",
        {**news_form(lead=""), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
    assert not NewsPage.objects.exists()


@pytest.mark.parametrize("empty", ["<p></p>", "<p> </p>"])
def test_an_empty_paragraph_is_not_a_body(admin_client, province, empty):
    """The editor's blank paragraph would otherwise reach review, and readers, as no text."""
    from wagtail.test.utils.form_data import rich_text, streamfield

    response = admin_client.post(
        f"/admin/pages/add/articles/newspage/{province.pk}/",
        {
            **news_form(body=streamfield([("paragraph", rich_text(empty))])),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    body_error = response.context["form"].errors.as_data()["body"][0]
    assert "Trường này là bắt buộc" in json.dumps(body_error.as_json_data(), ensure_ascii=False)
    assert not NewsPage.objects.exists()
