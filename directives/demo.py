"""Demo register "Văn bản chỉ đạo điều hành": documents with small PDFs and some relations."""

import datetime

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from core.text import vietnamese_slugify
from demo.registry import builder
from directives.demo_data import RELATIONS, all_documents
from directives.models import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectivePage,
    DirectiveRelation,
    DocumentType,
    Field,
    IssuingBody,
)
from directives.numbers import number_key
from directives.pdf import minimal_pdf
from home.demo import home_page

REGISTER_TITLE = "Văn bản chỉ đạo điều hành"


def demo_register():
    register = DirectiveIndexPage.objects.filter(title=REGISTER_TITLE).first()
    if register:
        return register
    register = home_page().add_child(
        instance=DirectiveIndexPage(
            title=REGISTER_TITLE,
            show_in_menus=True,
            intro="Tra cứu văn bản chỉ đạo, điều hành Chương trình mục tiêu quốc gia xây dựng "
            "nông thôn mới tỉnh Hà Tĩnh theo số ký hiệu, cơ quan ban hành và năm ban hành.",
        )
    )
    register.save_revision().publish()  # as the admin would: a revision and a publication date
    return register


def demo_pdf(number, summary):
    Document = get_document_model()
    title = f"Văn bản {number}"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    data = minimal_pdf([f"So: {number}", summary])
    document = Document(
        title=title, file=ContentFile(data, name=f"{vietnamese_slugify(number)}.pdf")
    )
    document.file_size = len(data)
    document.save()
    return document


def add_directive(register, number, type_name, issuer_name, field_name, issued, summary):
    issued_on = datetime.date.fromisoformat(issued)
    page = DirectivePage(
        title=f"{type_name} số {number}",
        number=number,
        document_type=DocumentType.objects.get_or_create(name=type_name)[0],
        issuing_body=IssuingBody.objects.get_or_create(name=issuer_name)[0],
        field=Field.objects.get_or_create(name=field_name)[0],
        signer_name="Nguyễn Văn Hùng" if "VPĐP" in number else "Trần Báu Hà",
        signer_position="Chánh Văn phòng" if "VPĐP" in number else "Phó Chủ tịch",
        issued_on=issued_on,
        effective_on=issued_on,
        summary=summary,
    )
    page.attachments.add(DirectiveAttachment(document=demo_pdf(number, summary)))
    register.add_child(instance=page)
    page.save_revision().publish()
    return page


@builder(order=10)
def build_directives(stdout):
    register = demo_register()
    existing = set(DirectivePage.objects.child_of(register).values_list("number", flat=True))
    for number, *details in all_documents():
        if number not in existing:
            add_directive(register, number, *details)
            stdout.write(_("  + directive %(number)s") % {"number": number})
    pages = {page.number_key: page for page in DirectivePage.objects.child_of(register)}
    for source, kind, target in RELATIONS:
        page, other = pages[number_key(source)], pages[number_key(target)]
        if not page.outgoing_relations.filter(kind=kind, target=other).exists():
            # Through a published revision, so that a later publish keeps the relation.
            page.outgoing_relations.add(DirectiveRelation(kind=kind, target=other))
            page.save_revision().publish()
