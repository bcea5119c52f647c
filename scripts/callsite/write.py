"""Write the finished site atomically: build beside ``site/``, then swap it in."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable


def publish_atomically(site_dir: Path, build: Callable[[Path], None]) -> None:
    """Run ``build(tmp)`` into a fresh folder; only if it succeeds replace ``site_dir``.

    A failed build removes its folder and leaves the previous site untouched.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-build-", dir=site_dir.parent))
    try:
        build(work)
        os.chmod(work, 0o755)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(old)
    work.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
