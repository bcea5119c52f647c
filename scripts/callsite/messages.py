"""What the program says to staff, in Finnish or Swedish (gettext catalogs in ``locales/``).

The language is chosen once, at the command line's entry point (``--lang``, else ``LANG`` /
``LC_MESSAGES``, else Finnish), and every message is translated where it is made, with
``_("...")``. Without a chosen language (tests, a library caller) ``_`` returns the English
text unchanged, which is also the catalogs' message id. Values go in after translation:
``_("unknown tag {tag}").format(tag=tag)``, so that a translator can move them.
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

CATALOG_DIR = Path(__file__).parent / "locales"
STAFF_LANGUAGES = ("fi", "sv", "en")
BABEL_LOCALES = {"fi": "fi", "sv": "sv_FI", "en": "en"}
"""The staff language -> the locale its numbers are written in (Babel's, as the catalogs')."""

_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


@functools.lru_cache(maxsize=None)
def _catalog(lang: str) -> _gettext.NullTranslations:
    path = CATALOG_DIR / f"{lang}.po"
    if lang == "en" or not path.exists():
        return _gettext.NullTranslations()
    return _gettext.GNUTranslations(io.BytesIO(compiled_catalog(path.read_bytes(), BABEL_LOCALES[lang])))


def cache_folder() -> Path | None:
    """Where what is compiled from the program's own files is kept between runs, as Python keeps
    its bytecode: the page templates' and the catalogs (``CALLSITE_CACHE_DIR``; empty: nowhere)."""
    folder = os.environ.get("CALLSITE_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"callsite-cache-{os.getuid()}"))
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def compiled_catalog(source: bytes, locale: str) -> bytes:
    """A catalog (``source``: the bytes of its .po) compiled to gettext's .mo format, for
    ``locale``'s plural forms.

    Compiling runs Babel's .po reader in Python, which with its imports took 25-35 ms of every
    command's start, before the call files were read (2 cores, 1,000-call benchmark); a compiled
    catalog is kept in :func:`cache_folder` under the digest of the .po's bytes and the locale, so an
    edited catalog is compiled again, and each entry is written whole (renamed into place)."""
    folder = None
    with contextlib.suppress(OSError):
        folder = cache_folder()
    key = hashlib.sha1(source + b"\0" + locale.encode()).hexdigest()
    if folder is not None:
        with contextlib.suppress(OSError):
            return (folder / f"catalog-{key}.mo").read_bytes()
    # Babel's reader is imported only here: a command that never speaks, or finds the catalog
    # compiled, pays nothing for it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(source), locale=locale))
    compiled = buffer.getvalue()
    if folder is not None:
        with contextlib.suppress(OSError):
            scratch = folder / f"catalog-{key}.mo.{os.getpid()}"
            scratch.write_bytes(compiled)
            os.replace(scratch, folder / f"catalog-{key}.mo")
    return compiled


def use_language(lang: str) -> None:
    """Speak ``lang`` (fi, sv or en) from now on, in this process and in workers forked from it."""
    global _current, _language
    _current, _language = _catalog(lang), lang


def language() -> str:
    return _language


def decimal(number, pattern: str = "0.00") -> str:
    """``number`` as the staff language writes it (``pattern``: Babel's, e.g. two decimals):
    1,60 in Finnish and Swedish, 1.60 in English."""
    from babel.numbers import format_decimal
    return format_decimal(number, format=pattern, locale=BABEL_LOCALES[_language])


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Speak ``lang`` while the block runs, then the language spoken before: a command run
    inside a longer process (a test calling ``main``) leaves that process as it found it."""
    before = _language
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


def language_from_environment(environ) -> str:
    """fi or sv from ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` (e.g. ``sv_FI.UTF-8``); Finnish otherwise.

    English is never taken from the environment (a server's ``C.UTF-8`` or ``en_US`` would
    otherwise hide the staff's language): it is given with ``--lang en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in ("fi", "sv") else "fi"
    return "fi"


def _(message: str) -> str:
    """``message`` in the chosen language (the English text where no language was chosen)."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message kept in a table, to be translated with ``_`` where it is said (the
    table is made at import, before a language is chosen)."""
    return message
