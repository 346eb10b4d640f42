"""One log line per request with its request id; JSON lines when LOG_FORMAT=json."""

import json
import logging

import pytest

from operations.logs import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


def request_records(caplog):
    return [record for record in caplog.records if record.name == "portal.request"]


def test_one_line_per_request_with_the_id_the_proxy_sent(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    response = client.get("/khong-co-trang-nay/", HTTP_X_REQUEST_ID="3f2a9c0d4b5e6f70")
    assert response.status_code == 404
    assert response["X-Request-ID"] == "3f2a9c0d4b5e6f70"
    records = request_records(caplog)
    assert len(records) == 1
    assert [record.name for record in caplog.records].count("django.request") == 0
    record = records[0]
    assert (record.method, record.path, record.status) == ("GET", "/khong-co-trang-nay/", 404)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"  # the id lives only while the request runs


def test_an_injected_id_is_replaced(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    response = client.get("/", HTTP_X_REQUEST_ID="x\n2026 ERROR forged line")
    assert response.status_code == 200
    assert "\n" not in response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32


def test_json_lines_carry_the_request_fields(client, home_page, caplog):
    caplog.set_level(logging.INFO, logger="portal.request")
    client.get("/", HTTP_X_REQUEST_ID="abcdef0123456789")
    record = request_records(caplog)[0]
    record.request_id = "abcdef0123456789"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["request_id"] == "abcdef0123456789"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/", 200)
    assert entry["level"] == "INFO" and entry["duration_ms"] >= 0
