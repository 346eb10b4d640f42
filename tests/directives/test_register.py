"""The register over HTTP: table, order, every filter (valid and not), lookup by number."""

import datetime
import re

import pytest

from directives.models import (
    DirectiveIndexPage,
    DirectiveRelation,
    DocumentType,
    Field,
    IssuingBody,
)
from tests.factories import make_directive, make_directive_index, make_document


@pytest.fixture
def register(home_page, site_settings):
    index = make_directive_index(home_page)
    field = Field.objects.create(name="Chuyển đổi số")
    make_directive(
        index,
        "57-NQ/TW",
        field=field,
        issued_on=datetime.date(2024, 12, 22),
        attachments=[make_document("Nghị quyết 57", "nq-57.pdf")],
    )
    make_directive(
        index,
        "1234/QĐ-UBND",
        document_type="Quyết định",
        issuing_body="UBND tỉnh",
        summary="Ban hành Bộ tiêu chí xã nông thôn mới giai đoạn 2021-2025",
        issued_on=datetime.date(2022, 5, 10),
        effective_on=datetime.date(2022, 5, 10),
        expires_on=datetime.date(2025, 12, 31),
    )
    make_directive(
        index,
        "15/KH-VPĐP",
        document_type="Kế hoạch",
        issuing_body="Văn phòng Điều phối",
        summary="Kế hoạch truyền thông về xây dựng nông thôn mới năm 2026",
        issued_on=datetime.date(2026, 2, 1),
        effective_on=datetime.date(2026, 2, 1),
    )
    make_directive(index, "99-NQ/TW", live=False, summary="Bản nháp chưa xuất bản")
    return index


def numbers(response):
    return [row.number for row in response.context["directives"]]


def test_table_lists_live_documents_newest_first(client, register):
    response = client.get(register.url)
    assert response.status_code == 200
    assert numbers(response) == ["15/KH-VPĐP", "57-NQ/TW", "1234/QĐ-UBND"]
    html = response.content.decode()
    for heading in ["Số ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành", "Tệp đính kèm"]:
        assert heading in html, f"the table should have the column {heading}"
    assert "22/12/2024" in html
    assert "99-NQ/TW" not in html, "drafts must not appear in the register"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"document_type": "Quyết định"}, ["1234/QĐ-UBND"]),
        ({"issuing_body": "Văn phòng Điều phối"}, ["15/KH-VPĐP"]),
        ({"field": "Chuyển đổi số"}, ["57-NQ/TW"]),
        ({"year": "2022"}, ["1234/QĐ-UBND"]),
        ({"status": "expired"}, ["1234/QĐ-UBND"]),
        ({"status": "in_force"}, ["15/KH-VPĐP", "57-NQ/TW"]),
        ({"q": "nông thôn mới"}, ["15/KH-VPĐP", "1234/QĐ-UBND"]),
        ({"q": "NQ"}, ["57-NQ/TW"]),
        ({"q": "nong thon moi"}, ["15/KH-VPĐP", "1234/QĐ-UBND"]),
        ({"q": "bo tieu chi nong thon"}, ["1234/QĐ-UBND"]),
        ({"q": "chuyen doi so"}, ["57-NQ/TW"]),
        ({"q": "thon nong"}, ["15/KH-VPĐP", "1234/QĐ-UBND"]),
        ({"q": "hon"}, []),
        ({"q": "'\"%_"}, []),
    ],
)
def test_each_filter_narrows_the_table(client, register, query, expected):
    models = {"document_type": DocumentType, "issuing_body": IssuingBody, "field": Field}
    params = {
        name: models[name].objects.get(name=value).pk if name in models else value
        for name, value in query.items()
    }
    response = client.get(register.url, params)
    assert response.status_code == 200
    assert numbers(response) == expected, f"filter {query} should keep {expected}"


@pytest.mark.parametrize(
    "params",
    [
        {"document_type": "999999"},
        {"issuing_body": "abc"},
        {"field": "-1"},
        {"year": "hai nghìn"},
        {"year": "99999999999999999999"},
        {"status": "bogus"},
        {"page": "abc"},
        {"page": "9999"},
        {"q": "x" * 5000},
    ],
)
def test_invalid_filter_values_are_ignored_with_a_message(client, register, params):
    response = client.get(register.url, params)
    assert response.status_code == 200, f"{params} must not break the register"
    if "page" not in params and "q" not in params:
        assert len(numbers(response)) == 3, "an unknown value should drop only that filter"
        assert "không tồn tại và đã được bỏ qua" in response.content.decode()


def test_a_number_typed_any_way_jumps_to_the_document(client, register):
    directive = register.get_children().get(directivepage__number="57-NQ/TW")
    for typed in ["57-NQ/TW", "57/NQ-TW", "57 NQ TW", "57-nq/tw"]:
        response = client.get(register.url, {"q": typed})
        assert response.status_code == 302, f"{typed!r} should go straight to the document"
        assert response.url == directive.url


def test_a_number_pasted_with_a_nul_byte_still_jumps(client, register):
    directive = register.get_children().get(directivepage__number="57-NQ/TW")
    response = client.get(register.url, {"q": "57-NQ/TW \x00"})
    assert response.status_code == 302 and response.url == directive.url


def test_a_number_matching_a_draft_does_not_jump(client, register):
    response = client.get(register.url, {"q": "99-NQ/TW"})
    assert response.status_code == 200
    assert numbers(response) == []


def test_a_number_matching_two_documents_lists_them(client, register):
    make_directive(register, "57/NQ-TW", summary="Một văn bản trùng số ở cơ quan khác")
    response = client.get(register.url, {"q": "57 nq tw"})
    assert response.status_code == 200
    assert len(numbers(response)) == 2


def test_pagination_keeps_the_filters(client, register, monkeypatch):
    monkeypatch.setattr(DirectiveIndexPage, "per_page", 1)
    response = client.get(register.url, {"status": "in_force"})
    assert "status=in_force&amp;page=2" in response.content.decode()
    second = client.get(register.url, {"status": "in_force", "page": "2"})
    assert numbers(second) == ["57-NQ/TW"]


def test_register_query_count_stays_flat(client, register, django_assert_max_num_queries):
    for serial in range(20):
        make_directive(
            register,
            f"{serial + 100}/QĐ-UBND",
            attachments=[make_document(f"Tệp {serial}", f"tep-{serial}.pdf")],
        )
    client.get(register.url)
    with django_assert_max_num_queries(12):
        response = client.get(register.url, {"status": "in_force", "year": "2024"})
    assert response.status_code == 200
    assert len(numbers(response)) == 20, "a full page of results was rendered"


def test_relations_do_not_change_the_register_count(client, register):
    old, new = (register.get_children().specific()[i] for i in (0, 1))
    DirectiveRelation.objects.create(source=new, target=old, kind="replaces")
    response = client.get(register.url, {"status": "replaced"})
    assert numbers(response) == [old.number]


def test_an_ignored_filter_is_described_by_the_notice_on_the_page(client, register):
    """Screen readers follow aria-describedby from the invalid box to the notice that explains it."""
    html = client.get(register.url, {"year": "abc", "document_type": "999999"}).content.decode()
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert len(described) == 2, "both ignored filters should point at an explanation"
    for ids in described:
        for element_id in ids.split():
            assert f'id="{element_id}"' in html, f"aria-describedby names a missing {element_id}"


def test_cached_register_count_follows_new_documents_and_filters(client, register):
    for n in range(3):
        make_directive(register, f"{n + 1}/KH-UBND", document_type="Kế hoạch")

    def count(**filters):
        return client.get(register.url, filters).context["directives"].paginator.count

    before = count()
    assert count() == before, "the count now comes from the cache"
    make_directive(register, "99-NQ/TW")
    assert count() == before + 1, "a new document gives the counts a new version"
    kind = DocumentType.objects.get(name="Kế hoạch")
    plans = register.directives().filter(document_type=kind).count()
    assert plans < before + 1, "the filter leaves documents out"
    assert count(document_type=kind.pk) == plans, "each set of filters has its own count"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Châu", ["16/KH-VPĐP", "17/QĐ-UBND"]),
        ("chau", ["16/KH-VPĐP", "17/QĐ-UBND"]),
        ("LÊ MINH CHÂU", ["16/KH-VPĐP"]),
        ("Lê Minh", ["16/KH-VPĐP"]),
        ("hoang chau", ["17/QĐ-UBND"]),
        ("Tô Lâm", []),
        ("--", []),
    ],
)
def test_the_signer_filter_ignores_case_and_tone_marks(client, register, typed, expected):
    """Readers type names in lower case and often without marks; part of a name is enough."""
    make_directive(
        register, "16/KH-VPĐP", signer_name="Lê Minh Châu", issued_on=datetime.date(2026, 3, 1)
    )
    make_directive(
        register, "17/QĐ-UBND", signer_name="Hoàng Châu", issued_on=datetime.date(2026, 2, 20)
    )
    make_directive(register, "18/QĐ-UBND", signer_name="Hoàng Châu", live=False)
    response = client.get(register.url, {"signer": typed})
    assert response.status_code == 200
    assert numbers(response) == expected


def test_a_new_signer_is_found_as_soon_as_the_document_is_published(client, register):
    """The signers' names are kept in the cache until a page changes."""
    assert numbers(client.get(register.url, {"signer": "Châu"})) == []
    make_directive(register, "16/KH-VPĐP", signer_name="Lê Minh Châu")
    assert numbers(client.get(register.url, {"signer": "Châu"})) == ["16/KH-VPĐP"]
