"""Old NukeViet addresses answer 301 to what their object became, looked up in LegacyRecord.

The mapping rows are written here by hand, as the import writes them: every module's own page
as legacy id "0", then articles, categories, tags, documents, reference data and files.
"""

import datetime
from urllib.parse import quote, unquote

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from articles.models import NewsTag
from directives.models import Field
from nukeviet.middleware import OldLinkMiddleware
from nukeviet.models import LegacyRecord
from nukeviet.redirects import forget_modules, old_link_target
from pages.models import InformationPage
from tests.factories import (
    make_directive,
    make_directive_index,
    make_document,
    make_image,
    make_news,
    make_news_index,
)

Kind = LegacyRecord.Kind
pytestmark = pytest.mark.django_db


def record(module, kind, legacy_id, **values):
    return LegacyRecord.objects.create(module=module, kind=kind, legacy_id=str(legacy_id), **values)


@pytest.fixture
def old_site(home_page, site_settings):
    """A small imported portal: a news module under a section, a register, a static page."""
    section = make_news_index(home_page, "Tin tức")
    record("tintuc", Kind.CATEGORY, 0, page=section)
    districts = make_news_index(section, "Tin huyện, thị xã")
    record("tintuc", Kind.CATEGORY, 9, alias="tin-huyen-thi-xa", page=districts)
    article = make_news(districts, "Các đoàn công tác của BTV Thành ủy", tags=["nông thôn mới"])
    record("tintuc", Kind.ARTICLE, 16, alias="cac-doan-cong-tac", page=article)
    tag = article.tags.get()
    record("tintuc", Kind.TAG, 5, alias="nông-thôn-mới", tag=tag)
    record("tintuc", Kind.TOPIC, 2, alias="xay-dung-ntm-nang-cao", tag=tag)
    record("tintuc", Kind.TAG, 6, alias="hoạt-động", tag=NewsTag.objects.create(name="hoạt động"))
    draft = make_news(districts, "Hội thi khu dân cư (bản nháp)", publish=False)
    record("tintuc", Kind.ARTICLE, 48, alias="hoi-thi", page=draft)

    register = make_directive_index(home_page, "Văn bản")
    record("vanban", Kind.DOCUMENT, 0, page=register)
    files = [make_document("318/QĐ-TTg", "318-qd-ttg.pdf"), make_document("Phụ lục", "phu-luc.pdf")]
    directive = make_directive(
        register, "318/QĐ-TTg", attachments=files, signer_name="Lê Văn Thành"
    )
    record("vanban", Kind.DOCUMENT, 3, alias="Ban-hanh-bo-tieu-chi", page=directive)
    hidden_file = make_document("120/BC-BCĐ", "120-bc-bcd.pdf")
    hidden = make_directive(register, "120/BC-BCĐ", live=False, attachments=[hidden_file])
    record("vanban", Kind.DOCUMENT, 16, alias="Bao-cao", page=hidden)
    record(
        "vanban", Kind.DOCUMENT_TYPE, 3, alias="Quyet-dinh", object_id=directive.document_type_id
    )
    record(
        "vanban", Kind.ISSUER, 5, alias="Thu-tuong-Chinh-phu", object_id=directive.issuing_body_id
    )
    field = Field.objects.create(name="Nông thôn mới")
    record("vanban", Kind.FIELD, 3, alias="Nong-thon-moi", object_id=field.pk)
    record("vanban", Kind.SIGNER, 7, alias="le-van-thanh", data={"name": "Lê Văn Thành"})

    about = home_page.add_child(instance=InformationPage(title="Giới thiệu"))
    record("gioithieu", Kind.PAGE, 0, page=about)
    duties = about.add_child(instance=InformationPage(title="Chức năng, nhiệm vụ"))
    record("gioithieu", Kind.PAGE, 1, alias="chuc-nang-nhiem-vu", page=duties)

    image = make_image("Đoàn công tác")
    record("", Kind.FILE, "uploads/tintuc/2018_05/doan-cong-tac.jpg", image=image)
    record("", Kind.FILE, "assets/tintuc/2018_05/doan-cong-tac.jpg", image=image)
    record("", Kind.FILE, "uploads/vanban/318-qd-ttg.pdf", document=files[0])
    record("", Kind.FILE, "uploads/vanban/120-bc-bcd.pdf", document=hidden_file)
    return {
        "section": section,
        "districts": districts,
        "article": article,
        "tag": tag,
        "register": register,
        "directive": directive,
        "files": files,
        "field": field,
        "duties": duties,
        "image": image,
        "hidden_file": hidden_file,
    }


def location(client, url):
    response = client.get(url)
    assert response.status_code == 301, f"{url}: {response.status_code}"
    return response["Location"]


def targets(old_site):
    section, districts, article = old_site["section"], old_site["districts"], old_site["article"]
    directive, register = old_site["directive"], old_site["register"]
    doc, appendix = old_site["files"]
    tag_url = reverse("articles:tag", kwargs={"slug": old_site["tag"].slug})
    return {
        # news: every URL configuration of one article
        "/vi/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html": article.url,
        "/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html": article.url,
        "/tin-huyen-thi-xa/cac-doan-cong-tac-16.html": article.url,
        "/index.php?language=vi&nv=tintuc&op=tin-huyen-thi-xa/cac-doan-cong-tac-16.html": article.url,
        # an old alias or category still finds the article by its id, as NukeViet did
        "/vi/tintuc/chuyen-muc-cu/tieu-de-cu-16.html": article.url,
        "/vi/tintuc/print/tin-huyen-thi-xa/cac-doan-cong-tac-16.html": article.url,
        "/vi/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html?download=1&id=0": article.url,
        "/vi/tintuc/tin-huyen-thi-xa/": districts.url,
        "/vi/tintuc/tin-huyen-thi-xa/page-3/": f"{districts.url}?page=3",
        "/vi/tintuc/": section.url,
        "/tintuc/page-2/": f"{section.url}?page=2",
        "/vi/": "/",
        "/index.php?language=vi": "/",
        "/vi/tintuc/tag/nông-thôn-mới": tag_url,
        "/index.php?language=vi&nv=tintuc&op=tag/" + quote("nông-thôn-mới"): tag_url,
        "/index.php?language=vi&nv=tintuc&op=tag&alias=" + quote("nông-thôn-mới"): tag_url,
        "/tag/nông-thôn-mới/page-2": f"{tag_url}?page=2",
        "/vi/tintuc/topic/xay-dung-ntm-nang-cao/": tag_url,
        "/vi/tintuc/topic/": section.url,
        "/vi/tintuc/author/Phan-Tram/": section.url,
        "/vi/tintuc/groups/Tin-tieu-diem/": section.url,
        "/vi/tintuc/rss/": f"{section.url}rss/",
        "/vi/tintuc/rss/tin-huyen-thi-xa/": f"{districts.url}rss/",
        # laws
        "/vi/vanban/": register.url,
        "/vanban/detail/Ban-hanh-bo-tieu-chi-3/": directive.url,
        "/index.php?language=vi&nv=vanban&op=detail/Ban-hanh-bo-tieu-chi-3": directive.url,
        "/vi/vanban/detail/Ban-hanh-bo-tieu-chi-3/?download=1&id=0": doc.url,
        "/vi/vanban/detail/Ban-hanh-bo-tieu-chi-3/?download=1&id=1": appendix.url,
        "/vi/vanban/detail/Ban-hanh-bo-tieu-chi-3/?pdf=1&id=1": appendix.url,
        "/vi/vanban/detail/Ban-hanh-bo-tieu-chi-3/?download=1&id=7": directive.url,
        "/vi/vanban/Quyet-dinh/": f"{register.url}?document_type={directive.document_type_id}",
        "/vanban/?cat=Quyet-dinh": f"{register.url}?document_type={directive.document_type_id}",
        "/vi/vanban/rss/Quyet-dinh/": f"{register.url}?document_type={directive.document_type_id}",
        "/vi/vanban/rss/": register.url,
        "/vi/vanban/area/Nong-thon-moi/": f"{register.url}?field={old_site['field'].pk}",
        "/vi/vanban/subject/Thu-tuong-Chinh-phu/page-2/": (
            f"{register.url}?issuing_body={directive.issuing_body_id}&page=2"
        ),
        "/vi/vanban/signer/7/Le-Van-Thanh/": f"{register.url}?signer=L%C3%AA+V%C4%83n+Th%C3%A0nh",
        # static pages
        "/vi/gioithieu/chuc-nang-nhiem-vu.html": old_site["duties"].url,
        "/gioithieu/": old_site["duties"].get_parent().url,
        # files
        "/uploads/tintuc/2018_05/doan-cong-tac.jpg": old_site["image"].file.url,
        "/assets/tintuc/2018_05/doan-cong-tac.jpg": old_site["image"].file.url,
        "/uploads/vanban/318-qd-ttg.pdf": doc.url,
    }


def test_every_shape_leads_to_the_new_object(client, old_site):
    expected = targets(old_site)
    found = {url: client.get(url) for url in expected}
    assert {url: (r.status_code, r.get("Location")) for url, r in found.items()} == {
        url: (301, target) for url, target in expected.items()
    }


def test_the_targets_answer(client, old_site):
    """The redirects land on pages and documents that exist (no 301 to a 404); image files are
    served from MEDIA_URL by the web server, not by the test client."""
    for url in targets(old_site).values():
        if not url.startswith(settings.MEDIA_URL):
            assert client.get(url).status_code == 200, url


def test_the_register_lists_what_the_signer_signed(client, old_site):
    response = client.get(location(client, "/vi/vanban/signer/7/Le-Van-Thanh/"))
    assert response.status_code == 200
    assert list(response.context["directives"]) == [old_site["directive"]]


@pytest.mark.parametrize(
    "url",
    [
        "/vi/tintuc/tin-huyen-thi-xa/hoi-thi-48.html",  # a draft
        "/vi/vanban/detail/Bao-cao-16/",  # a document switched off
        "/vi/vanban/detail/Bao-cao-16/?download=1&id=0",
        "/vi/tintuc/tin-huyen-thi-xa/khong-co-99.html",  # no such article
        "/vi/tintuc/khong-co-chuyen-muc/",
        "/vi/tintuc/tag/không-có",
        "/vi/tintuc/tag/hoạt-động",  # a tag no published news carries: its list would be a 404
        "/vi/vanban/signer/99/Ai-do/",
        "/vi/shop/",  # a module the import did not bring
        "/uploads/tintuc/khong-co.jpg",
        "/en/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html",  # another language
    ],
)
def test_what_names_nothing_live_stays_404(client, old_site, url):
    response = client.get(url)
    if response.status_code == 301:
        # Django adds a slash to an address Wagtail could serve: that one is a 404 as well.
        assert unquote(response["Location"]) == f"{url}/"
        response = client.get(response["Location"])
    assert response.status_code == 404


def test_a_hidden_document_file_goes_through_the_download_rules(client, old_site):
    """The file's old address leads to its download view, which refuses it while unpublished."""
    target = location(client, "/uploads/vanban/120-bc-bcd.pdf")
    assert target == old_site["hidden_file"].url
    assert client.get(target).status_code == 404


def test_a_scheduled_article_link_works_once_it_is_live(client, old_site):
    scheduled = make_news(old_site["districts"], "Tổng kết chương trình", publish=False)
    record("tintuc", Kind.ARTICLE, 47, alias="tong-ket", page=scheduled)
    url = "/vi/tintuc/tin-huyen-thi-xa/tong-ket-47.html"
    assert client.get(url).status_code == 404
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert location(client, url) == scheduled.url


def test_an_expired_article_is_not_redirected_to(client, old_site):
    article = old_site["article"]
    article.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    article.save(update_fields=["expire_at"])
    assert client.get("/vi/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html").status_code == 404


def test_pages_and_editors_redirects_answer_first(client, old_site):
    """Only a 404 is looked up: a real page at that address, or an editor's redirect, wins."""
    Redirect.objects.create(old_path="/vi/tintuc", redirect_link="/lien-he/")
    assert client.get("/vi/tintuc/")["Location"] == "/lien-he/"
    assert client.get(old_site["districts"].url).status_code == 200


def test_only_reading_requests_are_redirected(client, old_site):
    assert client.post("/vi/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html").status_code == 404


def test_never_to_another_host(client, old_site, home_page):
    """A page of another site of this portal is not a target for this host's old links."""
    other_home = home_page.get_parent().add_child(
        instance=home_page.__class__(title="Cổng khác", slug="cong-khac")
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other = make_news_index(other_home, "Tin khác")
    record("tintuc", Kind.CATEGORY, 77, alias="tin-khac", page=other)
    assert other.url.startswith("http://other.example/")
    assert client.get("/vi/tintuc/tin-khac/").status_code == 404
    request = RequestFactory().get("/")
    assert not OldLinkMiddleware.is_ours("//evil.example/", request)
    assert OldLinkMiddleware.is_ours("/the/nong-thon-moi/", request)


def test_two_queries_at_most(old_site, django_assert_max_num_queries):
    """One query for the object; one more when the module list is not cached."""
    factory = RequestFactory()
    old_link_target(factory.get("/vi/tintuc/"))  # Wagtail's own site cache, warm as in service
    for path, query in [
        ("/vi/tintuc/tin-huyen-thi-xa/cac-doan-cong-tac-16.html", ""),
        ("/vi/vanban/detail/Ban-hanh-bo-tieu-chi-3/", "download=1&id=1"),
        ("/vi/vanban/Quyet-dinh/", ""),
        ("/vi/tintuc/tag/nông-thôn-mới", ""),
        ("/uploads/vanban/318-qd-ttg.pdf", ""),
    ]:
        forget_modules()
        with django_assert_max_num_queries(2):
            assert old_link_target(factory.get(path, QUERY_STRING=query))
        with django_assert_max_num_queries(1):
            assert old_link_target(factory.get(path, QUERY_STRING=query))


def test_modules_recorded_later_are_found_once_the_list_is_forgotten(client, old_site):
    assert client.get("/vi/tintuc/").status_code == 301
    section = make_news_index(old_site["section"].get_parent(), "Tin địa phương")
    record("diaphuong", Kind.CATEGORY, 0, page=section)
    forget_modules()
    assert location(client, "/vi/diaphuong/") == section.url


def test_module_names_come_from_the_mapping(client, old_site):
    """With two news modules, the one the installer names is the one old A-links dropped."""
    assert location(client, "/tin-huyen-thi-xa/cac-doan-cong-tac-16.html")
    record("news", Kind.CATEGORY, 0, page=old_site["section"])
    forget_modules()
    assert client.get("/tin-huyen-thi-xa/cac-doan-cong-tac-16.html").status_code == 404
    record("news", Kind.ARTICLE, 16, page=old_site["article"])
    assert (
        location(client, "/tin-huyen-thi-xa/cac-doan-cong-tac-16.html") == old_site["article"].url
    )
