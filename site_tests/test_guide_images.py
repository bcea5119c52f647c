"""The staff guides' pictures (calls/OHJE.md, calls/ANVISNING.md; issue 22): every picture a guide
shows exists beside it, is a real PNG screenshot of a desktop's width and says in words what it
shows; the Finnish guide's pictures are in calls/kuvat/, the Swedish guide's in calls/bilder/.
The pictures are made by scripts/screenshot-editor.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from conftest import ROOT

GUIDES = {"OHJE.md": "kuvat/", "ANVISNING.md": "bilder/"}
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def images(guide: str) -> list[tuple[str, str]]:
    text = (ROOT / "calls" / guide).read_text(encoding="utf-8")
    return [(found["alt"], found["src"]) for found in IMAGE.finditer(text)]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG: Pillow's reading when it is installed, else the IHDR chunk."""
    try:
        from PIL import Image
    except ImportError:
        data = path.read_bytes()[:33]
        assert data[:8] == SIGNATURE, f"{path.name} is not a PNG"
        length, kind = struct.unpack(">I4s", data[8:16])
        assert (length, kind) == (13, b"IHDR"), f"{path.name}: no IHDR chunk first"
        return struct.unpack(">II", data[16:24])
    with Image.open(path) as image:
        assert image.format == "PNG", f"{path.name} is a {image.format}, not a PNG"
        image.verify()
        return image.size


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_each_guide_shows_the_editor_in_pictures_in_its_own_folder(guide):
    shown = images(guide)
    assert len(shown) >= 3, f"{guide}: the browser-editing section's screenshots are missing"
    for alt, src in shown:
        assert src.startswith(GUIDES[guide]), f"{guide} shows {src}, not a picture of {GUIDES[guide]}"
        assert alt.strip(), f"{guide}: {src} has no alternative text"
        assert len(alt.split()) >= 4, f"{guide}: {src}'s alternative text does not say what it shows: {alt!r}"


@pytest.mark.parametrize("guide", sorted(GUIDES))
def test_each_picture_is_a_real_png_screenshot(guide):
    for _alt, src in images(guide):
        path = ROOT / "calls" / src
        assert path.is_file(), f"{guide} shows {src}, which does not exist"
        width, height = png_size(path)
        assert width >= 800 and height >= 400, f"{src} is {width}x{height}, not a desktop screenshot"
        assert path.stat().st_size < 300_000, f"{src} is {path.stat().st_size} bytes: optimise it"


def test_every_picture_in_the_folders_is_shown_by_its_guide():
    for guide, folder in GUIDES.items():
        shown = {src for _alt, src in images(guide)}
        kept = {f"{folder}{path.name}" for path in (ROOT / "calls" / folder).glob("*.png")}
        assert kept == shown, f"{guide}: pictures in calls/{folder} that it does not show, or the other way round"
