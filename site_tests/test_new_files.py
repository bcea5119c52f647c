"""The writer of a build's files: folders made as needed, pieces joined, no path written twice."""

from __future__ import annotations

import pytest

from callsite.write import NewFiles


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
