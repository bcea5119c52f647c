"""XML text and attribute escaping, as ``xml.sax.saxutils`` does it, and the text of feeds.

``escape`` and ``quoteattr`` serve the pages and the engine, which write XML and HTML from
templates: ``xml.sax.saxutils`` imports ``urllib.request`` (and with it http, email and ssl):
28 ms at the start of a command, 8 ms in a build (which has loaded part of it already), for
two one-line functions. Same output (tested).

Feeds are written by ``xml.etree.ElementTree`` (see :mod:`callsite.outputs.feeds`), which
escapes ``&``, ``<`` and ``>`` in element text and attributes. Feed text comes from staff
(titles, topic labels, change notes, purposes) and settings (the site's name), so what is
handed to it is made for the reader that takes it least safely:

- :func:`as_html_text` for an item's ``<description>``, which RSS 2.0 allows to hold
  HTML and feed readers render as HTML: the plain text is escaped for HTML, then (by the
  XML writer) for XML, so ``<img onerror=…>`` arrives as ``&amp;lt;img…`` and the reader
  shows it as text.
- :func:`as_plain_text` for every other element (``<title>``, ``<category>``): RSS 2.0
  makes them plain text and the RSS Advisory Board asks readers to show them literally, but
  some readers take them as HTML. Only a ``<`` that the HTML tokenizer reads as the start of
  a tag (followed by an ASCII letter, ``/``, ``!`` or ``?``) could become markup there, so
  that one is escaped for HTML as well: a title never carries a tag in any reader, and a
  literal reader shows ``&lt;b>`` only where staff wrote something that looks like a tag
  (never meant in a title); ``&`` and any other ``<`` stay as written (``T&K``, ``a < b``).
  feedparser then calls such a title ``text/html`` and gives it HTML-escaped.

Both refuse a character XML 1.0 cannot carry (control characters other than tab, newline
and carriage return, lone surrogates, U+FFFE and U+FFFF): one would make the whole feed
unreadable, and dropping it silently would hide a bug. ElementTree writes such a character
as it is (a NUL too), so the check stays ours; validation refuses such text in the files
first, so meeting one here is an internal error (``ValueError`` naming the value).
:func:`escape_plain_text` and :func:`escape_html_text` are the element text as written: what
the XML writer makes of the other two.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""A character outside XML 1.0's ``Char`` production (#x9 | #xA | #xD | [#x20-#xD7FF] |
[#xE000-#xFFFD] | [#x10000-#x10FFFF]), listed rather than negated: the same characters
(tested), compiled in a tenth of the 3.4 ms the negated ranges took at every start."""
_TAG_OPENING = re.compile("<(?=[A-Za-z/!?])")
"""A ``<`` the HTML tokenizer takes as the start of a tag, an end tag, a comment or a declaration."""


def escape(data: str) -> str:
    """``&``, ``<`` and ``>`` as entities (``saxutils.escape``)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """An attribute value with its quotes (``saxutils.quoteattr``)."""
    data = escape(data).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' in data:
        if "'" in data:
            return '"%s"' % data.replace('"', "&quot;")
        return "'%s'" % data
    return '"%s"' % data


def check_characters(data: str) -> str:
    """``data`` itself; ``ValueError`` if it holds a character XML 1.0 cannot carry."""
    found = _NOT_XML.search(data)
    if found is not None:
        shown = data if len(data) <= 80 else data[:77] + "..."
        raise ValueError(f"U+{ord(found.group()):04X} at character {found.start() + 1} of {shown!r} "
                         "cannot be written in XML (validation should have refused it)")
    return data


def as_plain_text(data: str) -> str:
    """Text for an element readers show as text, whether they take it as plain text or HTML
    (to be escaped for XML by the writer)."""
    check_characters(data)
    return _TAG_OPENING.sub("&lt;", data) if "<" in data else data


def as_html_text(data: str) -> str:
    """Text for an element readers render as HTML (an item's ``<description>``): ``data`` is
    plain text, to be shown as it is (escaped for HTML here, for XML by the writer)."""
    return escape(check_characters(data))


def escape_plain_text(data: str) -> str:
    """:func:`as_plain_text` as element text in XML."""
    return escape(as_plain_text(data))


def escape_html_text(data: str) -> str:
    """:func:`as_html_text` as element text in XML."""
    return escape(as_html_text(data))
