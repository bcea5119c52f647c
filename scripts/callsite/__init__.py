"""Build a bilingual (Finnish/Swedish) website of funding calls from YAML files.

The data flows one way, one package per stage, each importing only the stages before it
(``site_tests/test_layout.py`` checks it):

    source    read call files and the vocabulary: safe YAML with the line of every value
    model     validate them into the frozen model (calls, settings, dates, problems, warnings)
    site      decide the site: which calls are published, their status at "now", the listings, every URL
    render    say it: templates, localisation (Babel, gettext), Markdown, encoders, page bodies
    outputs   the files beside the pages (feeds, calendars, open data) and writing them safely
    engine    hand the pages to the site engine (MkDocs today): the only package that knows it
    commands  what staff and CI run: the command line, the build, the live preview, new files

``problems`` (what is wrong in the input, and a misused command) and ``messages`` (what the
program says to staff, in their language) are shared by all of them.
"""

__version__ = "0.1.0"
