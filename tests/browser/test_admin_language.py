"""The admin reads as Vietnamese: visible text holds no English words outside an allow-list.

English words are recognised from Wagtail's own English catalogues (every word of every
msgid), minus the syllables that the Vietnamese catalogues themselves use ("cho", "tin", ...),
minus brand names and file types, so the check needs no dictionary and follows upgrades.
"""

import re
from functools import cache

import polib
import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, sync_editorial
from security.two_factor import requires_two_factor
from tests.factories import (
    make_directive,
    make_directive_index,
    make_member,
    make_news,
    make_news_index,
    make_superuser,
)
from tests.two_factor import app_device, pass_second_step
from translations.upstream_catalogues import catalogue_pairs

ALLOWED = {
    "wagtail",
    "django",
    "url",
    "urls",
    "html",
    "css",
    "csv",
    "json",
    "xlsx",
    "xls",
    "pdf",
    "doc",
    "docx",
    "odt",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "svg",
    "avif",
    "heic",
    "api",
    "seo",
    "rss",
    "youtube",
    "email",
    "mail",
    "admin",
    "slug",
    "id",
    "utc",
    "ict",
    "gmt",
    "ok",
    "wcag",
    "unicode",
    "markdown",
    "iframe",
    "ascii",
}
WORD = re.compile(r"[A-Za-z]{3,}")
VIETNAMESE_LETTER = re.compile(r"[^\x00-\x7f]")
PASSWORD = "mat-khau-kiem-thu-1"


@cache
def english_words():
    english, vietnamese = set(), set()
    for _package, _domain, source, target in catalogue_pairs():
        for entry in polib.pofile(str(source)):
            english.update(
                word.lower() for word in WORD.findall(f"{entry.msgid} {entry.msgid_plural}")
            )
        if target.exists():
            for entry in polib.pofile(str(target)):
                texts = [entry.msgstr, *entry.msgstr_plural.values()]
                vietnamese.update(word.lower() for text in texts for word in WORD.findall(text))
    return english - vietnamese - ALLOWED


def english_in(text):
    """English words of ``text``, ignoring words glued to Vietnamese letters."""
    found = set()
    for token in re.split(r"[\s/|(),.:;!?\"'«»“”…\-–—\[\]{}<>+=*#]+", text):
        if not token or VIETNAMESE_LETTER.search(token):
            continue
        found.update(
            word.lower() for word in WORD.findall(token) if word.lower() in english_words()
        )
    return found


VISIBLE_TEXT = """() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('select').forEach((select) => select.replaceWith(
        select.selectedOptions.length ? select.selectedOptions[0].textContent : ''));
    document.documentElement.appendChild(body);
    const text = body.innerText;
    body.remove();
    return text;
}"""


def visible_english(page):
    """English words in the text a person sees (a list box shows only its chosen option)."""
    return english_in(page.evaluate(VISIBLE_TEXT))


def log_in(page, username):
    user = get_user_model().objects.get(username=username)
    if requires_two_factor(user):
        app_device(user)
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    if requires_two_factor(user):
        pass_second_step(page, user)
    page.wait_for_url("**/admin/")


ADMIN_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{home_id}/",
    "/admin/pages/{home_id}/edit/",
    "/admin/pages/{home_id}/history/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/users/",
    "/admin/users/add/",
    "/admin/groups/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/workflow/",
    "/admin/reports/site-history/",
    "/admin/account/",
]


def english_on_screens(page, screens, **ids):
    """Visit each screen and collect the English words it shows, by screen."""
    found = {}
    for screen in screens:
        page.goto(screen.format(**ids))
        if words := visible_english(page):
            found[screen] = sorted(words)
    return found


def test_admin_screens_have_no_english_for_the_administrator(page, site):
    make_superuser("bbt_admin", PASSWORD)
    log_in(page, "bbt_admin")
    found = english_on_screens(page, ADMIN_SCREENS, home_id=site.pk)
    assert not found, f"English words on admin screens: {found}"


ROLE_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{news_id}/edit/",
    "/admin/pages/{directive_id}/edit/",
    "/admin/pages/{category_id}/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/snippets/",
    "/admin/reports/workflow/",
    "/admin/users/",
]


@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR, DEPUTY, CHIEF, ADMIN_TEAM])
def test_admin_screens_have_no_english_for_each_role(page, site, role):
    sync_editorial(apps)
    make_member(role, "thanh_vien", PASSWORD, email="tv@example.com")
    category = make_news_index(site, title="Tin trong tỉnh")
    news = make_news(category, title="Hội nghị tổng kết xây dựng nông thôn mới")
    directive = make_directive(make_directive_index(site), number="57-NQ/TW")
    log_in(page, "thanh_vien")
    found = english_on_screens(
        page, ROLE_SCREENS, news_id=news.pk, directive_id=directive.pk, category_id=category.pk
    )
    assert not found, f"English words on admin screens for {role}: {found}"
