"""The upload batch names each file by its base name only."""

from __future__ import annotations

from repwatch.uploads import upload_label


def test_upload_label_keeps_only_the_base_name() -> None:
    assert upload_label("C:\\Users\\a\\report.txt", 1) == "report.txt"
    assert upload_label("../../etc/passwd", 1) == "passwd"
    assert upload_label("", 3) == "upload 3"
