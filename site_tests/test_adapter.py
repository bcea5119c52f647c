"""The MkDocs adapter's shortcuts give MkDocs exactly what it would have found itself."""

from __future__ import annotations

import fnmatch

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from callsite.mkdocs_adapter import _faster_theme_env
from conftest import CONFIG


def _theme_files(tmp_path, pruned: bool) -> list[tuple[str, str]]:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = load_config(str(CONFIG), docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"))
    if pruned:
        _faster_theme_env(config.theme, None)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


def test_theme_files_are_the_same_without_walking_hidden_folders(tmp_path):
    full, pruned = _theme_files(tmp_path, False), _theme_files(tmp_path, True)
    assert pruned == full
    assert any(uri.startswith("assets/javascripts/") for uri, _ in full)
    assert not any(fnmatch.fnmatch(uri, "*/.*") or uri.startswith(".") for uri, _ in full)
