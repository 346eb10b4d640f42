"""Wagtail's site copy screen saved its form onto the site being copied (as the snippet and
user copy screens did): a "copy" of the portal's site renamed and re-pointed the live one."""

import pytest
from wagtail.models import Site

from tests.factories import make_superuser

pytestmark = pytest.mark.django_db


def test_no_site_copy_screen_overwrites_the_live_site(client, home_page):
    site = Site.objects.get(is_default_site=True)
    before = (site.hostname, site.port, site.site_name, site.root_page_id)
    client.force_login(make_superuser())
    copy_url = f"/admin/sites/copy/{site.pk}/"
    forged = {
        "hostname": "ban-sao.example.com",
        "port": "80",
        "site_name": "Bản sao",
        "root_page": str(home_page.pk),
    }
    assert client.get(copy_url).status_code == 404
    assert client.post(copy_url, forged).status_code == 404
    site.refresh_from_db()
    assert (site.hostname, site.port, site.site_name, site.root_page_id) == before
    assert Site.objects.count() == 1
    listing = client.get("/admin/sites/").content.decode()
    assert "/admin/sites/copy/" not in listing, "no Copy button left pointing at it"
