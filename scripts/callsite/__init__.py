"""Build a bilingual (Finnish/Swedish) website of funding calls from YAML files.

The data flows one way: load (``yamlsource``) -> validate (``validate``) into the
immutable model (``model``) -> derive status and listings (``status``,
``listings``) -> render page bodies (``render``) -> write the site through one
engine adapter (``mkdocs_adapter``) and swap it into place (``write``).
Only ``mkdocs_adapter`` imports MkDocs.
"""

__version__ = "0.1.0"
