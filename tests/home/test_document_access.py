"""One rule for every download: a document is public only while a live page readers may see
shows it in its live version; otherwise readers get a 404 and admin users still review it."""

import pytest
from wagtail.models import Page, PageViewRestriction

from directives.models import DirectiveAttachment
from home.documents import is_public
from home.models import RelatedLink, RelatedLinkList
from tests.factories import (
    make_directive,
    make_directive_index,
    make_document,
    make_news,
    make_news_index,
    make_superuser,
    portal_settings,
)

pytestmark = pytest.mark.django_db


def linking(document):
    """A news body paragraph linking to ``document`` (the editor's document link)."""
    return [("paragraph", f'<p>Tải <a linktype="document" id="{document.pk}">tệp</a></p>')]


@pytest.fixture
def sections(home_page):
    return make_news_index(home_page), make_directive_index(home_page)


@pytest.fixture
def editor_client(client):
    from django.test import Client

    editor = Client()
    editor.force_login(make_superuser())
    return editor


def downloads(client, document):
    return client.get(document.url).status_code


def test_a_file_only_in_a_news_draft_is_private(client, editor_client, sections):
    news_index, _register = sections
    document = make_document("Dự thảo", "du-thao.pdf")
    make_news(news_index, "Tin nháp", publish=False, body=linking(document))
    assert downloads(client, document) == 404
    assert downloads(editor_client, document) == 200, "editors review the draft's files"


def test_a_file_in_a_live_news_body_is_public(client, sections):
    news_index, _register = sections
    document = make_document("Công bố", "cong-bo.pdf")
    news = make_news(news_index, "Tin đã đăng", body=linking(document))
    assert downloads(client, document) == 200
    news.unpublish()
    assert downloads(client, document) == 404, "unpublishing the page hides its file again"


def test_a_file_added_to_an_unpublished_revision_of_a_live_directive_waits(client, sections):
    _news_index, register = sections
    directive = make_directive(register)
    document = make_document("Phụ lục mới", "phu-luc.pdf")
    directive.attachments.add(DirectiveAttachment(document=document))
    revision = directive.save_revision()
    assert downloads(client, document) == 404, "not before the revision is approved"
    revision.publish()
    assert downloads(client, document) == 200


def test_a_file_of_a_live_page_in_a_private_section_is_private(client, editor_client, sections):
    news_index, _register = sections
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    document = make_document("Nội bộ", "noi-bo.pdf")
    make_news(news_index, "Tin nội bộ", body=linking(document))
    assert downloads(client, document) == 404
    assert downloads(editor_client, document) == 200


def test_a_file_of_a_live_directive_is_public(client, sections):
    _news_index, register = sections
    document = make_document("Nghị quyết", "nghi-quyet.pdf")
    make_directive(register, attachments=[document])
    assert downloads(client, document) == 200


def test_a_file_in_a_link_list_is_public_only_where_a_public_page_shows_the_list(client, sections):
    news_index, _register = sections
    document = make_document("Biểu mẫu", "bieu-mau.pdf")
    link_list = RelatedLinkList.objects.create(name="Biểu mẫu", heading="Biểu mẫu")
    RelatedLink.objects.create(link_list=link_list, document=document)
    assert downloads(client, document) == 404, "a list no page shows"
    news = make_news(news_index, "Tin có biểu mẫu", publish=False, related_links=link_list)
    assert downloads(client, document) == 404, "a list only a draft shows"
    news.save_revision().publish()
    assert downloads(client, document) == 200
    page = client.get(Page.objects.get(pk=news.pk).url).content.decode()
    assert f'href="{document.url}"' in page, "the list links to the download"


def test_a_file_in_the_sidebar_list_is_public(client, home_page):
    document = make_document("Lịch tiếp dân", "lich.pdf")
    link_list = RelatedLinkList.objects.create(name="Liên kết website")
    RelatedLink.objects.create(link_list=link_list, document=document)
    settings = portal_settings()
    settings.sidebar_links = link_list
    settings.save()
    assert downloads(client, document) == 200


def test_a_file_used_nowhere_is_private(client, home_page):
    assert downloads(client, make_document("Mồ côi", "mo-coi.pdf")) == 404


def test_the_rule_is_one_query(sections, django_assert_max_num_queries):
    news_index, register = sections
    document = make_document("Nghị quyết", "nghi-quyet.pdf")
    make_directive(register, attachments=[document])
    with django_assert_max_num_queries(2):
        assert is_public(document)
