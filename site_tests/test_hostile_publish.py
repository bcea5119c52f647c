"""Nothing a mistyped --site-dir, Ctrl+C, a full disk or a folder that cannot be written does
loses data: the sources and the previous site stay byte for byte as they were.

Each test works in a scratch project (mkdocs.yml, calls/ and theme/ copied into ``tmp_path``)
and runs the real command, as staff do, unless it says otherwise. "Nothing changed" is
checked over the whole of ``tmp_path``: every file by its hash, every folder and link.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from callsite.commands.cli import main
from callsite.outputs.write import STAMP
from conftest import CONFIG, FIXTURE_CALLS, ROOT, run_cli

NOW = "10.4.2026 klo 12.00"
LATER = "11.6.2026 klo 12.00"  # another day: another site (statuses, "updated" dates)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file, folder and link below ``folder``; a file by the hash of its bytes."""
    found = {}
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(top, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = f"link to {os.readlink(path)}"
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(CONFIG, root / "mkdocs.yml")
    shutil.copytree(FIXTURE_CALLS, root / "calls")
    shutil.copytree(ROOT / "theme", root / "theme")
    return root


@pytest.fixture
def built(project) -> Path:
    """The project with a site built into site/, as the nightly build leaves it."""
    result = run_cli("--lang", "en", "build", "--now", NOW, cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "fi" / "index.html").is_file()
    return project


# --- Output folders that are refused before anything is written -----------------------------

REFUSED = {
    "calls": "callsite: the output folder 'calls' holds the project's call files; choose another folder, e.g. site",
    ".": "callsite: the output folder '.' is the project's own folder (where mkdocs.yml is); "
         "choose another folder, e.g. site",
    "..": "callsite: the output folder '..' holds the whole project (the folder of 'mkdocs.yml'); "
          "choose another folder, e.g. site",
    "theme": "callsite: the output folder 'theme' holds the site's theme; choose another folder, e.g. site",
    "calls/sub": "callsite: the output folder 'calls/sub' lies inside the project's call files ('calls'); "
                 "choose another folder, e.g. site",
    "theme/partials": "callsite: the output folder 'theme/partials' lies inside the site's theme ('theme'); "
                      "choose another folder, e.g. site",
    "link-to-calls": "callsite: the output folder 'link-to-calls' holds the project's call files; "
                     "choose another folder, e.g. site",
    "notes": "callsite: the output folder 'notes' holds files that callsite did not build, and building would "
             "delete them; move them away or choose another folder, e.g. site (a site built by callsite before "
             "December 2026 has no build mark: if that is what it is, delete it once)",
    "notes.txt": "callsite: the output folder 'notes.txt' is a file, not a folder; choose another folder, e.g. site",
    "mkdocs.yml": "callsite: the output folder 'mkdocs.yml' is a file, not a folder; choose another folder, e.g. site",
    "notes.txt/site": "callsite: the output folder 'notes.txt/site' cannot be made: 'notes.txt' is a file, "
                      "not a folder; choose another folder, e.g. site",
}


@pytest.mark.parametrize("site_dir", REFUSED)
def test_an_output_folder_over_the_sources_or_other_files_is_refused_and_nothing_changes(
        built, tmp_path, site_dir):
    (built / "link-to-calls").symlink_to("calls", target_is_directory=True)
    (built / "notes").mkdir()
    (built / "notes" / "minutes.txt").write_text("kokouksen muistio\n", encoding="utf-8")
    (built / "notes.txt").write_text("muistiinpanoja\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("--lang", "en", "build", "--now", LATER, "--site-dir", site_dir, cwd=built)
    assert result.returncode == 2
    assert result.stderr == REFUSED[site_dir] + "\n"
    assert result.stdout == ""
    assert snapshot(tmp_path) == before  # the calls, mkdocs.yml, theme/, site/: all as they were


def test_a_site_folder_of_other_files_is_refused_by_its_default_name_too(project, tmp_path):
    """A site/ that callsite did not build (no mark): e.g. one built by hand with mkdocs."""
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("<p>käsin tehty</p>\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_cli("--lang", "en", "build", "--now", NOW, cwd=project)
    assert result.returncode == 2
    assert result.stderr == ("callsite: the output folder 'site' holds files that callsite did not build, and "
                             "building would delete them; move them away or choose another folder (a site built by "
                             "callsite before December 2026 has no build mark: if that is what it is, delete it "
                             "once)\n")
    assert snapshot(tmp_path) == before


def test_the_output_folder_is_checked_even_when_the_calls_are_elsewhere(project, tmp_path):
    """--calls and --config from another folder, absolute paths: the rules are the same."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = snapshot(tmp_path)
    for site_dir, expected in [
        (project / "calls", "holds the project's call files; choose another folder, e.g. site"),
        (tmp_path, f"holds the whole project (the folder of '{project / 'mkdocs.yml'}'); "
                   "choose another folder, e.g. site"),
    ]:
        result = run_cli("--lang", "en", "build", "--now", NOW, "--calls", str(project / "calls"), "--config",
                         str(project / "mkdocs.yml"), "--site-dir", str(site_dir), cwd=elsewhere)
        assert result.returncode == 2
        assert result.stderr == f"callsite: the output folder '{site_dir}' {expected}\n"
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("site_dir", ["theme", "notes"])
def test_the_preview_refuses_the_same_folders(project, tmp_path, site_dir):
    """``callsite serve --site-dir`` writes into the folder as a build does (theme/404.html!)."""
    (project / "notes").mkdir()
    (project / "notes" / "minutes.txt").write_text("kokouksen muistio\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = subprocess.run([sys.executable, "-m", "callsite", "--lang", "en", "serve", "--port", "0", "--site-dir", site_dir,
                             "--now", NOW], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"callsite: the output folder '{site_dir}' ")
    assert snapshot(tmp_path) == before


# --- Output folders that are fine ----------------------------------------------------------

def test_a_previous_build_is_replaced_whole_and_the_new_one_is_marked(built, tmp_path):
    reference = tmp_path / "reference"
    assert run_cli("--lang", "en", "build", "--now", LATER, "--site-dir", str(reference), cwd=built).returncode == 0
    sources = {k: v for k, v in snapshot(built).items() if not k.startswith("site")}
    assert snapshot(built / "site") != snapshot(reference)  # another day: the site differs
    result = run_cli("--lang", "en", "build", "--now", LATER, cwd=built)
    assert result.returncode == 0, result.stderr
    assert snapshot(built / "site") == snapshot(reference)  # nothing of the old one is left
    assert (built / "site" / STAMP).is_dir()
    assert {k: v for k, v in snapshot(built).items() if not k.startswith("site")} == sources
    assert leftovers(built) == []


def test_the_mark_is_an_empty_folder_that_no_page_links_to(built):
    """It is no file of the site: sitemaps, link checkers and deploys that list files skip it."""
    assert list((built / "site" / STAMP).iterdir()) == []
    sitemap = (built / "site" / "fi" / "sitemap.xml").read_text(encoding="utf-8")
    assert STAMP not in sitemap


def test_an_empty_folder_is_fine(project, tmp_path):
    (project / "public").mkdir()
    result = run_cli("--lang", "en", "build", "--now", NOW, "--site-dir", "public", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "public" / "fi" / "index.html").is_file()
    assert (project / "public" / STAMP).is_dir()
    assert leftovers(project) == []


def test_a_link_to_a_previous_build_is_followed(built, tmp_path):
    """The link stays; the folder it leads to gets the new site."""
    reference = tmp_path / "reference"
    assert run_cli("--lang", "en", "build", "--now", LATER, "--site-dir", str(reference), cwd=built).returncode == 0
    (built / "published").symlink_to("site", target_is_directory=True)
    result = run_cli("--lang", "en", "build", "--now", LATER, "--site-dir", "published", cwd=built)
    assert result.returncode == 0, result.stderr
    assert (built / "published").is_symlink()
    assert snapshot(built / "site") == snapshot(reference)
    assert leftovers(built) == []


# --- Ctrl+C ----------------------------------------------------------------------------------

HOOK_MID_BUILD = """
import os, time
import callsite.outputs.write as write
_write = write.NewFiles.write
_waited = []
def slow(self, name, data):
    if not _waited:  # the first file this process writes: the build is half done
        _waited.append(1)
        open(os.environ["HOOK_MARK"] + str(os.getpid()), "w").close()
        time.sleep(60)
    return _write(self, name, data)
write.NewFiles.write = slow
"""

HOOK_SWAP = """
import os, time
_rename = os.rename
def rename(source, target, *args, **kwargs):
    _rename(source, target, *args, **kwargs)
    if os.fspath(source) == os.environ["HOOK_SITE"]:  # the old site is aside, the new one not yet in
        open(os.environ["HOOK_MARK"], "w").close()
        time.sleep(3)
os.rename = rename
"""


def interrupted_build(project: Path, tmp_path: Path, hook: str, mark: Path, jobs: str) -> subprocess.CompletedProcess:
    """Start a build with ``hook`` loaded, press Ctrl+C (SIGINT to its process group, as the
    terminal does) once a file starting with ``mark`` appears; the finished process."""
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(hook, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{folder}{os.pathsep}{ROOT / 'scripts'}", "CALLSITE_JOBS": jobs,
           "HOOK_MARK": str(mark), "HOOK_SITE": str((project / "site").resolve())}
    process = subprocess.Popen([sys.executable, "-m", "callsite", "--lang", "en", "build", "--now", LATER], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not list(mark.parent.glob(mark.name + "*")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the build never reached the hook"
            time.sleep(0.02)
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_in_the_middle_of_a_build_leaves_the_old_site_and_no_leftovers(built, tmp_path, jobs):
    mark = tmp_path / "marks" / "writing-"
    mark.parent.mkdir()
    before = snapshot(built)
    # The build folder is there, half full, when the signal comes.
    result = interrupted_build(built, tmp_path, HOOK_MID_BUILD, mark, jobs)
    assert result.returncode == 130  # the command's code for Ctrl+C
    assert "Traceback" not in result.stderr
    assert "Built" not in result.stdout
    assert snapshot(built) == before
    assert leftovers(built) == []


def test_ctrl_c_between_moving_the_old_site_aside_and_the_new_one_in_puts_the_old_one_back(built, tmp_path):
    """Without the signals held during the swap, the old site would stay aside (in
    .site-old-…) and site/ would be missing: the hook waits right there."""
    mark = tmp_path / "swapping"
    before = snapshot(built)
    result = interrupted_build(built, tmp_path, HOOK_SWAP, mark, "1")
    assert result.returncode == 130
    assert "Traceback" not in result.stderr
    assert snapshot(built) == before
    assert leftovers(built) == []


# --- A full disk, a folder that cannot be written --------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A folder on a file system of its own (tmpfs), made smaller once a site is in it. Needs the
    right to mount (root in a container does): skipped otherwise."""
    folder = tmp_path / "project" / "public"
    folder.mkdir(parents=True)
    mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(folder)],
                           capture_output=True, text=True)
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mount.stderr.strip()}")

    def shrink() -> None:
        """Leave room for half a site more than what is there now."""
        stats = os.statvfs(folder)
        used = (stats.f_blocks - stats.f_bfree) * stats.f_frsize
        size = used + used // 2
        subprocess.run(["mount", "-o", f"remount,size={size // 1024}k", str(folder)], check=True)

    try:
        yield folder, shrink
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk_says_so_in_one_line_and_leaves_the_old_site(project, tmp_path, small_disk, jobs):
    """A real full disk: the new site does not fit beside the old one."""
    folder, shrink = small_disk
    first = run_cli("--lang", "en", "build", "--now", NOW, "--site-dir", "public/site", cwd=project)
    assert first.returncode == 0, first.stderr
    shrink()
    before = snapshot(tmp_path)
    env = {**os.environ, "CALLSITE_JOBS": jobs}
    result = subprocess.run([sys.executable, "-m", "callsite", "--lang", "en", "build", "--now", LATER, "--site-dir", "public/site"],
                            cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert result.stderr == "callsite: cannot write the site into 'public/site': No space left on device\n"
    assert snapshot(tmp_path) == before
    assert leftovers(folder) == []


@pytest.mark.parametrize("where", ["this process", "the forked process"])
def test_a_full_disk_met_by_either_build_process_is_said_in_one_line(built, tmp_path, monkeypatch, capsys, where):
    """In the test's process (no mount needed): the writer of the pages, feeds and calendars
    fails as ``os.write`` does on a full disk, in the command's own process (the Finnish
    pages) or only in the one it forks (the Swedish pages), whose error must reach the command."""
    from callsite.outputs import write

    monkeypatch.setenv("CALLSITE_JOBS", "2")
    parent, real_write = os.getpid(), write.NewFiles.write

    def full(self, name, data):
        if (os.getpid() == parent) == (where == "this process"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(self, name, data)

    monkeypatch.setattr(write.NewFiles, "write", full)
    before = snapshot(tmp_path)
    site = built / "site"
    code = main(["--lang", "en", "build", "--calls", str(built / "calls"), "--config", str(built / "mkdocs.yml"),
                 "--site-dir", str(site), "--now", LATER])
    assert code == 1
    err = capsys.readouterr().err
    assert err == f"callsite: cannot write the site into '{site}': No space left on device\n"
    assert snapshot(tmp_path) == before


def test_an_output_folder_that_cannot_be_written_leaves_the_old_site(built, tmp_path):
    """The project's folder (site/'s parent) made read-only. Root ignores folder permissions,
    so as root the command runs without that privilege (setpriv drops CAP_DAC_OVERRIDE)."""
    command = [sys.executable, "-m", "callsite", "--lang", "en", "build", "--now", LATER]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root ignores folder permissions, and setpriv is missing to drop that")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    before = snapshot(tmp_path)
    built.chmod(0o555)
    try:
        result = subprocess.run(command, cwd=built, capture_output=True, text=True)
    finally:
        built.chmod(0o755)
    if result.stderr.startswith("setpriv:"):
        pytest.skip(f"cannot drop the privilege here: {result.stderr.strip()}")
    assert result.returncode == 1
    assert result.stderr == "callsite: cannot write the site into 'site': Permission denied\n"
    assert snapshot(tmp_path) == before
