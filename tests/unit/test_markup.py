"""Markdown from data files: Chinese line breaks joined, HTML sanitized."""

from __future__ import annotations

from community_culture.core.markup import MarkdownRenderer, join_cjk_lines


def test_line_breaks_inside_chinese_paragraphs_leave_no_gap() -> None:
    html = MarkdownRenderer().render("社区坚持文化“贴近实际”，\n以文化礼堂为阵地。\n\nEnglish line\nbreaks stay.")
    assert "<p>社区坚持文化“贴近实际”，以文化礼堂为阵地。</p>" in html
    assert "English line\nbreaks stay." in html


def test_lists_and_mixed_lines_keep_their_breaks() -> None:
    assert join_cjk_lines("- 舞台\n- 灯光") == "- 舞台\n- 灯光"
    assert join_cjk_lines("二人台\nErrentai") == "二人台\nErrentai"
    assert join_cjk_lines("第一行，\n**第二行**") == "第一行，**第二行**"


def test_scripts_handlers_and_javascript_urls_are_removed() -> None:
    html = MarkdownRenderer().render(
        '<script>x()</script><a href="javascript:y()" onclick="z()">链接</a>'
        '<img src="a.png" onerror="w()"><iframe src="https://e.x"></iframe>'
    )
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html
    assert "onerror" not in html and "<iframe" not in html and "链接" in html
