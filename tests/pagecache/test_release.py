"""What the cache keeps belongs to the release of the code that made it."""

import shutil

import pytest

from pagecache import release
from tests.pagecache.conftest import text

pytestmark = pytest.mark.django_db


def make_tree(root, template="<p>{{ page.title }}</p>"):
    (root / "app" / "templates").mkdir(parents=True)
    (root / "app" / "models.py").write_text("TITLE = 'Tin bài'\n")
    (root / "app" / "templates" / "page.html").write_text(template)
    (root / "app" / "notes.txt").write_text("not code")
    (root / "requirements.txt").write_text("wagtail==7.0\n")
    return root


def tree_release(root):
    return release.digest(root, [root / "app"], [root / "requirements.txt"])


def test_the_same_code_anywhere_is_the_same_release(tmp_path):
    first = make_tree(tmp_path / "server-1")
    second = make_tree(tmp_path / "server-2")
    assert tree_release(first) == tree_release(second)


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "app" / "templates" / "page.html").write_text("<p>Mới</p>"),
        lambda root: (root / "app" / "models.py").write_text("TITLE = 'Văn bản'\n"),
        lambda root: (root / "requirements.txt").write_text("wagtail==7.1\n"),
        lambda root: shutil.copy(root / "app" / "models.py", root / "app" / "blocks.py"),
    ],
    ids=["template", "code", "requirements", "new module"],
)
def test_a_change_to_the_code_is_a_new_release(tmp_path, change):
    root = make_tree(tmp_path)
    before = tree_release(root)
    change(root)
    assert tree_release(root) != before


def test_other_files_are_not_part_of_it(tmp_path):
    root = make_tree(tmp_path)
    before = tree_release(root)
    (root / "app" / "notes.txt").write_text("changed")
    assert tree_release(root) == before


def test_a_new_release_renders_again_what_the_old_one_kept(reader, first_item, monkeypatch):
    assert reader.get(first_item.url)["X-Page-Cache"] == "MISS"
    assert reader.get(first_item.url)["X-Page-Cache"] == "HIT"
    monkeypatch.setattr(release, "current", lambda: "release-after-deploy")
    response = reader.get(first_item.url)
    assert response["X-Page-Cache"] == "MISS", "the old release's copy is not served"
    assert first_item.title in text(response)


def test_the_portal_s_release_is_its_own_code_and_pins():
    base, roots, files = release.sources()
    assert {base / "templates", base / "articles", base / "pagecache"} <= set(roots)
    assert not [root for root in roots if "site-packages" in str(root)], "not the libraries"
    assert files == [base / "requirements.txt"]
