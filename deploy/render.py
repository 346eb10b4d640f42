#!/usr/bin/env python3
"""Fill deploy/nginx/portal.conf's placeholders (capitals between at signs) from an environment file.

    python3 deploy/render.py /etc/portal/portal.env > /etc/nginx/sites-available/portal.conf

Standard library only: it runs on a server before the virtualenv exists. Variables of the
process environment override the file's.
"""

import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "portal.conf"
BROTLI_MODULE = Path("/usr/share/nginx/modules-available/mod-http-brotli-filter.conf")
BROTLI = (
    "brotli on;\n    brotli_comp_level 5;\n    brotli_types text/css application/javascript "
    "application/json application/xml application/rss+xml image/svg+xml text/plain text/xml;"
)
DEFAULTS = {
    "NGINX_HTTP_LISTEN": "80",
    "NGINX_HTTPS_LISTEN": "443",
    "NGINX_UPSTREAMS": "127.0.0.1:8001 127.0.0.1:8002",
    "NGINX_CACHE_DIR": "/var/cache/nginx/portal",
    "NGINX_LOG_DIR": "/var/log/nginx",
    "NGINX_BROTLI": "auto",
    "TLS_CERTIFICATE": "/etc/ssl/portal/fullchain.pem",
    "TLS_CERTIFICATE_KEY": "/etc/ssl/portal/privkey.pem",
    "STATIC_ROOT": "/srv/portal/static",
    "MEDIA_ROOT": "/srv/shared/media",
}


def read_env_file(path):
    values = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            values[name.strip()] = value.strip().strip("'\"")
    return values


def brotli_lines(choice):
    enabled = BROTLI_MODULE.exists() if choice == "auto" else choice in {"1", "true", "on"}
    return BROTLI if enabled else "# brotli: module libnginx-mod-http-brotli-filter not installed"


def render(values):
    hosts = [host.strip() for host in values.get("ALLOWED_HOSTS", "").split(",") if host.strip()]
    if not hosts:
        raise SystemExit("ALLOWED_HOSTS is empty: nginx needs the portal's host names.")
    upstreams = values["NGINX_UPSTREAMS"].split()
    filled = {
        "SERVER_NAME": " ".join(hosts),
        "HTTP_LISTEN": values["NGINX_HTTP_LISTEN"],
        "HTTPS_LISTEN": values["NGINX_HTTPS_LISTEN"],
        "UPSTREAM_SERVERS": "\n    ".join(
            f"server {address} max_fails=3 fail_timeout=10s;" for address in upstreams
        ),
        "CACHE_DIR": values["NGINX_CACHE_DIR"],
        "LOG_DIR": values["NGINX_LOG_DIR"],
        "BROTLI": brotli_lines(values["NGINX_BROTLI"]),
        "TLS_CERTIFICATE": values["TLS_CERTIFICATE"],
        "TLS_CERTIFICATE_KEY": values["TLS_CERTIFICATE_KEY"],
        "STATIC_ROOT": values["STATIC_ROOT"].rstrip("/"),
        "MEDIA_ROOT": values["MEDIA_ROOT"].rstrip("/"),
    }
    text = re.sub(r"@([A-Z_]+)@", lambda match: filled[match.group(1)], TEMPLATE.read_text())
    return text


def main(argv):
    values = dict(DEFAULTS)
    if len(argv) > 1:
        values.update(read_env_file(argv[1]))
    values.update(
        {
            name: value
            for name, value in os.environ.items()
            if name in values or name == "ALLOWED_HOSTS"
        }
    )
    sys.stdout.write(render(values))


if __name__ == "__main__":
    main(sys.argv)
