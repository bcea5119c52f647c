"""``callsite edit``: the browser editor on this computer, saving into the calls folder.

Starts Decap CMS's local backend (``decap-server``, from ``node_modules``, run with this
computer's ``node``; nothing is installed globally) on 127.0.0.1, then the live preview,
whose ``/admin/`` is the editor pointed at that backend. Both stop with Ctrl+C. A saved call
is written straight into the calls folder (no commit): the preview rebuilds, and
``callsite check`` judges it as any other file.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from ..messages import _
from ..outputs.admin import FOLDER_VARIABLE, NODE_MODULES, PROXY_VARIABLE, editor_available

SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def report_unrepresentable(calls_dir: Path) -> None:
    """Name the calls the form will refuse to save, and why (they are edited as text)."""
    from ..model.cms import call_fields, unrepresentable
    from ..model.validate import load_vocabulary
    from ..source.callfiles import call_files
    from ..source.yamlsource import load_document

    vocabulary, _problems = load_vocabulary(calls_dir)
    fields, _skipped = call_fields(vocabulary)
    for path in call_files(calls_dir):
        if path.suffix != ".yaml":
            print(_("{file}: not in the editor (only .yaml files are); rename it to {name}").format(
                file=path, name=path.with_suffix(".yaml").name), flush=True)
            continue
        doc, problems = load_document(path)
        if doc is None:
            continue
        found = unrepresentable(doc.data, fields)
        if found:
            print(_("{file}: the editor can show this call but will not save it, as the form cannot hold: "
                    "{what}; edit this file as text").format(file=path, what="; ".join(found)), flush=True)


def run_edit(args, *, now) -> int:
    node = shutil.which("node")
    if node is None or not SERVER.is_file() or not editor_available():
        print(_("callsite edit needs Node.js and the editor's packages; install them with: "
                "bash scripts/setup-env edit"), file=sys.stderr)
        return 1
    calls_dir = args.calls.resolve()
    proxy_port = args.proxy_port or free_port()
    if args.port == 0:
        args.port = free_port()
    environment = {**os.environ, "PORT": str(proxy_port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                   "GIT_REPO_DIRECTORY": str(calls_dir.parent), "LOG_LEVEL": "warn"}
    server = subprocess.Popen([node, str(SERVER)], env=environment, stdin=subprocess.DEVNULL)
    try:
        if not _wait_for(proxy_port, server):
            print(_("the editor's local backend (decap-server) did not start on port {port}").format(
                port=proxy_port), file=sys.stderr)
            return 1
        # Read by the preview's build of /admin/ (outputs/admin.py), in this process.
        os.environ[PROXY_VARIABLE] = f"http://127.0.0.1:{proxy_port}/api/v1"
        os.environ[FOLDER_VARIABLE] = calls_dir.name
        report_unrepresentable(args.calls)
        print(_("Editor: {address} (stop with Ctrl+C)").format(
            address=f"http://127.0.0.1:{args.port}/admin/"), flush=True)
        from .preview import run_server

        return run_server(args, now=now)
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
