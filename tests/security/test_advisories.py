"""Regression tests for the Wagtail advisories of docs/security.md, on the pinned versions.

Each test drives the feature an advisory was about, the way an attacker with the named account
would, and asserts the fixed behaviour.
"""

import json

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.search.utils import parse_query_string

from directives.models import IssuingBody
from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, sync_editorial
from home.blocks import BaseStreamBlock
from home.models import RelatedLinkList
from tests.factories import (
    make_document,
    make_image,
    make_member,
    make_news,
    make_news_index,
    make_superuser,
)

pytestmark = pytest.mark.django_db
HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


def member(role, username):
    sync_editorial(apps)
    return make_member(role, username, password="pass-12345")


def refused(response):
    """Wagtail answers a missing right with 403, or a redirect to the dashboard or login."""
    return response.status_code in (302, 403, 404)


@pytest.fixture
def chiefs_news(home_page):
    chief = member(CHIEF, "truong")
    return make_news(make_news_index(home_page), "Tin của Trưởng Ban", owner=chief)


# XSS -------------------------------------------------------------------------------------


def test_rich_text_links_drop_javascript_urls():
    """CVE-2021-29434: a link typed as javascript: in the editor must not be stored."""
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "bấm",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 3, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    stored = ContentstateConverter(features=["link"]).to_database_format(json.dumps(contentstate))
    assert "javascript:" not in stored


def test_stream_block_values_are_escaped_on_reader_pages():
    """CVE-2021-32681: values typed into blocks reach readers as text, not markup."""
    value = BaseStreamBlock().to_python([{"type": "quote", "value": {"text": HOSTILE}}])
    html = str(value.render_as_block())
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html, "the text is kept, as text"


def test_table_block_cell_classes_are_escaped():
    """CVE-2026-28222: a table's cell class attribute cannot break out into markup."""
    value = {
        "data": [[HOSTILE, "b"], ["c", "d"]],
        "cell": [{"row": 0, "col": 1, "className": HOSTILE}],
        "first_row_is_table_header": False,
        "first_col_is_header": False,
    }
    html = str(BaseStreamBlock().to_python([{"type": "table", "value": value}]).render_as_block())
    assert "<script>" not in html
    assert "<img" not in html


def test_modeladmin_listing_escapes_reference_names(client):
    """CVE-2023-28836: names shown by wagtail-modeladmin listings are escaped."""
    IssuingBody.objects.create(name=HOSTILE)
    client.force_login(make_superuser())
    html = client.get(reverse("directives_issuingbody_modeladmin_index")).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_page_titles_are_escaped_in_admin_messages(client, home_page):
    """Page titles shown back in the admin's messages stay text."""
    news = make_news(make_news_index(home_page), HOSTILE)
    client.force_login(make_superuser())
    answer = client.post(reverse("wagtailadmin_pages:lock", args=(news.pk,)), follow=True)
    assert answer.status_code == 200
    assert "<script>alert(1)</script>" not in answer.content.decode()


# Permissions -----------------------------------------------------------------------------


def test_revision_compare_and_history_need_edit_rights(client, chiefs_news):
    """CVE-2026-44197 and CVE-2026-44198: a deputy (no page rights) sees neither."""
    revision = chiefs_news.latest_revision
    client.force_login(member(DEPUTY, "pho"))
    history = client.get(reverse("wagtailadmin_pages:history", args=(chiefs_news.pk,)))
    compare = client.get(
        reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(chiefs_news.pk, "live", revision.pk),
        )
    )
    assert refused(history) and refused(compare)
    assert "Tin của Trưởng Ban" not in compare.content.decode()


def test_copying_a_page_needs_add_rights(client, chiefs_news):
    """CVE-2026-44200: a deputy cannot copy a page."""
    client.force_login(member(DEPUTY, "pho"))
    answer = client.post(
        reverse("wagtailadmin_pages:copy", args=(chiefs_news.pk,)),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": chiefs_news.get_parent().pk,
        },
    )
    assert refused(answer)
    assert not chiefs_news.get_parent().get_children().filter(slug="ban-sao").exists()


def test_preview_of_a_page_needs_edit_rights(client, chiefs_news):
    """CVE-2026-25517: a contributor cannot preview a page they may not edit."""
    client.force_login(member(CONTRIBUTOR, "ctv"))
    answer = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(chiefs_news.pk,)))
    assert refused(answer)
    assert "Tin của Trưởng Ban" not in answer.content.decode()


def test_settings_need_the_change_right(client, site_settings):
    """CVE-2024-32882 and CVE-2024-35228: only holders of the change right open the settings."""
    client.force_login(member(CONTRIBUTOR, "ctv"))
    url = reverse("wagtailsettings:edit", args=("home", "portalsettings"))
    assert refused(client.get(url))
    assert refused(client.post(url, {"portal_name": "Bị sửa"}))


def test_choosers_need_the_choose_right(client):
    """CVE-2026-54259 and CVE-2026-54261: without a right on its collection, an image is
    neither listed, nor "chosen", nor previewed."""
    image = make_image("Ảnh nội bộ")
    user = get_user_model().objects.create_user("khach", "k@example.com", "pass-12345")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    listing = client.get(reverse("wagtailimages_chooser:choose"))
    assert "Ảnh nội bộ" not in listing.content.decode()
    for url in (
        reverse("wagtailimages_chooser:chosen", args=(image.pk,)),
        reverse("wagtailimages:preview", args=(image.pk, "fill-100x100")),
    ):
        answer = client.get(url)
        assert refused(answer) and "Ảnh nội bộ" not in answer.content.decode(), url


def test_bulk_action_confirmation_needs_the_right(client):
    """CVE-2023-45809: the bulk action screens do not list users to someone without the right."""
    target = make_superuser("sieu-quan-tri-bi-mat")
    client.force_login(member(CONTRIBUTOR, "ctv"))
    answer = client.get(
        reverse("wagtail_bulk_action", args=("auth", "user", "delete")) + f"?id={target.pk}"
    )
    assert "sieu-quan-tri-bi-mat" not in answer.content.decode()


def admin_only_user(username="khach", *permissions):
    """An account that may open the admin and holds only ``permissions`` (codenames)."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pass-12345")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


def test_the_pages_admin_api_shows_only_explorable_pages(client, chiefs_news):
    """GHSA-3vrh-m9w7-v94f: the admin's own pages API returned the fields of any page to any
    admin account; an account without rights on a page neither lists nor fetches it."""
    chiefs_news.title = "Bản nháp mật"
    chiefs_news.save_revision()
    detail_url, listing_url = f"/admin/api/main/pages/{chiefs_news.pk}/", "/admin/api/main/pages/"
    client.force_login(make_superuser())
    assert "Tin của Trưởng Ban" in client.get(detail_url).content.decode(), "what a leak shows"
    assert "Tin của Trưởng Ban" in client.get(listing_url).content.decode()
    client.force_login(admin_only_user())
    detail, listing = client.get(detail_url), client.get(listing_url)
    assert detail.status_code == 404 and listing.status_code == 200
    for answer in (detail, listing):
        text = answer.content.decode()
        assert "Tin của Trưởng Ban" not in text and "Bản nháp mật" not in text


def test_a_private_document_answers_no_hash_probe(client, home_page):
    """GHSA-92hv-j533-69wc: an If-None-Match carrying a document's SHA1 answered 304 for a
    file the asker may not download; a private file is a 404 whatever the headers say."""
    news_index = make_news_index(home_page)
    private, public = make_document("Tờ trình", "to-trinh.pdf"), make_document("Công bố", "cb.pdf")
    for title, document, live in (("Bản nháp", private, False), ("Đã đăng", public, True)):
        link = f'<p><a linktype="document" id="{document.pk}">tệp</a></p>'
        make_news(news_index, title, publish=live, body=[("paragraph", link)])
    probe = f'"{public.file_hash}"'
    assert client.get(public.url, HTTP_IF_NONE_MATCH=probe).status_code == 304, "ETags work"
    for etag in (f'"{private.file_hash}"', "*"):
        assert client.get(private.url, HTTP_IF_NONE_MATCH=etag).status_code == 404, etag
    wrong_name = f"/documents/{private.pk}/khac.pdf"
    assert client.get(wrong_name, HTTP_IF_NONE_MATCH=f'"{private.file_hash}"').status_code == 404


def test_copying_a_link_list_needs_the_view_or_change_right(client, home_page):
    """GHSA-x5cx-w6p2-mxf2: an account with only the add right on a snippet could copy one it
    may not see, and so read it; the copy screen refuses it and creates nothing."""
    original = RelatedLinkList.objects.create(name="Danh sách nội bộ", heading="Nội bộ")
    client.force_login(admin_only_user("themmoi", "add_relatedlinklist"))
    copy_url = f"/admin/snippets/home/relatedlinklist/copy/{original.pk}/"
    shown = client.get(copy_url)
    posted = client.post(copy_url, {"name": "Đã chép", "heading": "Nội bộ"})
    assert refused(shown) and refused(posted)
    assert "Danh sách nội bộ" not in shown.content.decode()
    assert list(RelatedLinkList.objects.values_list("name", flat=True)) == ["Danh sách nội bộ"]


# Denial of service -----------------------------------------------------------------------


def test_image_preview_refuses_huge_filter_specs(client):
    """CVE-2026-54260: only the URL generator's operations run in the preview; an upscale to
    100 times the size (or any other operation) is refused, not computed."""
    image = make_image()
    client.force_login(make_superuser())
    for spec in ("scale-10000", "fill-100x100|scale-10000", "format-png|bgcolor-000"):
        answer = client.get(reverse("wagtailimages:preview", args=(image.pk, spec)))
        assert answer.status_code == 400, spec
    assert (
        client.get(reverse("wagtailimages:preview", args=(image.pk, "fill-100x100"))).status_code
        == 200
    )


def test_search_query_parsing_is_linear():
    """CVE-2024-39317: crafted search text is parsed quickly (the old regex backtracked)."""
    filters, query = parse_query_string('"' + "a:" * 20_000 + "\\" * 20_000)
    assert query is not None


def test_oversized_upload_is_refused(client, settings):
    """CVE-2023-28837: an upload over the limit is refused before it is processed."""
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    client.force_login(make_superuser())
    upload = SimpleUploadedFile("lon.png", b"\x89PNG\r\n\x1a\n" + b"0" * 4096, "image/png")
    answer = client.post(reverse("wagtailimages:add"), {"title": "Lớn", "file": upload})
    assert answer.status_code == 200, "a form error, not a redirect to the new image"
    assert not apps.get_model("wagtailimages", "Image").objects.filter(title="Lớn").exists()


# Features the portal does not run ---------------------------------------------------------


def test_unused_contrib_apps_are_not_installed():
    """simple_translation, the public API and the dynamic image URLs are what several
    advisories were about; the portal installs none of them, and has no form pages."""
    for app in ("wagtail.contrib.simple_translation", "wagtail.api.v2"):
        assert app not in settings.INSTALLED_APPS
    with pytest.raises(NoReverseMatch):
        reverse("wagtailimages_serve", args=("x", 1, "original"))
    from wagtail.contrib.forms.models import AbstractForm

    assert not [model for model in apps.get_models() if issubclass(model, AbstractForm)]
