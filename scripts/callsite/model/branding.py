"""The agency's look, as settings: its colours and its logo (``extra.callsite.colours`` and
``extra.callsite.logo`` in ``mkdocs.yml``; fields of :class:`callsite.model.settings.Settings`).

A colour setting is refused when text drawn in it, or on it, would not reach the contrast
WCAG 2.1 AA asks of normal text (1.4.3, 4.5:1): the site's accessibility does not depend on
someone checking a new palette by eye.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Annotated, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from ..messages import _, decimal

PAGE_BACKGROUND = "#ffffff"
"""Material's page background (light scheme), which links are read on."""
MINIMUM_CONTRAST = 4.5
"""WCAG 2.1 AA, success criterion 1.4.3, for normal-sized text."""
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")

_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def _problem(message: str, hint: str = "") -> PydanticCustomError:
    # The settings reader words every "setting" error from its message and hint (settings._problem_from_error).
    return PydanticCustomError("setting", "{message}", {"message": message, "hint": hint})


def _colour(value: str) -> str:
    match = _HEX.fullmatch(value.strip())
    if match is None:
        raise _problem(_("expected a colour as #rrggbb, found {value!r}").format(value=value),
                       _("write the colour in hexadecimal, in quotes, e.g. \"#24394a\""))
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def relative_luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of ``#rrggbb``."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i:i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


Colour = Annotated[str, Field(strict=True), AfterValidator(_colour)]


class Colours(BaseModel):
    """The site's colours, each "#rrggbb". Text must stand out from what it is on by at least
    4.5:1 (WCAG 2.1 AA): the header's text on the header, links on the white page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    header: Colour = "#24394a"
    """Background of the header bar and of the menu's title (a dark slate blue by default)."""
    header_text: Colour = "#ffffff"
    """Text and icons on the header bar."""
    link: Colour = "#005a87"
    """Links and the keyboard focus outline, on the white page."""

    @model_validator(mode="after")
    def _readable(self) -> "Colours":
        pairs = (("header_text", self.header_text, "header", self.header),
                 ("link", self.link, _("page background"), PAGE_BACKGROUND))
        for text_name, text, ground_name, ground in pairs:
            ratio = contrast_ratio(text, ground)
            if ratio < MINIMUM_CONTRAST:
                raise _problem(
                    _("the colours {text_name} ({text}) and {ground_name} ({ground}) have a contrast of "
                      "{ratio}:1; text needs at least 4.5:1 (WCAG 2.1 AA)").format(
                        text_name=text_name, text=text, ground_name=ground_name, ground=ground,
                        ratio=decimal(Decimal(int(ratio * 100)) / 100)),  # cut, not rounded: 4.499 is not 4.50
                    _("make one of them darker or lighter; a contrast checker shows the ratio as you change them"))
        return self

    def css_variables(self) -> str:
        """The colours as the theme's CSS custom properties (Material's names)."""
        return (f"--md-primary-fg-color:{self.header};--md-primary-fg-color--light:{self.header};"
                f"--md-primary-fg-color--dark:{self.header};--md-primary-bg-color:{self.header_text};"
                f"--md-typeset-a-color:{self.link};--md-accent-fg-color:{self.link};--mdx-link:{self.link}")


def _logo(value: str, info: ValidationInfo) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if not value.strip() or "://" in value or path.is_absolute() or ".." in path.parts:
        raise _problem(_("expected the path of an image file in the site's folder, found {value!r}").format(value=value),
                       _("write the path from the folder of mkdocs.yml, e.g. theme/assets/images/logo.svg"))
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise _problem(_("the logo {value!r} is not an image file the site can show").format(value=value),
                       _("use an SVG, PNG, JPEG or WebP file ({suffixes})").format(suffixes=", ".join(LOGO_SUFFIXES)))
    folder = (info.context or {}).get("folder")
    if folder is not None and not (Path(folder) / path).is_file():
        raise _problem(_("the logo file {value!r} does not exist").format(value=value),
                       _("the path is read from the folder of mkdocs.yml: check the folder and the file's name"))
    return path.as_posix()


LogoPath = Optional[Annotated[str, Field(strict=True), AfterValidator(_logo)]]
