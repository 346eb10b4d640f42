"""Site-wide news addresses that live outside the page tree."""

from django.urls import path

from articles import views
from articles.feeds import NewsFeed

app_name = "articles"
urlpatterns = [
    path("rss/", NewsFeed(), name="feed"),
    path("the/<slug:slug>/", views.tag_page, name="tag"),
]
