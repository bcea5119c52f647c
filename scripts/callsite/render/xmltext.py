"""XML text and attribute escaping, as ``xml.sax.saxutils`` does it, and the text of feeds.

``xml.sax.saxutils`` imports ``urllib.request`` (and with it http, email and ssl): a tenth
of a second at every start, for two one-line functions. Same output (tested).

Feed text comes from staff (titles, topic labels, change notes, purposes) and settings (the
site's name), so it is written for the reader that takes it least safely:

- :func:`escape_html_text` for an item's ``<description>``, which RSS 2.0 allows to hold
  HTML and feed readers render as HTML: the plain text is escaped for HTML, then for XML,
  so ``<img onerror=…>`` arrives as ``&amp;lt;img…`` and the reader shows it as text.
- :func:`escape_plain_text` for every other element (``<title>``, ``<category>``): RSS 2.0
  makes them plain text and the RSS Advisory Board asks readers to show them literally, but
  some readers take them as HTML. Only a ``<`` that the HTML tokenizer reads as the start of
  a tag (followed by an ASCII letter, ``/``, ``!`` or ``?``) could become markup there, so
  that one is escaped for HTML as well: a title never carries a tag in any reader, and a
  literal reader shows ``&lt;b>`` only where staff wrote something that looks like a tag
  (never meant in a title); ``&`` and any other ``<`` stay as written (``T&K``, ``a < b``).
  feedparser then calls such a title ``text/html`` and gives it HTML-escaped.

Both refuse a character XML 1.0 cannot carry (control characters other than tab, newline
and carriage return, lone surrogates, U+FFFE and U+FFFF): one would make the whole feed
unreadable, and dropping it silently would hide a bug. Validation refuses such text in the
files first, so meeting one here is an internal error (``ValueError`` naming the value).
``xml.etree.ElementTree`` would not help there: it writes a NUL as it is.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character outside XML 1.0's ``Char`` production."""
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


def escape_plain_text(data: str) -> str:
    """Element text that readers show as text, whether they take it as plain text or HTML."""
    check_characters(data)
    if "<" in data:
        data = _TAG_OPENING.sub("&lt;", data)
    return escape(data)


def escape_html_text(data: str) -> str:
    """Element text of an element readers render as HTML (an item's ``<description>``):
    ``data`` is plain text, shown as it is."""
    return escape(escape(check_characters(data)))
