"""Benchmark the full production build against a plain-Jinja2 lower bound, in one run.

    .venv/bin/python scripts/benchmark.py            # N = 100, 1000, 5000
    .venv/bin/python scripts/benchmark.py 1000       # one size

For each N it writes N realistic synthetic calls (both languages, every field,
Markdown bodies) to a temporary folder, then times, each in a fresh process:
the lower bound (CSafeLoader + one small Jinja2 template per call page, no Markdown)
and the real `callsite build`, alternating them BENCH_ROUNDS times (default 5), each
from an empty output folder. It prints each one's best wall time, their ratio, the
range of the ratios of each round's pair (the noise of a shared machine), the CPU seconds
of each (user and system, the build's own processes included: the work done, which the
disk's and the neighbours' moods change less), ms per page, peak memory, the search
download and the preview's rebuild. Benchmarks measure; tests
don't time.
"""

from __future__ import annotations

import compileall
import os
import random
import resource
import shutil
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


# The live preview: build once, change one call's title, time the rebuild (best of 3 edits).
PREVIEW = r"""
import sys, time
from pathlib import Path
from callsite.dates import parse_now
from callsite.incremental import PreviewBuilder
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
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'calls':>6} {'pages':>6} {'lower s':>8} {'build s':>8} {'ratio':>6} {'paired':>11} {'cpu s':>10} "
          f"{'ms/page':>8} {'peak MiB':>9} {'search KiB':>10} {'preview s':>9}")
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="callsite-bench-") as tmp:
            tmp = Path(tmp)
            write_calls(tmp / "calls", n)
            # Alternate the two and keep each one's best of ROUNDS: the machine is shared and noisy.
            # Both start from an empty output folder, as on CI's clean clone, and after the disk has
            # written out what the previous run left (deleting a site costs as much as writing one).
            lowers, builds, lower_cpu, build_cpu = [], [], [], []
            for _ in range(ROUNDS):
                settle(tmp / "lower")
                wall, cpu = timed([python, "-c", LOWER_BOUND, str(tmp / "calls"), str(tmp / "lower")])
                lowers.append(wall)
                lower_cpu.append(cpu)
                settle(tmp / "site")
                wall, cpu = timed([python, "-m", "callsite", "build", "--calls", str(tmp / "calls"),
                                   "--site-dir", str(tmp / "site"), "--now", "1.1.2030 klo 12.00"])
                builds.append(wall)
                build_cpu.append(cpu)
            lower, build = min(lowers), min(builds)
            # Each round's build against the lower bound run just before it: the spread the noise allows.
            paired = sorted(b / lw for b, lw in zip(builds, lowers))
            # ru_maxrss of children is a running maximum: measure the build's peak alone.
            peak = _peak_of([python, "-m", "callsite", "build", "--calls", str(tmp / "calls"),
                             "--site-dir", str(tmp / "site2"), "--now", "1.1.2030 klo 12.00"])
            preview = float(subprocess.run([python, "-c", PREVIEW, str(tmp / "calls"), str(tmp / "preview")],
                                           check=True, cwd=ROOT, capture_output=True, text=True).stdout)
            pages = sum(1 for _ in (tmp / "site").rglob("*.html"))
            search = max(search_bytes(tmp / "site", lang) for lang in ("fi", "sv"))
            # CPU seconds (best of each), the work done whatever the disk and the neighbours do: lower/build.
            cpu = f"{min(lower_cpu):.2f}/{min(build_cpu):.2f}"
            print(f"{n:>6} {pages:>6} {lower:>8.2f} {build:>8.2f} {build / lower:>6.2f} "
                  f"{paired[0]:>5.2f}-{paired[-1]:<5.2f} {cpu:>10} {1000 * build / pages:>8.2f} {peak:>9.0f} "
                  f"{search / 1024:>10.0f} {preview:>9.2f}")


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
