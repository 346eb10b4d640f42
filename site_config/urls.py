"""URL map: the admin, document downloads, reader tools, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from search import views as search_views
from security.lockout import LockedPasswordResetView

urlpatterns = [
    # Before the admin's own: the reset form limited like sign-in (security/lockout.py).
    path(
        "admin/password_reset/",
        LockedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tim-kiem/", search_views.search, name="search"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon),
    path("", include("articles.urls")),
]

if settings.DEV_MEDIA_SERVER:
    urlpatterns += [path("", include("operations.urls"))]

if settings.BENCHMARK_FLOOR_VIEW:  # only on the benchmark's own app servers (make bench)
    from benchmark.views import floor

    urlpatterns += [path("_benchmark/floor/", floor, name="benchmark_floor")]

urlpatterns += [path("", include(wagtail_urls))]
