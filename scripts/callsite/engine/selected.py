"""The one place that imports the site engine: MkDocs or its maintained fork ProperDocs.

``CALLSITE_ENGINE`` chooses (``mkdocs``, the default, or ``properdocs``), once per process,
when this module is first imported; the other modules of this package take the engine's
parts from here and never name it. Both engines have the same API (ProperDocs 1.6.7 is
MkDocs 1.6.1 renamed and maintained), so the adapter is the same for both.

Material for MkDocs imports ``mkdocs.*`` itself. Under ProperDocs those imports must reach
ProperDocs' modules, or Material's plugins would subclass MkDocs' ``BasePlugin`` and
ProperDocs would refuse them: ``properdocs.replacement`` (ProperDocs' own command imports it
the same way) makes every ``mkdocs.*`` import in this process answer with ``properdocs.*``.
Material's theme and plugins are found under both: they are ``mkdocs.themes`` and
``mkdocs.plugins`` entry points, which ProperDocs reads beside its own ``properdocs.*``
groups (skipping MkDocs' own built-in themes and plugins when MkDocs is installed too).
"""

from __future__ import annotations

import os
import sys

from ..messages import _
from ..problems import UsageError

ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
"""The value of ``CALLSITE_ENGINE`` -> the engine's name as people write it."""


def engine_name(environ=os.environ) -> str:
    """The engine ``CALLSITE_ENGINE`` asks for (unset or empty: MkDocs); another value is a
    :class:`UsageError` (the command says it and exits 2)."""
    value = environ.get("CALLSITE_ENGINE", "") or "mkdocs"
    if value not in ENGINES:
        raise UsageError(_("CALLSITE_ENGINE: {value} is not a site engine callsite can use; "
                           "set it to one of {engines} (unset: mkdocs)").format(value=repr(value),
                                                                               engines=", ".join(ENGINES)))
    return value


NAME = engine_name()
TITLE = ENGINES[NAME]

if NAME == "properdocs":
    if "mkdocs" in sys.modules and sys.modules["mkdocs"].__name__ != "properdocs":
        raise RuntimeError("CALLSITE_ENGINE=properdocs, but MkDocs was imported in this process first: "
                           "Material would mix the two engines")
    import properdocs.replacement  # noqa: F401  Material's `import mkdocs.*` answered by ProperDocs
    import properdocs.config.defaults as config_defaults
    import properdocs.exceptions as exceptions
    import properdocs.utils as utils
    from properdocs import __version__ as VERSION
    from properdocs.commands.build import build
    from properdocs.config import load_config
    from properdocs.plugins import BasePlugin
    from properdocs.structure.files import File
else:
    import mkdocs.config.defaults as config_defaults
    import mkdocs.exceptions as exceptions
    import mkdocs.utils as utils
    from mkdocs import __version__ as VERSION
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File

LOGGERS = tuple(dict.fromkeys((NAME, "mkdocs")))
"""Where the engine and Material log: the engine under its own name, Material always under
``mkdocs.material.*`` (the same logger as MkDocs', a separate one under ProperDocs)."""

__all__ = ["BasePlugin", "ENGINES", "File", "LOGGERS", "NAME", "TITLE", "VERSION", "build", "config_defaults",
           "engine_name", "exceptions", "load_config", "utils"]
