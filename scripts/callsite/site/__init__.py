"""Deciding the site from the validated catalog and "now": which calls are published, each
call's status (``status``), which call goes in which listing and in what order (``listings``),
and the address of every page and file (``urls``: pages, feeds, calendars, the newsletter
page). Pure functions of their arguments; no templates and no files. This stage may import
``model`` and ``source`` (and ``callsite.problems``), never ``render`` or what comes after."""
