"""Jinja2 environments for one language: translations folded in when templates compile.

Templates keep their strings in gettext calls (``_("Topics")``), so ``pybabel extract``
finds them and the catalogs stay the only place where Finnish and Swedish live. Each
environment serves one language, so a call with a literal message can be looked up once,
when the template compiles, instead of on every page: ``_("Topics")`` becomes the
translation marked safe, and ``_("Published %(date)s", date=d)`` becomes
``("Julkaistu %(date)s"|safe) % {"date": d}``. That is what ``jinja2.ext.i18n``'s
new-style gettext returns at run time (the translation as Markup, formatted with escaped
values, ``%%`` undone even without values), so the output stays the same byte for byte.
A message joined with ``~`` is left to run time: Jinja would fold that join into a plain,
escaped string.

Compiled templates are cached on disk per language and catalog (the cache key carries
both), so a changed translation never reaches pages through a stale cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

GETTEXT_NAMES = ("_", "gettext")
OPENING = {"lparen": "rparen", "lbracket": "rbracket", "lbrace": "rbrace"}


class ConstantTranslations(Extension):
    """Fold ``_("literal", name=value, ...)`` into the translated literal (see the module docstring).

    The environment must carry ``callsite_gettext`` (the language's plain gettext function).
    Anything else (a message that is not a literal, positional values) is left to the i18n extension.
    """

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        gettext = self.environment.callsite_gettext  # type: ignore[attr-defined]
        tokens = list(stream)
        index, previous = 0, None
        while index < len(tokens):
            token = tokens[index]
            folded = None
            if (token.type == "name" and token.value in GETTEXT_NAMES and previous is not None
                    and previous.type != "dot" and index + 2 < len(tokens)
                    and tokens[index + 1].type == "lparen" and tokens[index + 2].type == "string"):
                folded = _fold_call(tokens, index, gettext)
            if folded is not None and (_beside_tilde(tokens, index, -1) or _beside_tilde(tokens, folded[1], 1)):
                folded = None  # Jinja folds constant ``~`` into a plain (escaped) string: keep run-time gettext
            if folded is None:
                yield token
                previous = token
                index += 1
                continue
            replacement, index = folded
            yield from replacement
            previous = replacement[-1]


def _beside_tilde(tokens: list[Token], index: int, step: int) -> bool:
    """Whether the token before (``step`` -1) or from (``step`` 1) ``index``, past parentheses, is ``~``."""
    position = index - 1 if step < 0 else index
    while 0 <= position < len(tokens) and tokens[position].type == ("lparen" if step < 0 else "rparen"):
        position += step
    return 0 <= position < len(tokens) and tokens[position].type == "tilde"


def _fold_call(tokens: list[Token], index: int, gettext) -> tuple[list[Token], int] | None:
    """The tokens replacing the call at ``tokens[index]`` and the index after it, or None."""
    line = tokens[index].lineno
    message = tokens[index + 2].value
    arguments: list[list[Token]] = []
    depth, position = 0, index + 3
    current: list[Token] = []
    while position < len(tokens):
        token = tokens[position]
        if depth == 0 and token.type == "rparen":
            break
        if depth == 0 and token.type == "comma":
            arguments.append(current)
            current = []
        else:
            if token.type in OPENING:
                depth += 1
            elif token.type in OPENING.values():
                depth -= 1
            current.append(token)
        position += 1
    else:
        return None
    if current:
        arguments.append(current)
    if arguments and arguments[0]:
        return None  # something follows the message without a comma: not a plain call
    values = arguments[1:]
    if any(len(value) < 3 or value[0].type != "name" or value[1].type != "assign" for value in values):
        return None  # positional values or ** unpacking: leave it to the i18n extension
    translated = gettext(message)
    out = [Token(line, "lparen", "("), Token(line, "lparen", "("),
           Token(line, "string", translated if values else translated % {}),
           Token(line, "pipe", "|"), Token(line, "name", "safe"), Token(line, "rparen", ")")]
    if values:
        out += [Token(line, "mod", "%"), Token(line, "lbrace", "{")]
        for number, value in enumerate(values):
            if number:
                out.append(Token(line, "comma", ","))
            out += [Token(line, "string", value[0].value), Token(line, "colon", ":"), *value[2:]]
        out.append(Token(line, "rbrace", "}"))
    out.append(Token(line, "rparen", ")"))
    return out, position + 1


class LanguageBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A compiled-template cache whose entries belong to one language and one catalog."""

    def __init__(self, directory: Path, lang: str, catalog: bytes):
        super().__init__(str(directory))
        self.salt = f"{lang}-{hashlib.sha1(catalog).hexdigest()}"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.salt}|{super().get_cache_key(name, filename)}".encode()).hexdigest()


class Renderer:
    """Renders an environment's templates with their globals copied once, not on every render.

    ``Template.render`` builds each context with ``dict(template.globals, **values)``, and
    ``template.globals`` is a ChainMap over the environment's: copying it item by item in
    Python was a fifth of the time of rendering a card. Here the globals become a plain dict
    when a template is first rendered and each context starts from a C-level copy of it; the
    context holds the same names and values. Install every global before the first render.
    """

    def __init__(self, env: jinja2.Environment):
        self.env = env
        self._templates: dict[str, tuple[jinja2.Template, dict]] = {}

    def render(self, name: str, values: dict) -> str:
        entry = self._templates.get(name)
        if entry is None:
            template = self.env.get_template(name)
            entry = self._templates[name] = (template, dict(template.globals))
        template, globals_ = entry
        context = template.new_context({**globals_, **values}, shared=True)
        try:
            return self.env.concat(template.root_render_func(context))  # type: ignore[attr-defined]
        except Exception:
            self.env.handle_exception()
            raise  # handle_exception always raises; this keeps type checkers content


try:  # markupsafe's own C escaping of a plain string, without its Markup constructor in Python
    from markupsafe import _escape_inner  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover (another markupsafe: keep its escape)
    _escape_inner = None

_as_markup = str.__new__


def escape(value) -> Markup:
    """``markupsafe.escape``, a third quicker for plain strings (most template output).

    ``Markup(text)`` for a plain ``text`` is ``str.__new__(Markup, text)`` after a check
    in Python that plain strings never pass; this skips the check. Same results (tested).
    """
    if type(value) is str:
        return _as_markup(Markup, _escape_inner(value))
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return _as_markup(Markup, _escape_inner(str(value)))


class QuickEscapeTemplate(jinja2.Template):
    """A template whose compiled code escapes output with :func:`escape` (Jinja's compiled
    templates look ``escape`` up in their module namespace, filled from jinja2.runtime)."""

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        if _escape_inner is not None:
            namespace["escape"] = escape
        return super()._from_namespace(environment, namespace, globals)
