"""Markdown in YAML text fields: CommonMark, no raw HTML, no unsafe links."""

from __future__ import annotations

import resource

import cmarkgfm
import pytest
from hypothesis import given
from hypothesis import strategies as st

from callsite.render import commonmark
from callsite.render.pages import render_markdown, render_markdown_inline


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


@given(st.text(alphabet=st.sampled_from("ab äö–\n*_-#[]()<>&`\\\t1.:/"), max_size=200))
def test_our_binding_renders_what_cmarkgfm_renders(text):
    """callsite.render.commonmark calls the same C function as cmarkgfm.markdown_to_html."""
    assert commonmark.to_html(text) == cmarkgfm.markdown_to_html(text)


def test_rendering_leaves_nothing_behind():
    """cmarkgfm.markdown_to_html never frees cmark's output: 20,000 calls of this text grew a
    process by about 120 MiB. Ours hands each buffer back."""
    text = "\n\n".join(f"- **kohta {i}** " + "sana " * 60 for i in range(8))
    before = _resident_bytes()
    for _ in range(20_000):
        commonmark.to_html(text)
    assert _resident_bytes() - before < 20 * 2**20


def test_the_html_goes_back_to_the_allocator_that_made_it():
    """cmark's own free (cmark_get_default_mem_allocator()->free), not a free found elsewhere."""
    import ctypes

    from cmarkgfm import _cmark

    get_allocator = ctypes.CDLL(_cmark.__file__).cmark_get_default_mem_allocator
    get_allocator.restype = ctypes.c_void_p
    allocator = _cmark.ffi.cast("cmark_mem *", get_allocator())
    assert commonmark._free is not None
    assert _cmark.ffi.cast("uintptr_t", commonmark._free) == _cmark.ffi.cast("uintptr_t", allocator.free)


def _resident_bytes() -> int:
    """This process's resident memory now (not its peak, which an earlier test may have set)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()
