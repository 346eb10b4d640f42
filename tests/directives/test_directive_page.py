"""The directive page over HTTP: header table, attachments, relations both ways, citing news."""

import datetime
import re

import pytest

from directives.models import DirectiveRelation
from tests.factories import make_directive, make_directive_index, make_document


@pytest.fixture
def register(home_page, site_settings):
    return make_directive_index(home_page)


@pytest.fixture
def resolution(register):
    return make_directive(
        register,
        "57-NQ/TW",
        signer_name="Tô Lâm",
        signer_position="Tổng Bí thư",
        expires_on=datetime.date(2099, 1, 1),
        attachments=[make_document("Nghị quyết 57 bản ký", "nq-57.pdf")],
    )


def relate(source, kind, target):
    return DirectiveRelation.objects.create(source=source, kind=kind, target=target)


def test_header_table_shows_every_field(client, resolution):
    html = client.get(resolution.url).content.decode()
    for text in [
        "57-NQ/TW",
        "Nghị quyết",
        "Bộ Chính trị",
        "Tô Lâm, Tổng Bí thư",
        "22/12/2024",
        "01/01/2099",
        "Còn hiệu lực",
        "Về đột phá phát triển khoa học",
    ]:
        assert text in html, f"the directive page should show {text!r}"


def test_attachments_show_type_size_and_a_download_link(client, resolution):
    document = resolution.attachments.get().document
    html = client.get(resolution.url).content.decode()
    assert f'href="{document.url}"' in html
    assert "(PDF," in html, "the file type should be shown"
    assert "bytes" in html or "byte" in html or "KB" in html, "the file size should be shown"


def test_relations_show_in_both_directions(client, register, resolution):
    plan = make_directive(register, "45/KH-VPĐP", document_type="Kế hoạch")
    old = make_directive(register, "12/QĐ-VPĐP", document_type="Quyết định")
    new = make_directive(register, "40/QĐ-VPĐP", document_type="Quyết định")
    amending = make_directive(register, "41/QĐ-VPĐP", document_type="Quyết định")
    relate(plan, "implements", resolution)
    relate(new, "replaces", old)
    relate(amending, "amends", new)

    resolution_html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn thực hiện bởi" in resolution_html
    assert plan.title in resolution_html

    plan_html = client.get(plan.url).content.decode()
    assert "Hướng dẫn thực hiện" in plan_html and resolution.title in plan_html

    old_html = client.get(old.url).content.decode()
    assert "Được thay thế bởi" in old_html and new.title in old_html
    assert "Bị thay thế" in old_html, "a replaced document says so in its status"

    new_html = client.get(new.url).content.decode()
    assert "Thay thế" in new_html and old.title in new_html
    assert "Được sửa đổi bởi" in new_html and amending.title in new_html


def test_relations_to_drafts_are_not_shown(client, register, resolution):
    draft = make_directive(register, "99/KH-VPĐP", live=False)
    relate(draft, "implements", resolution)
    assert draft.title not in client.get(resolution.url).content.decode()


def test_without_citing_news_the_section_is_absent(client, resolution):
    assert list(resolution.citing_pages()) == []
    assert "Tin bài liên quan" not in client.get(resolution.url).content.decode()


def test_directive_page_query_count_stays_flat(
    client, register, resolution, django_assert_max_num_queries
):
    for serial in range(5):
        other = make_directive(register, f"{serial + 1}/KH-VPĐP")
        relate(other, "implements", resolution)
        relate(resolution, "amends", other)
        resolution.attachments.create(
            document=make_document(f"Phụ lục {serial}", f"pl{serial}.pdf")
        )
    client.get(resolution.url)
    with django_assert_max_num_queries(12):
        response = client.get(resolution.url)
    assert response.status_code == 200


def breadcrumb_links(html):
    nav = html[
        html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))
    ]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)


def test_directive_page_breadcrumbs_lead_home_and_to_the_register(client, register, resolution):
    html = client.get(resolution.url).content.decode()
    assert breadcrumb_links(html) == [("/", "Trang chủ"), (register.url, register.title)]
    assert f'<li aria-current="page">{resolution.title}</li>' in html


def test_register_breadcrumbs_lead_home(client, register):
    html = client.get(register.url).content.decode()
    assert breadcrumb_links(html) == [("/", "Trang chủ")]
