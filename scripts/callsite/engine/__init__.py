"""Handing the pages to the site engine: the only package that imports MkDocs (or its
maintained fork ProperDocs, chosen by ``CALLSITE_ENGINE`` in ``selected``, the one module
that imports either) and Material.
This stage may import ``outputs``, ``render``, ``site``, ``model`` and ``source``, never
``commands``; no other stage may import it.

The contract (``docs/engine.md`` says it at length, and what another engine would take):

Receives, per language, from ``commands``: engine-neutral pages, ``render.pages.SitePage``
(language, path below the language's root, title, body HTML, head HTML, kind, alternates:
the same page's URL in each language, description, search text), listings first and then
the call pages, possibly as a generator; the ``render.pages.Chrome`` of the language (site
name, copyright, navigation, home URLs, the 404 body, the agency's colours and logo); the
site's URL; the output folder of the language; the engine's settings file (``mkdocs.yml``:
theme, its ``custom_dir`` of overrides, plugins); and "now" as a Unix time. Nothing in them is engine-specific.

Guarantees: the language's folder holds every page at ``<path>index.html``, each body
wrapped in the theme (Material's chrome in the language, with ``<html lang>``, the language
switcher pointing at the page's alternates, the title and description escaped as text, the
head HTML in ``<head>``), the theme's assets, ``404.html``, a search index with the pages
that are searched (``search/search_index.json``) and ``sitemap.xml`` (and ``.gz``) listing
every page; the same input gives the same bytes (any date the engine prints is "now", not the
clock); and a setting the engine cannot use is an ``InputError`` before anything is built
(``warm_up``). The folder is written whole (a build) or, for the live preview, only where
bytes changed (``written`` and ``reuse``, kept by the caller between builds).

Modules: ``selected`` (the engine), ``mkdocs_adapter`` (its plugin and the build of one
language), ``template_pages`` (the call and topic pages filled into one rendered page),
``page_lists`` (search index entries and sitemap), ``preview_sync`` (the preview's writing),
``patches`` (the engine's internals changed for speed, and why).
"""
