"""The files beside the pages and writing them: RSS feeds (``feeds``), iCalendar files
(``calendars``), open data as JSON and CSV (``opendata``), which groups of them a build makes
(``files``) and writing files and publishing a finished site atomically into a marked output
folder (``write``). Each output escapes or encodes for its own format. This stage may import
``render``, ``site``, ``model`` and ``source``, never ``engine`` or ``commands``."""
