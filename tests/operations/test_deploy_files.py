"""The files a technician copies stay in step with the settings and the README."""

import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from directives.documents import max_attachment_size

ROOT = Path(__file__).resolve().parents[2]


def readme_variables():
    section = (ROOT / "README.md").read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row)}


def test_environment_template_lists_every_readme_variable():
    template = (ROOT / "deploy" / "portal.env.example").read_text()
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", template, re.MULTILINE))
    assert readme_variables() - listed == set()


def test_nginx_body_limit_matches_the_largest_upload():
    site = (ROOT / "deploy" / "nginx" / "portal.conf").read_text()
    limit = int(re.search(r"client_max_body_size (\d+)m;", site).group(1)) * 1024 * 1024
    largest = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, max_attachment_size())
    assert largest < limit <= largest + 2 * 1024 * 1024


def test_rendered_site_has_no_placeholder_left_and_never_serves_documents(tmp_path):
    env_file = tmp_path / "portal.env"
    env_file.write_text("ALLOWED_HOSTS=nongthonmoi.hatinh.gov.vn,www.nongthonmoi.hatinh.gov.vn\n")
    rendered = subprocess.run(
        [sys.executable, str(ROOT / "deploy" / "render.py"), str(env_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert not re.search(r"@[A-Z_]+@", rendered)
    assert "server_name nongthonmoi.hatinh.gov.vn www.nongthonmoi.hatinh.gov.vn;" in rendered
    media_locations = re.findall(r"location [^{]*media[^{]*\{", rendered)
    assert all("documents" not in location for location in media_locations)
    assert "internal;" in rendered
