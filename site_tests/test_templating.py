"""Translations folded in at compile time give exactly what jinja2.ext.i18n gives at run time."""

from __future__ import annotations

import gettext

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from conftest import CONFIG, FIXTURE_CALLS

from callsite.render import localise
from callsite.render import templating
from callsite.render.pages import TEMPLATE_DIR, Site
from callsite.model.settings import load_settings
from callsite.model.validate import load_catalog
from callsite.render.templating import ConstantTranslations, LanguageBytecodeCache


class Catalog(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self.messages = messages

    def gettext(self, message):
        return self.messages.get(message, message)

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


MESSAGES = {
    "Topics": "Aiheet & <teemat>",
    "Share %(aid)s": "Osuus %(aid)s %% kustannuksista",
    "100%% sure": "100%% varma",
    "Published %(date)s by %(who)s": "Julkaissut %(who)s %(date)s",
    "quote": 'Sanoi "moi" ja \'hei\'',
    "Count %(n)d": "Määrä %(n)d, %(n)s",
}

SOURCES = [
    '{{ _("Topics") }}',
    "<a title=\"{{ _('Topics') }}\">{{ _('quote') }}</a>",
    '{{ _("Share %(aid)s", aid=value) }}',
    '{{ _("Published %(date)s by %(who)s", date=value, who=markup) }}',
    '{{ _("Published %(date)s by %(who)s", who=(value ~ "x"), date={"a": [1, 2]}["a"][0]) }}',
    '{{ _("100%% sure") }}',
    '{{ _("Topics") ~ "!" }} {{ _("Topics") | length }} {{ "<" ~ (_("Topics")) }} {{ (_("Topics")) ~ value }}',
    '{% with empty=_("Topics") %}{{ empty }}{% endwith %}',
    '{{ _("Not in the catalog") }}',
    '{% set message = "Topics" %}{{ _(message) }}',
    '{{ _("Share %(aid)s", **{"aid": 5}) }}',
    '{{ _("Share %(aid)s", aid=5) }} {{ _("Share %(aid)s", aid=none) }} {{ _("Share %(aid)s", aid=[value]) }}',
    '{{ _("Count %(n)d", n=3) }}',  # not only %(name)s: Markup's own % formats it
]


def _environment(folded: bool, cache=None) -> jinja2.Environment:
    extensions = ["jinja2.ext.i18n"] + ([ConstantTranslations] if folded else [])
    env = jinja2.Environment(autoescape=True, extensions=extensions, undefined=jinja2.StrictUndefined,
                             bytecode_cache=cache)
    catalog = Catalog(MESSAGES)
    env.install_gettext_translations(catalog, newstyle=True)
    env.callsite_gettext = catalog.gettext
    return env


@pytest.mark.parametrize("source", SOURCES)
def test_folded_output_equals_runtime_gettext(source):
    context = {"value": "<b>5</b>", "markup": jinja2.filters.Markup("<i>x</i>")}
    expected = _environment(False).from_string(source).render(**context)
    assert _environment(True).from_string(source).render(**context) == expected


def test_literal_messages_are_looked_up_when_compiling():
    env = _environment(True)
    code = env.compile('{{ _("Topics") }}', raw=True)
    assert "Aiheet &amp; &lt;teemat&gt;" not in code and "Aiheet & <teemat>" in code
    assert "gettext" not in code


def test_site_templates_carry_their_translations_compiled_in():
    """The site's own environments fold the call page's literal messages in each language."""
    site = Site(load_catalog(FIXTURE_CALLS), load_settings(CONFIG))
    for lang in ("fi", "sv"):
        env = site.envs[lang]
        code = env.compile((TEMPLATE_DIR / "call.html").read_text(encoding="utf-8"), raw=True)
        assert repr(localise.gettext(lang, "Who can apply"))[1:-1] in code
        assert "_gettext_alias" not in code.split("Who can apply")[0]


def test_compiled_templates_are_cached_per_language_and_catalog(tmp_path, monkeypatch):
    source_dir = tmp_path / "templates"
    source_dir.mkdir()
    (tmp_path / "cache").mkdir()
    (source_dir / "page.html").write_text('{{ _("Topics") }}', encoding="utf-8")

    def render(lang: str, messages: dict, catalog: bytes) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(source_dir), autoescape=True,
                                 extensions=["jinja2.ext.i18n", ConstantTranslations],
                                 bytecode_cache=LanguageBytecodeCache(tmp_path / "cache", lang, catalog))
        env.install_gettext_translations(Catalog(messages), newstyle=True)
        env.callsite_gettext = Catalog(messages).gettext
        return env.get_template("page.html").render()

    assert render("fi", {"Topics": "Aiheet"}, b"fi 1") == "Aiheet"
    assert render("sv", {"Topics": "Teman"}, b"sv 1") == "Teman"  # not fi's compiled code
    assert render("fi", {"Topics": "Aiheet"}, b"fi 1") == "Aiheet"
    assert render("fi", {"Topics": "Uudet aiheet"}, b"fi 2") == "Uudet aiheet"  # catalog changed
    assert len(list((tmp_path / "cache").iterdir())) == 3
    monkeypatch.setattr(templating, "_COMPILER_DIGEST", "another way of folding")
    assert render("fi", {"Topics": "Aiheet"}, b"fi 1") == "Aiheet"
    assert len(list((tmp_path / "cache").iterdir())) == 4  # compiled again, not taken from the cache


def test_cards_at_another_heading_level_equal_a_real_render():
    from callsite.model.dates import parse_now
    from callsite.site.listings import site_views

    site = Site(load_catalog(FIXTURE_CALLS), load_settings(CONFIG), preview=True)
    views = site_views(site, parse_now("10.4.2026 klo 12.00"))
    assert views
    for lang in ("fi", "sv"):
        for view in views:
            for level in (2, 3, 4):
                expected = site.envs[lang].get_template("call-card.html").render(view=view, heading_level=level)
                assert site._card(lang, view, level) == expected
                assert f'<h{level} class="mdx-card__title">' in expected


@pytest.mark.parametrize("now", ["10.4.2026 klo 12.00", "2.12.2026 klo 10.00", "1.1.2030 klo 12.00"])
def test_badges_and_periods_shared_by_value_equal_a_real_render(scratch_calls, now):
    """Badges and periods are rendered once per status and moments: calls that share them
    (here copies of each fixture call, some cancelled) get what a render of their own gives."""
    from callsite.model.dates import parse_now
    from callsite.site.listings import site_views

    for source in sorted(FIXTURE_CALLS.glob("[!_]*.yaml")):
        text = source.read_text(encoding="utf-8")
        for copy in range(2):
            name = f"{source.stem}-copy{copy}"
            text_ = text.replace(f"id: {source.stem}", f"id: {name}", 1).replace("slug: {fi: ", f"slug: {{fi: c{copy}", 1)
            text_ = text_.replace(", sv: ", f", sv: c{copy}", 1)
            if copy and "cancelled:" not in text_:
                text_ += "cancelled:\n  date: 1.2.2026\n"
            (scratch_calls / f"{name}.yaml").write_text(text_, encoding="utf-8")
    site = Site(load_catalog(scratch_calls), load_settings(CONFIG), preview=True)
    views = site_views(site, parse_now(now))
    assert len({view.status for view in views}) > 2
    for lang in ("fi", "sv"):
        env = site.envs[lang]
        for view in views:
            assert site._status_badge(lang, view) == env.get_template("call-status.html").render(view=view)
            for round_ in view.call.rounds:
                assert site._period(lang, round_) == env.get_template("call-period.html").render(round=round_)


class _Html:
    def __html__(self):
        return "<b>safe</b>"


@given(st.one_of(st.text(max_size=20), st.integers(), st.none(), st.builds(jinja2.filters.Markup, st.text(max_size=10)),
                 st.just(_Html())))
def test_quick_escape_matches_markupsafe(value):
    from markupsafe import Markup, escape as markupsafe_escape

    from callsite.render.templating import escape

    ours, theirs = escape(value), markupsafe_escape(value)
    assert ours == theirs and type(ours) is Markup is type(theirs)


def test_site_templates_escape_with_the_quick_escape():
    from callsite.render import templating

    site = Site(load_catalog(FIXTURE_CALLS), load_settings(CONFIG))
    template = site.envs["fi"].get_template("call-card.html")
    assert isinstance(template, templating.QuickEscapeTemplate)
    assert template.root_render_func.__globals__["escape"] is templating.escape


def test_named_only_messages_fill_without_markups_percent():
    env = _environment(True)
    assert "callsite_fill_message" in env.compile('{{ _("Share %(aid)s", aid=1) }}', raw=True)
    assert "callsite_fill_message" not in env.compile('{{ _("Count %(n)d", n=1) }}', raw=True)


def test_a_text_in_both_languages_reads_as_an_item_as_it_does_as_an_attribute():
    """``call.title[lang]`` in a template: Jinja tries the item first, so texts answer it (the
    output is the same as through the attribute; any other key is missing, as before)."""
    from callsite.model.call import Markdown, Text

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    for text in (Text(fi="Haku", sv="Utlysning"), Markdown(fi="*a*", sv="*b*")):
        for lang in ("fi", "sv"):
            assert text[lang] == getattr(text, lang)
            assert env.from_string("{{ t[lang] }}|{{ t.fi }}").render(t=text, lang=lang) == f"{text[lang]}|{text.fi}"
        with pytest.raises(KeyError):
            text["en"]
        with pytest.raises(jinja2.UndefinedError):
            env.from_string("{{ t['en'] }}").render(t=text)
    # The texts that may have an English version (issue 17) answer "en", given or not.
    from callsite.model.call import TextOrEnglish

    assert TextOrEnglish(fi="Haku", en="Call")["en"] == "Call" and TextOrEnglish(fi="Haku")["en"] is None
