"""Markdown in YAML text fields: CommonMark, no raw HTML, no unsafe links."""

from __future__ import annotations

import pytest

from callsite.render import render_markdown, render_markdown_inline


@pytest.mark.parametrize("source, html", [
    ("Tavoite on **vahva**.", "<p>Tavoite on <strong>vahva</strong>.</p>\n"),
    ("- yksi\n- kaksi", "<ul>\n<li>yksi</li>\n<li>kaksi</li>\n</ul>\n"),
    ('Teksti <script>alert("x")</script>', "<p>Teksti &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n"),
    ('<img src=x onerror="alert(1)">', "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n"),
    ("[klikkaa](javascript:alert(1))", '<p><a href="">klikkaa</a></p>\n'),
    ("[data](data:text/html;base64,PHNjcmlwdD4=)", '<p><a href="">data</a></p>\n'),
    ("<https://www.oph.fi/>", '<p><a href="https://www.oph.fi/">https://www.oph.fi/</a></p>\n'),
    ("[OPH](https://www.oph.fi/ \"Opetushallitus\")",
     '<p><a href="https://www.oph.fi/" title="Opetushallitus">OPH</a></p>\n'),
    ("a & b < c", "<p>a &amp; b &lt; c</p>\n"),
])
def test_render_markdown(source, html):
    assert render_markdown(source) == html


def test_inline_items_lose_their_paragraph_only_when_single():
    assert render_markdown_inline("**yksi** kohta") == "<strong>yksi</strong> kohta"
    assert render_markdown_inline("yksi\n\nkaksi") == "<p>yksi</p>\n<p>kaksi</p>\n"
