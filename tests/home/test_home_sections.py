"""The home page editors compose from sections, and what it shows before they do."""

import pytest
from wagtail.blocks import StructBlockValidationError

from home.blocks import LinkBlock
from home.models import HomePage

pytestmark = pytest.mark.django_db


def compose(home_page, stream):
    block = home_page.body.stream_block
    home_page.body = [(name, block.child_blocks[name].normalize(value)) for name, value in stream]
    home_page.save_revision().publish()


def test_notices_strip_and_related_links_render(client, home_page, site_settings):
    about = home_page.add_child(instance=HomePage(title="Giới thiệu"))
    compose(
        home_page,
        [
            (
                "notices",
                {
                    "heading": "Thông báo",
                    "notices": [{"title": "Lịch tiếp công dân", "page": about, "url": ""}],
                },
            ),
            (
                "related_links",
                {
                    "heading": "Liên kết",
                    "links": [
                        {"title": "Báo Hà Tĩnh", "page": None, "url": "https://baohatinh.vn"}
                    ],
                },
            ),
        ],
    )
    html = client.get("/").content.decode()
    assert '<a href="/gioi-thieu/">Lịch tiếp công dân</a>' in html
    assert '<a href="https://baohatinh.vn">Báo Hà Tĩnh</a>' in html


def test_a_link_needs_a_page_or_an_address():
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Trống", "page": None, "url": ""}))


def test_a_new_home_page_renders_without_sections(client, home_page, site_settings):
    response = client.get("/")
    assert response.status_code == 200
    assert list(home_page.sections()) == []


def test_default_home_lists_the_latest_documents_of_each_register(client, home_page, site_settings):
    from tests.factories import make_directive, make_directive_index

    register = make_directive_index(home_page, title="Văn bản chỉ đạo điều hành")
    directive = make_directive(register, "57-NQ/TW", title="Nghị quyết về chuyển đổi số")
    draft = make_directive(register, "58-NQ/TW", title="Nghị quyết chưa ban hành", live=False)
    html = client.get("/").content.decode()
    assert "<h2>Văn bản chỉ đạo điều hành</h2>" in html
    assert f'<a href="{directive.url}">{directive.title}</a>' in html
    assert draft.title not in html


@pytest.mark.parametrize("per_section", [1, 6])
def test_default_home_runs_the_same_queries_however_full_its_sections(
    client, home_page, site_settings, django_assert_max_num_queries, per_section
):
    """Featured news, two categories and a register: a fixed cost per section, not per item."""
    from tests.factories import (
        make_directive,
        make_directive_index,
        make_image,
        make_news,
        make_news_index,
    )

    register = make_directive_index(home_page)
    for category_title in ("Tin trong tỉnh", "Chương trình OCOP"):
        category = make_news_index(home_page, category_title)
        for serial in range(per_section):
            image = make_image(f"Ảnh {category_title} {serial}")
            make_news(category, f"{category_title} {serial}", featured=True, featured_image=image)
    for serial in range(per_section):
        make_directive(register, f"{serial + 1}/KH-VPĐP")
    client.get("/")  # renditions are made on the first visit; count the steady state
    with django_assert_max_num_queries(12):
        html = client.get("/").content.decode()
    assert html.count("Chương trình OCOP ") >= min(per_section, 5), "each section lists its items"
