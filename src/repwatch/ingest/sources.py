"""What to read: the paths a user named, folders expanded, and the format of each file.

Folders are walked recursively in sorted order; hidden files and folders (a leading ".") are
skipped, and so are files whose extension is not one of ``FOLDER_FORMATS`` (images, PDFs and
the like sit beside reports in real folders; failing on each would drown the real errors).
A file named explicitly is always read, whatever its extension: ``.json`` files too (read as
JSON Lines), and unknown extensions are recognised from their content (see ``sniff_format``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from repwatch.errors import InputError

STDIN = "-"

# Extension → format, for files met while walking a folder.
FOLDER_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Read when named explicitly, but not picked up from folders, where .json is more often
# configuration than reports.
EXPLICIT_FORMATS: dict[str, str] = {**FOLDER_FORMATS, ".json": "jsonl"}

_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|\?xml|!--|[a-z][a-z0-9]*[\s/>])", re.I)
_MARKDOWN_START = re.compile(r"(---[ \t]*\n|#[ \t]+\S)")


@dataclass(frozen=True)
class Source:
    """One thing to read: a file, or standard input (``path`` None, ``label`` "-").

    ``label`` is how messages name it: the path as the user gave it or as found in a folder.
    """

    path: Path | None
    label: str

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def format(self) -> str | None:
        """The format its extension says, or ``None`` to recognise it from the content."""
        if self.path is None:
            return None
        return EXPLICIT_FORMATS.get(self.path.suffix.lower())


def collect(paths: Sequence[str]) -> tuple[list[Source], list[InputError]]:
    """The sources ``paths`` name, in order, and an error for each path that names nothing."""
    sources: list[Source] = []
    errors: list[InputError] = []
    for arg in paths:
        if arg == STDIN:
            if any(s.is_stdin for s in sources):
                errors.append(InputError(STDIN, "standard input can be read only once"))
            else:
                sources.append(Source(None, STDIN))
            continue
        path = Path(arg)
        if path.is_dir():
            found, walk_errors = _walk(path)
            sources.extend(found)
            errors.extend(walk_errors)
            if not found and not walk_errors:
                errors.append(InputError(arg, f"no {_extensions()} files in this folder"))
        elif path.exists() or path.is_symlink():
            sources.append(Source(path, arg))
        else:
            errors.append(InputError(arg, "no such file or folder"))
    return sources, errors


def _walk(folder: Path) -> tuple[list[Source], list[InputError]]:
    sources: list[Source] = []
    errors: list[InputError] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else str(folder)
        errors.append(InputError(where, f"cannot read folder: {_reason(exc)}"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in FOLDER_FORMATS:
                continue
            sources.append(Source(path, str(path)))
    return sources, errors


def _extensions() -> str:
    return ", ".join(FOLDER_FORMATS)


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def sniff_format(text: str) -> str:
    """The format of text with no telling extension (standard input, unknown suffixes).

    HTML when it starts with a tag or doctype; JSON Lines when its first line is a JSON
    object with a "text" field; Markdown when it starts with front matter or a "# " heading
    (which only means the title is taken from it); else plain text.
    """
    head = text.lstrip()
    if _HTML_START.match(head):
        return "html"
    if head.startswith("{"):
        try:
            first = json.loads(head.split("\n", 1)[0])
        except ValueError:
            first = None
        if isinstance(first, dict) and "text" in first:
            return "jsonl"
    if _MARKDOWN_START.match(head):
        return "markdown"
    return "text"
