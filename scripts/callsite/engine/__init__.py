"""Handing the pages to the site engine: the only package that imports MkDocs (or its
maintained fork ProperDocs). It receives engine-neutral pages (language, path, title, body
HTML, head HTML, alternates) and the chrome of a language (site name, navigation, home URLs)
and writes that language's folder with the theme around each body; see ``mkdocs_adapter``.
This stage may import ``outputs``, ``render``, ``site``, ``model`` and ``source``, never
``commands``; no other stage may import it."""
