"""Shared builders for tests: the page tree every test stands on, users and board members,
pages, link lists, and the data the admin's create forms post for the content types.

A news section is a top-level news category (``NewsIndexPage``) and its items are news
(``NewsPage``); a directive section is a register (``DirectiveIndexPage``) and its items are
directives (``DirectivePage``). Sections are created as an administrator creates them and the
board's workflow attaches itself (``editorial/signals.py``); nothing is attached by hand here.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import NewsIndexPage, NewsPage
from directives.models import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    IssuingBody,
)
from directives.pdf import minimal_pdf
from editorial.roles import (
    ADMIN_TEAM,
    CHIEF,
    CONTRIBUTOR,
    DEPUTY,
    DIRECTIVES,
    EDITOR,
    NEWS,
)
from home.models import HomePage, PortalSettings, RelatedLink, RelatedLinkList

MEMBER_PASSWORD = "secret-pass-123"
ROLE_USERS = {
    CONTRIBUTOR: "ctv",
    EDITOR: "btv",
    DEPUTY: "pho",
    CHIEF: "truong",
    ADMIN_TEAM: "quantri",
}
KINDS = (NEWS, DIRECTIVES)
SECTION_MODEL = {NEWS: NewsIndexPage, DIRECTIVES: DirectiveIndexPage}
ITEM_MODEL = {NEWS: NewsPage, DIRECTIVES: DirectivePage}


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


def make_member(role, username=None, password=MEMBER_PASSWORD, email=None):
    """A user in the board group of ``role`` (the board's groups must exist: sync_editorial)."""
    username = username or ROLE_USERS[role]
    user = get_user_model().objects.create_user(
        username, email or f"{username}@example.com", password, first_name=username
    )
    user.groups.add(Group.objects.get(board_role__key=role))
    return user


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
    category = NewsIndexPage(title=title, **values)
    parent.add_child(instance=category)
    category.save_revision().publish()
    return category


def make_news(
    parent, title="Tin mẫu", published_at=None, tags=(), publish=True, cites=(), **values
):
    """A news item under ``parent``, citing the directives ``cites``; ``publish=False`` leaves a draft."""
    from django.utils import timezone

    from articles.models import NewsRelatedDirective

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


def make_directive_with_file(home):
    """A register holding Resolution 57-NQ/TW with its signed PDF attached."""
    register = make_directive_index(home)
    document = make_document("Nghị quyết 57-NQ/TW (bản ký số)", name="nghi-quyet-57.pdf")
    directive = make_directive(
        register,
        "57-NQ/TW",
        title="Nghị quyết về đột phá phát triển khoa học, công nghệ và chuyển đổi số",
        attachments=[document],
    )
    return register, directive, document


def make_news_scene(site):
    """A category with a sub-category, an illustrated item citing a directive, and neighbours."""
    from django.utils import timezone

    _register, directive, _document = make_directive_with_file(site)
    category = make_news_index(site, "Tin tức - Sự kiện", show_in_menus=True)
    province = make_news_index(category, "Tin trong tỉnh")
    base = timezone.now() - datetime.timedelta(days=5)
    for day in range(3):
        make_news(
            province, f"Tin cũ số {day + 1}", published_at=base + datetime.timedelta(days=day)
        )
    news = make_news(
        province,
        "Hà Tĩnh triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số",
        tags=["chuyển đổi số", "nghị quyết"],
        source_name="Anh Hoài/baohatinh.vn",
        source_url="https://baohatinh.vn/",
        featured_image=make_image("Hội nghị triển khai"),
        featured_image_caption="Quang cảnh hội nghị triển khai",
        cites=[directive],
    )
    make_news(province, "Tin mới hơn", tags=["chuyển đổi số"])
    return category, province, news


def make_section(parent, kind, title):
    """A news category or a document register, created the way an administrator does."""
    build = {NEWS: make_news_index, DIRECTIVES: make_directive_index}[kind]
    return build(parent, title)


def kind_of(section):
    """NEWS or DIRECTIVES, from the page type of ``section`` (a sub-category is news)."""
    specific = section.specific
    return next(kind for kind, model in SECTION_MODEL.items() if isinstance(specific, model))


def make_item(section, owner, title, live=False):
    """A news item or a directive in ``section``, a draft of ``owner`` unless ``live``."""
    if kind_of(section) == NEWS:
        item = make_news(section, title, publish=live, owner=owner)
    else:
        item = make_directive(section, "120/KH-VPĐP", title=title, live=live, owner=owner)
        revision = item.save_revision(user=owner)
        if live:
            revision.publish()
    return Page.objects.get(pk=item.pk).specific


def make_link_list(name="Liên kết website", heading="Liên kết website", links=()):
    """A related-link list of ``(title, page, url)`` links, in that order."""
    link_list = RelatedLinkList.objects.create(name=name, heading=heading)
    for title, page, url in links:
        RelatedLink.objects.create(link_list=link_list, title=title, page=page, url=url)
    return link_list


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


def item_fields(kind, title):
    """What an editor types into the create form of an item of ``kind`` (the admin copies the
    title into the slug box as the editor types)."""
    form = {NEWS: news_form, DIRECTIVES: directive_form}[kind]
    return form(title=title, slug=title.lower().replace(" ", "-"))
