"""Saying it: page bodies in both languages from Jinja templates (``pages``, ``templating``,
``templates/``), interface strings from gettext catalogs and dates and amounts from Babel
(``localise``, ``locales/``), Markdown (``commonmark``), the parts of pages that are data or
forms (``structured_data`` for JSON-LD, ``newsletter``) and the text encoders for JSON and XML
(``jsontext``, ``xmltext``). Engine-neutral: a page is a :class:`pages.SitePage`. This stage may
import ``site``, ``model`` and ``source``, never ``outputs``, ``engine`` or ``commands``."""
