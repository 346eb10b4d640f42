"""/healthz: database and cache checked, nothing rendered, nothing leaked, any Host."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens there
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
    }
}


def test_healthy_answer_names_only_the_checks(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "Set-Cookie" not in response


def test_answers_a_load_balancer_asking_by_address_over_http(settings):
    settings.ALLOWED_HOSTS = ["nongthonmoi.hatinh.gov.vn"]
    settings.SECURE_SSL_REDIRECT = True
    response = Client(HTTP_HOST="10.0.0.7:8000").get("/healthz")
    assert response.status_code == 200
    other = Client(HTTP_HOST="10.0.0.7:8000").get("/")
    assert other.status_code == 400  # the rest of the site still refuses that Host


def test_unreachable_cache_is_reported_but_keeps_the_server_in_rotation(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "cache": "error",
    }


def test_head_is_answered_and_other_methods_are_not_the_health_check(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code != 200
