"""Admin screens: reference data lists (wagtail-modeladmin) and the editors' directive listing."""

import datetime

import pytest
from django.urls import reverse

from directives.models import DirectivePage, DocumentType, Field, IssuingBody
from tests.factories import (
    directive_form,
    make_directive,
    make_directive_index,
    make_superuser,
)


@pytest.fixture
def admin_client(client, home_page):
    make_superuser()
    client.login(username="admin", password="secret-pass-123")
    return client


@pytest.fixture
def register(home_page):
    index = make_directive_index(home_page)
    make_directive(index, "57-NQ/TW")
    make_directive(
        index,
        "1234/QĐ-UBND",
        document_type="Quyết định",
        issuing_body="UBND tỉnh",
        issued_on=datetime.date(2022, 5, 10),
        effective_on=datetime.date(2022, 5, 10),
        expires_on=datetime.date(2025, 1, 1),
    )
    return index


def modeladmin_url(model, action, *args):
    return reverse(f"directives_{model._meta.model_name}_modeladmin_{action}", args=args)


@pytest.mark.parametrize("model", [DocumentType, IssuingBody, Field])
def test_reference_lists_open_for_admins(admin_client, register, model):
    assert admin_client.get(modeladmin_url(model, "index")).status_code == 200


def test_reference_list_searches_and_filters_by_use(admin_client, register):
    IssuingBody.objects.create(name="Hội Nông dân tỉnh")
    url = modeladmin_url(IssuingBody, "index")
    found = admin_client.get(url, {"q": "UBND"}).content.decode()
    assert "UBND tỉnh" in found and "Bộ Chính trị" not in found
    unused = admin_client.get(url, {"in_use": "no"}).content.decode()
    assert "Hội Nông dân tỉnh" in unused and "UBND tỉnh" not in unused


@pytest.mark.parametrize(
    "params", [{"in_use": "abc"}, {"foo": "bar"}, {"name__gt": "x"}, {"directive_count__gt": "abc"}]
)
def test_reference_list_survives_unknown_filters(admin_client, register, params):
    response = admin_client.get(modeladmin_url(Field, "index"), params, follow=True)
    assert response.status_code == 200


@pytest.mark.parametrize("action", ["edit", "delete", "history"])
def test_reference_value_with_a_word_as_id_is_not_found(admin_client, register, action):
    url = modeladmin_url(DocumentType, action, 1).replace("/1/", "/abc/")
    assert admin_client.get(url).status_code == 404


def test_deleting_a_value_in_use_is_refused_in_vietnamese(admin_client, register):
    issuer = IssuingBody.objects.get(name="UBND tỉnh")
    response = admin_client.post(modeladmin_url(IssuingBody, "delete", issuer.pk))
    assert response.status_code == 200, "a refused deletion must not be a server error"
    html = response.content.decode()
    assert "Không thể xoá “UBND tỉnh”: còn 1 văn bản đang sử dụng" in html
    assert "1234/QĐ-UBND" in html or "Quyết định số 1234/QĐ-UBND" in html
    assert IssuingBody.objects.filter(pk=issuer.pk).exists()


def test_deleting_an_unused_value_works(admin_client, register):
    unused = DocumentType.objects.create(name="Tờ trình")
    response = admin_client.post(modeladmin_url(DocumentType, "delete", unused.pk))
    assert response.status_code == 302
    assert not DocumentType.objects.filter(pk=unused.pk).exists()


def listing(admin_client, **params):
    response = admin_client.get(reverse("directives:index"), params)
    assert response.status_code == 200, f"the listing should accept {params}"
    return response.content.decode()


def test_editor_listing_filters_and_searches_by_number(admin_client, register):
    decision_type = DocumentType.objects.get(name="Quyết định")
    politburo = IssuingBody.objects.get(name="Bộ Chính trị")
    cases = [
        ({}, {"57-NQ/TW", "1234/QĐ-UBND"}),
        ({"document_type": decision_type.pk}, {"1234/QĐ-UBND"}),
        ({"issuing_body": politburo.pk}, {"57-NQ/TW"}),
        ({"year": 2022}, {"1234/QĐ-UBND"}),
        ({"legal_status": "expired"}, {"1234/QĐ-UBND"}),
        ({"legal_status": "in_force"}, {"57-NQ/TW"}),
        ({"q": "57 nq tw"}, {"57-NQ/TW"}),
        ({"q": "1234/qd-ubnd"}, {"1234/QĐ-UBND"}),
    ]
    for params, expected in cases:
        html = listing(admin_client, **params)
        shown = {number for number in ("57-NQ/TW", "1234/QĐ-UBND") if number in html}
        assert shown == expected, f"{params} should list {expected}, listed {shown}"


@pytest.mark.parametrize(
    "params",
    [
        {"document_type": "x"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "1e5"},
        {"year": "2025.5"},
        {"legal_status": "bogus"},
    ],
)
def test_editor_listing_survives_bad_filter_values(admin_client, register, params):
    listing(admin_client, **params)


@pytest.mark.parametrize("expires_on", ["01/01/2000", "15/12/2026"])
def test_expiry_date_on_or_before_the_issue_date_is_refused(admin_client, register, expires_on):
    response = admin_client.post(
        f"/admin/pages/add/directives/directivepage/{register.pk}/",
        directive_form(number="121/KH-VPĐP", expires_on=expires_on),
    )
    assert response.status_code == 200, "the form should come back with the error"
    html = response.content.decode()
    assert "Ngày hết hiệu lực phải sau ngày ban hành và ngày có hiệu lực." in html
    assert not DirectivePage.objects.filter(number="121/KH-VPĐP").exists()


def test_expiry_date_after_the_effective_date_is_accepted(admin_client, register):
    response = admin_client.post(
        f"/admin/pages/add/directives/directivepage/{register.pk}/",
        directive_form(number="121/KH-VPĐP", expires_on="01/01/2028"),
    )
    assert response.status_code == 302
    assert DirectivePage.objects.get(number="121/KH-VPĐP").expires_on.year == 2028
