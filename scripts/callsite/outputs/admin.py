"""The browser editor at ``/admin/``: Decap CMS, served from the site itself.

Written with the site's other shared files (:func:`admin_files`): the page, our script
(``admin_app/``), the form generated from the model (:mod:`callsite.model.cms`) with the
backend from the settings, and the CMS bundle and the YAML library copied from
``node_modules`` at the versions ``package-lock.json`` pins (no CDN: the page loads nothing
from elsewhere, and its Content-Security-Policy allows nothing else). Kept out of search
engines (``noindex``) and out of the site's search, sitemap and feeds, which list pages, not
files. Without ``node_modules`` (a machine set up for building only) there is no editor:
the site is built without ``/admin/``.

Under ``callsite edit`` (which sets ``CALLSITE_EDIT_PROXY``) the preview's editor saves through
the local backend, ``decap-server`` on this computer; every other build, ``callsite serve``'s
included, gives the same files as production (the preview's files equal a full build's).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..model.cms import cms_config, serialise
from ..site.urls import SECTIONS

ADMIN = "admin"
APP_DIR = Path(__file__).parent / "admin_app"
NODE_MODULES = Path(__file__).resolve().parents[3] / "node_modules"
BUNDLE = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
YAML_LIBRARY = NODE_MODULES / "yaml" / "browser"
PROXY_VARIABLE = "CALLSITE_EDIT_PROXY"
FOLDER_VARIABLE = "CALLSITE_EDIT_FOLDER"
"""The calls folder's name below the folder ``callsite edit``'s backend serves (preview only)."""
GITHUB_API = "https://api.github.com"


def editor_available() -> bool:
    return BUNDLE.is_file() and (YAML_LIBRARY / "index.js").is_file()


def proxy_url() -> str | None:
    """The local backend's address, under ``callsite edit`` only."""
    return os.environ.get(PROXY_VARIABLE) or None


def backend(settings) -> dict:
    """Where the editor saves: the repository's hosting (GitHub), from ``extra.callsite.editor``."""
    editor = getattr(settings, "editor", None)
    if editor is None:
        return {"name": "github", "repo": "OWNER/REPOSITORY", "branch": "main"}
    found = {"name": "github", "repo": editor.repo, "branch": editor.branch}
    if editor.auth_base_url:
        found["base_url"] = editor.auth_base_url.rstrip("/")
        found["auth_endpoint"] = editor.auth_endpoint
    return found


def site_config(site) -> dict:
    """The whole configuration the editor reads from ``/admin/config.yml``."""
    local = proxy_url() is not None
    config = {"backend": backend(site.settings)}
    if not local:
        config["publish_mode"] = "editorial_workflow"  # a saved call becomes a pull request
    else:
        config["local_backend"] = {"url": proxy_url()}
    config["site_url"] = site.settings.site_url
    folder = os.environ.get(FOLDER_VARIABLE, "calls") if local else "calls"
    config.update(cms_config(site.catalog.vocabulary, folder))
    return config


def content_security_policy(site) -> str:
    connect = ["'self'"]
    if proxy_url() is not None:
        connect.append(_origin(proxy_url()))
    else:
        connect.append(GITHUB_API)
    # Decap styles its interface with CSS-in-JS (style elements made at run time) and compiles
    # its configuration's JSON Schema with ajv (new Function): hence the two 'unsafe-' sources,
    # for this page only. Scripts still come from this site alone.
    return "; ".join([
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com",
        "font-src 'self' data:",
        f"connect-src {' '.join(connect)}",
        "frame-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


def admin_files(site) -> dict[str, tuple[bytes, ...]]:
    """Site-relative path -> contents (one piece each) of the editor's files; none without ``node_modules``."""
    if not editor_available():
        return {}
    page = (APP_DIR / "index.html").read_text(encoding="utf-8").replace(
        "{{csp}}", content_security_policy(site))
    facts = {"base_path": site.settings.base_path,
             "call_sections": SECTIONS["calls"],
             "preview": proxy_url() is not None}
    files = {
        f"{ADMIN}/index.html": page.encode("utf-8"),
        f"{ADMIN}/config.yml": serialise(site_config(site)).encode("utf-8"),
        f"{ADMIN}/callsite.json": json.dumps(facts, ensure_ascii=False).encode("utf-8"),
        f"{ADMIN}/decap-cms.js": BUNDLE.read_bytes(),
    }
    for name in ("init.js", "admin.js", "locale-fi.js"):
        files[f"{ADMIN}/{name}"] = (APP_DIR / name).read_bytes()
    for path in sorted(YAML_LIBRARY.rglob("*.js")):
        files[f"{ADMIN}/yaml/{path.relative_to(YAML_LIBRARY).as_posix()}"] = path.read_bytes()
    return {name: (data,) for name, data in files.items()}
