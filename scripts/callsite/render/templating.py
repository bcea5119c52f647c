"""Jinja2 environments for one language: translations folded in when templates compile.

Templates keep their strings in gettext calls (``_("Topics")``), so ``pybabel extract``
finds them and the catalogs stay the only place where Finnish and Swedish live. Each
environment serves one language, so a call with a literal message can be looked up once,
when the template compiles, instead of on every page: ``_("Topics")`` becomes the
translation marked safe, and ``_("Published %(date)s", date=d)`` becomes
``({"date": d}|callsite_fill_message("Julkaistu %(date)s"))``. That is what
``jinja2.ext.i18n``'s new-style gettext returns at run time (the translation as Markup,
formatted with escaped values, ``%%`` undone even without values), so the output stays the
same byte for byte; a translation with other formatting than ``%(name)s`` becomes
``("..."|safe) % {...}``, Markup's own formatting.
A message joined with ``~`` is left to run time: Jinja would fold that join into a plain,
escaped string.

Compiled templates are cached on disk per language and catalog (the cache key carries
both), so a changed translation never reaches pages through a stale cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from types import FunctionType

import jinja2
import jinja2.runtime
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup
from markupsafe import escape as markup_escape

GETTEXT_NAMES = ("_", "gettext")
_COMPILER_DIGEST = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
OPENING = {"lparen": "rparen", "lbracket": "rbracket", "lbrace": "rbrace"}


class ConstantTranslations(Extension):
    """Fold ``_("literal", name=value, ...)`` into the translated literal (see the module docstring).

    The environment must carry ``callsite_gettext`` (the language's plain gettext function).
    Anything else (a message that is not a literal, positional values) is left to the i18n extension.
    """

    def __init__(self, environment: jinja2.Environment):
        super().__init__(environment)
        environment.filters[FILL_FILTER] = fill_message

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
    if not values:
        out = [Token(line, "lparen", "("), Token(line, "lparen", "("), Token(line, "string", translated % {}),
               Token(line, "pipe", "|"), Token(line, "name", "safe"), Token(line, "rparen", ")")]
    else:
        mapping = [Token(line, "lbrace", "{")]
        for number, value in enumerate(values):
            if number:
                mapping.append(Token(line, "comma", ","))
            mapping += [Token(line, "string", value[0].value), Token(line, "colon", ":"), *value[2:]]
        mapping.append(Token(line, "rbrace", "}"))
        if _ONLY_NAMED_TEXT.fullmatch(translated):
            # ({...}|fill_message("...")): what Markup's % gives, without its per-value helpers.
            out = [Token(line, "lparen", "("), *mapping, Token(line, "pipe", "|"), Token(line, "name", FILL_FILTER),
                   Token(line, "lparen", "("), Token(line, "string", translated), Token(line, "rparen", ")")]
        else:
            out = [Token(line, "lparen", "("), Token(line, "lparen", "("), Token(line, "string", translated),
                   Token(line, "pipe", "|"), Token(line, "name", "safe"), Token(line, "rparen", ")"),
                   Token(line, "mod", "%"), *mapping]
    out.append(Token(line, "rparen", ")"))
    return out, position + 1


# A translation whose only formatting is %(name)s (and %%), which fill_message handles.
# Linear (and run on our catalogs, not staff text): the alternatives differ in their first characters.
_ONLY_NAMED_TEXT = re.compile(r"(?:[^%]|%%|%\(\w+\)s)*", re.S)
FILL_FILTER = "callsite_fill_message"


def fill_message(values: dict, message: str) -> Markup:
    """``Markup(message) % values`` for a message formatted only by ``%(name)s``: each value
    escaped as Markup's ``%`` escapes it (a ``%s`` of the escaped text), in one C-level format."""
    escape_ = escape if _escape_inner is not None else markup_escape
    return _as_markup(Markup, message % {name: escape_(value) for name, value in values.items()})


class QuickCallContext(jinja2.runtime.Context):
    """Jinja's template context, calling plain Python functions (our globals) directly.

    Templates call every function through ``Context.call``, which first looks for
    ``pass_context`` and the like on the function and on its ``__call__``; a plain function
    has neither (unless marked), so the answer is known. Everything else goes the usual way.
    """

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if type(__obj) is not FunctionType or hasattr(__obj, "jinja_pass_arg"):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a"
                                                " StopIteration exception")


class LanguageBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A compiled-template cache whose entries belong to one language, one catalog and this
    module's way of compiling (a change to the folding here must not meet stale code)."""

    def __init__(self, directory: Path, lang: str, catalog: bytes):
        super().__init__(str(directory))
        self.salt = f"{lang}-{hashlib.sha1(catalog).hexdigest()}-{_COMPILER_DIGEST}"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha1(f"{self.salt}|{super().get_cache_key(name, filename)}".encode()).hexdigest()


class Renderer:
    """Renders an environment's templates with their globals copied once, not on every render.

    ``Template.render`` builds each context with ``dict(template.globals, **values)``, and
    ``template.globals`` is a ChainMap over the environment's: copying it item by item in
    Python was a fifth of the time of rendering a card (and each context then copies their
    names from it again). Here the globals become a plain dict when a template is first
    rendered and each context starts from C-level copies of it; the context holds the same
    names and values. Install every global before the first render.
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
        # What template.new_context(..., shared=True) makes, with the plain dict of the globals
        # where it passes the ChainMap: the context copies their names into a set on every render.
        context = self.env.context_class(self.env, {**globals_, **values}, template.name, template.blocks,
                                         globals=globals_)
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
    if type(value) is Markup:  # already safe (a partial, rendered Markdown): the same text back
        return value
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
