"""Shared builders for tests: the page tree every test stands on, users, pages, and the data
the admin's create forms post for the content types."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directives.models import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    IssuingBody,
)
from directives.pdf import minimal_pdf
from home.models import HomePage, PortalSettings


def ensure_site():
    """Return the default site's home page, rebuilding the tree a flushed database lost.

    Transactional tests (the browser ones) empty every table afterwards, including the
    tree and the root collection that migrations created, so each test asks for it through this builder.
    """
    if not Collection.objects.exists():
        Collection.add_root(name="Gốc")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    locale, _ = Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Gốc", slug="root", locale=locale)
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


def portal_settings(**values):
    site = Site.objects.get(is_default_site=True)
    defaults = {
        "portal_name": "Trang thông tin điện tử Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
        "agency_in_charge": "Văn phòng Điều phối nông thôn mới tỉnh Hà Tĩnh",
        "content_responsible": "Chánh Văn phòng Điều phối",
        "licence_number": "05/GP-STTTT",
        "address": "Số 02 Nguyễn Chí Thanh, Hà Tĩnh",
        "phone": "0239 3855 555",
        "email": "vpdpntm@hatinh.gov.vn",
    }
    defaults.update(values)
    settings, _ = PortalSettings.objects.update_or_create(site=site, defaults=defaults)
    return settings


def make_superuser(username="admin", password="secret-pass-123"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.com", password)


def make_document(title="Tệp văn bản", name="van-ban.pdf", content=None):
    """A Wagtail document; a small real PDF unless other bytes are given."""
    data = content if content is not None else minimal_pdf([title])
    document = get_document_model()(title=title, file=ContentFile(data, name=name))
    document.file_size = len(data)
    document.save()
    return document


def make_directive_index(parent=None, title="Văn bản chỉ đạo điều hành", **values):
    parent = parent or ensure_site()
    return parent.add_child(instance=DirectiveIndexPage(title=title, **values))


def reference_data(document_type, issuing_body):
    """The document type and issuing body of these names, made on the fly when missing."""
    return (
        DocumentType.objects.get_or_create(name=document_type)[0],
        IssuingBody.objects.get_or_create(name=issuing_body)[0],
    )


def make_directive(index, number="57-NQ/TW", *, live=True, attachments=(), **values):
    """A directive in ``index``, with reference data made on the fly from names."""
    document_type, issuing_body = reference_data(
        values.pop("document_type", "Nghị quyết"), values.pop("issuing_body", "Bộ Chính trị")
    )
    defaults = {
        "title": f"{document_type.name} số {number}",
        "summary": "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "issued_on": datetime.date(2024, 12, 22),
        "effective_on": datetime.date(2024, 12, 22),
    }
    defaults.update(values)
    page = DirectivePage(
        number=number,
        document_type=document_type,
        issuing_body=issuing_body,
        live=live,
        **defaults,
    )
    for document in attachments:
        page.attachments.add(DirectiveAttachment(document=document))
    return index.add_child(instance=page)


def make_news_index(parent, title="Tin tức - Sự kiện", **values):
    from articles.models import NewsIndexPage

    category = NewsIndexPage(title=title, **values)
    parent.add_child(instance=category)
    category.save_revision().publish()
    return category


def make_news(
    parent, title="Tin mẫu", published_at=None, tags=(), publish=True, cites=(), **values
):
    """A news item under ``parent``, citing the directives ``cites``; ``publish=False`` leaves a draft."""
    from django.utils import timezone

    from articles.models import NewsPage, NewsRelatedDirective

    values.setdefault("lead", f"Tóm tắt: {title}")
    values.setdefault("body", [("paragraph", f"<p>Nội dung {title}</p>")])
    news = NewsPage(
        title=title, published_at=published_at or timezone.now(), live=publish, **values
    )
    for directive in cites:
        news.related_directive_links.add(NewsRelatedDirective(directive=directive))
    parent.add_child(instance=news)
    if tags:
        news.tags.add(*tags)
    revision = news.save_revision(user=news.owner)
    if publish:
        revision.publish()
    return news


def make_image(title="Ảnh thử", colour=(11, 83, 148)):
    from demo.images import demo_image

    return demo_image(title, colour, size=(320, 180))


def news_form(**values):
    """What an editor fills into a news item's create form, as the admin's browser posts it."""
    data = {
        "title": "Hội nghị sơ kết nông thôn mới",
        "slug": "hội-nghị-sơ-kết-nông-thôn-mới",
        "published_at": "2026-11-28 09:15",
        "lead": "Tóm tắt hội nghị.",
        "featured_image_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung</p>"))]),
        "author": "Anh Hoài",
        "source_name": "Anh Hoài/baohatinh.vn",
        "source_url": "https://baohatinh.vn/",
        "tags": "OCOP, Nông thôn mới",
        "related_directive_links": inline_formset([]),
        "extra_categories": inline_formset([]),
    }
    data.update(values)
    return nested_form_data(data)


def directive_form(**values):
    """What an editor fills into a directive's create form: no files, no related documents."""
    document_type, issuing_body = reference_data("Kế hoạch", "Văn phòng Điều phối")
    data = {
        "title": "Kế hoạch số 120/KH-VPĐP",
        "slug": "kế-hoạch-số-120-kh-vpđp",
        "number": "120/KH-VPĐP",
        "document_type": document_type.pk,
        "issuing_body": issuing_body.pk,
        "field": "",
        "signer_name": "Nguyễn Văn Hùng",
        "signer_position": "Chánh Văn phòng",
        "issued_on": "15/12/2026",
        "effective_on": "15/12/2026",
        "expires_on": "",
        "summary": "Thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2027",
        "body": streamfield([]),
        "attachments": inline_formset([]),
        "outgoing_relations": inline_formset([]),
    }
    data.update(values)
    return nested_form_data(data)
