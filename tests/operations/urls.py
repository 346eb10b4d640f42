"""The portal's URLs plus one view that fails, to see what a server error does."""

from django.urls import include, path


def failing_view(request):
    raise RuntimeError("Lỗi thử nghiệm của máy chủ")


urlpatterns = [path("loi-may-chu/", failing_view), path("", include("site_config.urls"))]
