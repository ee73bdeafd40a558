"""A build is published only after its last check: every planned page there, every link of
them leading somewhere, and no unpublished person anywhere. Otherwise the live site stays."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort, PluginError

HONORS = """\
entries:
  - {id: wang-xiulan, name: 王秀兰, year: 2026, consent: true}
  - {id: zhao-canary, name: 赵金花雀, year: 2026}
"""


def test_a_withheld_name_in_a_hand_written_page_stops_publication(project, caplog):
    project.write("data/honors/morality.yml", HONORS)
    project.build()
    before = project.tree_digest()
    assert "王秀兰" in project.html("honors/morality/").get_text()
    project.write("content/about.md", "# 关于\n\n感谢赵金花雀的帮助。\n")
    with pytest.raises((PluginError, Abort)):
        project.build()
    message = caplog.text
    assert "/about/index.html: names a person who is not published" in message
    assert "赵金花雀" not in message and "zhao-canary" not in message
    assert project.tree_digest() == before, "the published site is unchanged"
    assert not list(project.root.glob(".site.building*")), "no half-built folder is left"


def test_a_name_shared_with_a_published_person_is_published(project):
    project.write("data/honors/morality.yml", HONORS.replace("赵金花雀", "王秀兰"))
    project.write("content/about.md", "# 关于\n\n王秀兰是社区的好邻居。\n")
    project.build()
    assert "王秀兰是社区的好邻居" in project.html("about/").get_text()
