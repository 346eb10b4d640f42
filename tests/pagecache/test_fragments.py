"""``{% fragment %}``: kept per name and values, ended by any purge, rendered every time when off."""

from itertools import count

from django.template import Context, Template
from django.test import RequestFactory

from pagecache import store

TEMPLATE = Template(
    '{% load fragment_cache %}{% fragment "x" value %}{{ renders }}{% endfragment %}'
)


def render(counter, value):
    return TEMPLATE.render(Context({"renders": lambda: next(counter), "value": value}))


def test_a_fragment_is_kept_per_value_until_a_purge():
    counter = count(1)
    assert render(counter, "a") == "1"
    assert render(counter, "a") == "1", "kept"
    assert render(counter, "b") == "2", "another value, another fragment"
    store.purge(paths=["/tin-tuc/khong-lien-quan/"])
    assert render(counter, "a") == "3", "any purge ends every fragment"


def test_switched_off_it_renders_every_time(settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    counter = count(1)
    assert [render(counter, "a") for _ in range(3)] == ["1", "2", "3"]


def test_a_preview_renders_every_time():
    counter = count(1)
    preview = RequestFactory().get("/")
    preview.is_preview = True
    context = {"renders": lambda: next(counter), "value": "a", "request": preview}
    assert [TEMPLATE.render(Context(context)) for _ in range(2)] == ["1", "2"]
    assert render(counter, "a") == "3", "nor is a preview kept for readers"
