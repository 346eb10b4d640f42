"""News items cite directives: both pages show the link, only to what readers may see."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset

from articles.models import NewsPage
from tests.factories import make_directive, make_directive_index, make_news, news_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home_page):
    return make_directive_index(home_page)


@pytest.fixture
def resolution(register):
    return make_directive(register, "57-NQ/TW")


def test_editor_links_directives_in_the_admin_and_both_pages_show_it(
    admin_client, province, register, resolution
):
    plan = make_directive(register, "12/KH-UBND", document_type="Kế hoạch")
    links = inline_formset([{"directive": resolution.pk}, {"directive": plan.pk}])
    response = admin_client.post(
        f"/admin/pages/add/articles/newspage/{province.pk}/",
        {**news_form(related_directive_links=links), "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    news = NewsPage.objects.get()
    assert [link.directive_id for link in news.related_directive_links.all()] == [
        resolution.pk,
        plan.pk,
    ]

    news_html = admin_client.get(news.url).content.decode()
    section = news_html.split('class="related-directives"')[1].split("</section>")[0]
    assert "Văn bản liên quan" in section
    assert f'href="{resolution.url}"' in section and f'href="{plan.url}"' in section
    assert "22/12/2024" in section, "the issue date shows in Vietnamese form"

    directive_html = admin_client.get(resolution.url).content.decode()
    assert "Tin bài liên quan đến văn bản" in directive_html
    assert f'href="{news.url}"' in directive_html


def test_the_same_directive_twice_is_a_form_error(admin_client, province, resolution):
    links = inline_formset([{"directive": resolution.pk}, {"directive": resolution.pk}])
    response = admin_client.post(
        f"/admin/pages/add/articles/newspage/{province.pk}/",
        news_form(related_directive_links=links),
    )
    assert response.status_code == 200
    assert not NewsPage.objects.exists()
    assert "lỗi" in response.content.decode().lower()


def test_drafts_and_private_documents_are_not_linked(client, province, register, resolution):
    draft_directive = make_directive(register, "99/QĐ-UBND", live=False)
    private_register = make_directive_index(register.get_parent(), "Văn bản nội bộ")
    private = make_directive(private_register, "5/TB-VPĐP", document_type="Thông báo")
    PageViewRestriction.objects.create(
        page=private_register, restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    news = make_news(province, "Tin có văn bản", cites=[resolution, draft_directive, private])
    make_news(province, "Tin nháp có văn bản", publish=False, cites=[resolution])

    assert list(news.related_directives()) == [resolution]
    html = client.get(news.url).content.decode()
    assert draft_directive.title not in html and private.title not in html
    assert [page.title for page in resolution.citing_pages()] == ["Tin có văn bản"]
    assert "Tin nháp có văn bản" not in client.get(resolution.url).content.decode()


def test_both_pages_stay_within_the_query_ceiling_however_many_links(
    client, province, register, resolution, django_assert_max_num_queries
):
    directives = [resolution] + [make_directive(register, f"{n}/KH-UBND") for n in range(1, 6)]
    for serial in range(6):
        published_at = timezone.now() - timezone.timedelta(hours=serial)
        make_news(province, f"Tin số {serial}", published_at=published_at, cites=directives)
    news = NewsPage.objects.get(title="Tin số 0")
    for url in (news.url, resolution.url):
        client.get(url)
        with django_assert_max_num_queries(12, info=url):
            assert client.get(url).status_code == 200
