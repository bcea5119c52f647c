"""The MkDocs adapter's shortcuts give MkDocs exactly what it would have found itself."""

from __future__ import annotations

import fnmatch

import mkdocs.utils
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from callsite.engine.patches import faster_theme_env, read_settings_once
from conftest import CONFIG


def _theme_files(tmp_path, pruned: bool) -> list[tuple[str, str]]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = load_config(str(CONFIG), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    if pruned:
        faster_theme_env(config.theme, None)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_theme_files_are_the_same_without_walking_hidden_folders(tmp_path):
    full, pruned = _theme_files(tmp_path, False), _theme_files(tmp_path, True)
    assert pruned == full
    assert any(uri.startswith("assets/javascripts/") for uri, _ in full)
    assert not any(fnmatch.fnmatch(uri, "*/.*") or uri.startswith(".") for uri, _ in full)


def _load(path, tmp_path):
    (tmp_path / "docs").mkdir(exist_ok=True)
    return load_config(str(path), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))


def test_settings_read_once_are_the_settings_mkdocs_reads(tmp_path):
    from mkdocs.utils.yaml import yaml_load as mkdocs_yaml_load

    with open(CONFIG, "rb") as file:
        expected = mkdocs_yaml_load(file)
    read_settings_once()
    first = _load(CONFIG, tmp_path)
    first.extra["callsite"]["agency"]["fi"] = "changed by one build"
    first.theme["features"].append("changed.too")
    second = _load(CONFIG, tmp_path)  # from what was kept: a fresh copy, not the changed one
    assert second.extra["callsite"] == expected["extra"]["callsite"]
    assert list(second.theme["features"]) == expected["theme"]["features"]
    assert second.site_name == expected["site_name"] and second.plugins.keys() == first.plugins.keys()
    assert mkdocs.utils.get_themes() == mkdocs.utils.get_themes.__wrapped__()
    assert "material" in mkdocs.utils.get_theme_names()


def test_settings_with_tags_or_a_new_text_are_read_again(tmp_path, monkeypatch):
    read_settings_once()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV [CALLSITE_TEST_SITE_NAME, unset]\ntheme: {name: material}\n", encoding="utf-8")
    monkeypatch.setenv("CALLSITE_TEST_SITE_NAME", "first")
    assert _load(config, tmp_path).site_name == "first"
    monkeypatch.setenv("CALLSITE_TEST_SITE_NAME", "second")
    assert _load(config, tmp_path).site_name == "second"
    config.write_text("site_name: Plain\ntheme: {name: material}\n", encoding="utf-8")
    assert _load(config, tmp_path).site_name == "Plain"
    config.write_text("site_name: Edited\ntheme: {name: material}\n", encoding="utf-8")
    assert _load(config, tmp_path).site_name == "Edited"


def test_topic_pages_filled_from_one_template_are_what_material_renders(tmp_path, monkeypatch):
    """MkDocs renders one topic page and a template; the other topic pages are filled in and
    come out byte for byte as when MkDocs renders every one of them."""
    import mkdocs.commands.build as mkdocs_build

    from callsite.engine import mkdocs_adapter
    from callsite.engine.template_pages import TEMPLATE_SLUG
    from conftest import FIXTURE_CALLS, build

    monkeypatch.setenv("CALLSITE_JOBS", "1")  # one process, so that the pages MkDocs renders are seen here
    rendered: list[str] = []
    build_page = mkdocs_build._build_page

    def counting(file, config, *args, **kwargs):
        rendered.append(file.file.src_uri)
        return build_page(file, config, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", counting)
    build(FIXTURE_CALLS, tmp_path / "filled", "2.12.2026 klo 10.00")
    filled_renders = list(rendered)
    rendered.clear()
    monkeypatch.setattr(mkdocs_adapter, "shared_topic_template", lambda chrome, topics: None)
    build(FIXTURE_CALLS, tmp_path / "rendered", "2.12.2026 klo 10.00")

    topics = {lang: sorted((tmp_path / "rendered" / lang / section).glob("*/index.html"))
              for lang, section in (("fi", "aiheet"), ("sv", "teman"))}
    assert all(len(pages) >= 3 for pages in topics.values()), topics
    for lang, pages in topics.items():
        for page in pages:
            relative = page.relative_to(tmp_path / "rendered")
            assert (tmp_path / "filled" / relative).read_bytes() == page.read_bytes(), relative
        assert not (tmp_path / "filled" / lang / relative.parts[1] / TEMPLATE_SLUG).exists()
    topic_renders = [uri for uri in filled_renders if uri.startswith(("aiheet/", "teman/"))]
    assert len(topic_renders) == 2 * 2  # per language: the template and the first topic page
    assert len([uri for uri in rendered if uri.startswith(("aiheet/", "teman/"))]) == sum(map(len, topics.values()))


def test_topic_pages_share_a_template_only_when_their_chrome_can_be_the_same():
    from dataclasses import replace

    from callsite.engine.template_pages import shared_topic_template
    from callsite.render.pages import Chrome, SitePage

    chrome = Chrome(lang="fi", site_name="S", copyright="©", nav=(("Etusivu", ""), ("Aiheet", "aiheet/")),
                    not_found_body="", home_urls={}, colours="", logo="assets/images/callsite-logo.svg",
                    logo_source=None)
    topics = [SitePage("fi", f"aiheet/{tag}/", f"Aihe {tag}", f"<h1>{tag}</h1>", "topic", {}, "")
              for tag in ("a", "b", "c")]
    template = shared_topic_template(chrome, topics)
    assert template is not None and template.kind == "topic" and template.path.startswith("aiheet/")
    assert template.description == ""
    refused = [
        topics[:2],  # too few to be worth a template
        topics[:2] + [replace(topics[2], path="muut/c/")],  # another section
        topics[:2] + [replace(topics[2], path="aiheet/c/d/")],  # another depth
        topics[:2] + [replace(topics[2], description="Kuvaus")],
        topics[:2] + [replace(topics[2], body="<p>no heading of its own</p>")],
        topics[:2] + [replace(topics[2], body='<h1 data-search-exclude="">c</h1>')],
    ]
    for pages in refused:
        assert shared_topic_template(chrome, pages) is None, pages
    in_nav = replace(chrome, nav=chrome.nav + (("A", "aiheet/a/"),))
    assert shared_topic_template(in_nav, topics) is None


def test_a_filled_page_is_the_template_with_its_placeholders_replaced_in_utf8():
    """Call and topic pages are written from the template's parts encoded once: the same bytes."""
    from markupsafe import escape

    from callsite.engine.template_pages import TOKENS, Filler
    from callsite.render.pages import SitePage

    template = SitePage(lang="sv", path="finansiering/mall/", title=TOKENS["title"], body=TOKENS["content"],
                        kind="call", alternates={"fi": TOKENS["alt-fi"], "sv": TOKENS["alt-sv"]},
                        description=TOKENS["description"], head=TOKENS["head"])
    html = (f"<html lang=sv><title>{TOKENS['title']} – Utbildningsstyrelsen</title>"
            f"<meta content=\"{TOKENS['description']}\">{TOKENS['head']}<a href=\"{TOKENS['alt-fi']}\">fi</a>"
            f"<a href=\"{TOKENS['alt-sv']}\">sv</a><link href=\"/sv/finansiering/mall/\">"
            f"<h1>{TOKENS['title']}</h1>{TOKENS['content']}<footer>© Utbildningsstyrelsen 🇫🇮</footer></html>")
    filler = Filler(html, template)

    def by_replacing(page: SitePage) -> bytes:  # what the template with its placeholders replaced says
        text = html.replace("/sv/finansiering/mall/", f"/sv/{page.path}")
        values = {"title": str(escape(page.title)), "description": str(escape(page.description)),
                  "head": page.head, "content": page.body, **{f"alt-{k}": v for k, v in page.alternates.items()}}
        for name, value in values.items():
            text = text.replace(TOKENS[name], value)
        return text.encode("utf-8")

    for page in [
        SitePage(lang="sv", path="finansiering/a/", title="Ansök <nu> & “snart”", body="<p>Ö – ✓ 🙂</p>", kind="call",
                 alternates={"fi": "/fi/rahoitushaut/a/", "sv": "/sv/finansiering/a/"}, description="Kort – text",
                 head='<script type="application/ld+json">{}</script>'),
        SitePage(lang="sv", path="finansiering/b/", title="", body="", kind="call",
                 alternates={"fi": "/fi/x/", "sv": "/sv/y/"}),
    ]:
        assert filler.fill(page) == by_replacing(page)
        assert page.path.encode() in filler.fill(page) and b"finansiering/mall/" not in filler.fill(page)
