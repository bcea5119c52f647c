"""The writer of a build's files: folders made as needed, pieces joined, no path written twice."""

from __future__ import annotations

import pytest

from callsite.outputs.write import NewFiles, move_into


def test_new_files_are_written_whole_or_from_pieces_into_new_folders(tmp_path):
    writer = NewFiles(tmp_path)
    writer.write("fi/rahoitushaut/haku/index.html", b"<p>yksi</p>")
    writer.write("fi/rahoitushaut/toinen/index.html", iter([b"<p>", "kaksi".encode(), b"</p>"]))
    writer.write("calls.json", b"[]")
    assert (tmp_path / "fi/rahoitushaut/haku/index.html").read_bytes() == b"<p>yksi</p>"
    assert (tmp_path / "fi/rahoitushaut/toinen/index.html").read_bytes() == b"<p>kaksi</p>"
    assert (tmp_path / "calls.json").read_bytes() == b"[]"


def test_two_outputs_claiming_one_path_is_an_error(tmp_path):
    (tmp_path / "fi").mkdir()
    (tmp_path / "fi" / "feed.xml").write_bytes(b"first")  # e.g. written by the engine
    writer = NewFiles(tmp_path)
    writer.write("fi/other.xml", b"x")
    with pytest.raises(RuntimeError, match="two outputs claim fi/feed.xml"):
        writer.write("fi/feed.xml", b"second")
    with pytest.raises(RuntimeError, match="two outputs claim fi/other.xml"):
        NewFiles(tmp_path).write("fi/other.xml", b"again")
    assert (tmp_path / "fi" / "feed.xml").read_bytes() == b"first"


def test_empty_and_large_files_and_their_permissions_are_those_of_open(tmp_path):
    writer = NewFiles(tmp_path)
    big = bytes(range(256)) * 40_000  # 10 MB: more than one write may take
    writer.write("a/empty.txt", b"")
    writer.write("a/b/c/big.bin", big)
    (tmp_path / "by-open.txt").write_bytes(b"x")
    assert (tmp_path / "a/empty.txt").read_bytes() == b""
    assert (tmp_path / "a/b/c/big.bin").read_bytes() == big
    expected = (tmp_path / "by-open.txt").stat().st_mode
    assert (tmp_path / "a/empty.txt").stat().st_mode == expected
    assert (tmp_path / "a/b/c/big.bin").stat().st_mode == expected


def test_a_file_where_a_folder_should_be_is_an_error(tmp_path):
    (tmp_path / "fi").write_bytes(b"not a folder")
    with pytest.raises(OSError):
        NewFiles(tmp_path).write("fi/index.html", b"x")


def test_files_written_aside_are_moved_into_place_whole_folders_at_once(tmp_path):
    aside, site = tmp_path / "aside", tmp_path / "site"
    NewFiles(site).write("fi/aiheet/x/index.html", b"page")  # the engine's
    writer = NewFiles(aside)
    writer.write("fi/feed.xml", b"feed")
    writer.write("fi/aiheet/x/feed.xml", b"topic feed")
    writer.write("fi/kalenteri/a.ics", b"a")
    writer.write("calls.json", b"[]")
    folder = aside / "fi" / "kalenteri"
    inode = folder.stat().st_ino
    move_into(aside, site)
    assert not aside.exists()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "calls.json", "fi/aiheet/x/feed.xml", "fi/aiheet/x/index.html", "fi/feed.xml", "fi/kalenteri/a.ics"]
    assert (site / "fi/aiheet/x/index.html").read_bytes() == b"page"
    assert (site / "fi/aiheet/x/feed.xml").read_bytes() == b"topic feed"
    assert (site / "fi" / "kalenteri").stat().st_ino == inode  # renamed, not copied


@pytest.mark.parametrize("engine_wrote", ["fi/feed.xml", "fi/feed.xml/index.html"])
def test_a_file_moved_into_the_place_of_another_is_an_error(tmp_path, engine_wrote):
    aside, site = tmp_path / "aside", tmp_path / "site"
    NewFiles(site).write(engine_wrote, b"first")
    NewFiles(aside).write("fi/feed.xml", b"second")
    with pytest.raises(RuntimeError, match="two outputs claim fi/feed.xml"):
        move_into(aside, site)
    assert (site / engine_wrote).read_bytes() == b"first"
