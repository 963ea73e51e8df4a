"""Read input paths into `RawInput`s, and decode those into `Article`s.

needs : file paths, directories, or "-" for stdin
adds  : `RawInput` (bytes + kind) per file, then `Article`s (text + stated metadata)

Per-document failure is a policy, not a crash: `iter_inputs` yields an `InputRejected` in place of
an input it cannot read, and `decode` raises `InputRejected` with a human reason for an input it
cannot decode. The caller records the rejection and goes on with the batch.

A JSONL file holds several articles, and one bad line must not lose the good ones, so the
pipeline calls `decode_each`, which yields an `Article` or an `InputRejected` per record (for
JSONL, `decode_jsonl`; for every other kind, the result of `decode`). `decode` itself is strict:
on a JSONL file it raises at the first bad line.

Text is kept exactly as read (after removing a UTF-8 byte order mark): no newline
normalisation, no re-encoding, so character offsets into `Article.text` stay stable.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from bilat.errors import InputRejected
from bilat.ingest.article_json import ArticleFields, parse_article_json
from bilat.ingest.html import extract_page
from bilat.ingest.safety import UnsafeInput, load_json, printable, utf16_without_bom
from bilat.records import Article, RawInput

__all__ = [
    "KIND_BY_SUFFIX",
    "count_inputs",
    "decode",
    "decode_each",
    "decode_jsonl",
    "decode_text",
    "iter_inputs",
    "read_file",
    "read_stdin",
    "size_label",
]

KIND_BY_SUFFIX = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
STDIN_NAME = "stdin"
_MB = 1_000_000


# --- reading ---------------------------------------------------------------------------------


def iter_inputs(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = 20_000_000,
    follow_links: bool = False,
) -> Iterator[RawInput | InputRejected]:
    """Yield one `RawInput` per readable input, or an `InputRejected` saying why it is not.

    A directory is walked recursively in sorted order, skipping hidden entries and files whose
    suffix bilat does not read (those are not rejects). A symbolic link inside it that leads
    out of the directory is rejected unless `follow_links` (a folder of articles must not
    bring in /etc/passwd). "-" reads standard input.
    """
    for path in paths:
        if path == "-":
            yield read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes=max_bytes)
        elif os.path.isdir(path):
            walk = _Walk(Path(path), None if follow_links else Path(path).resolve(), max_bytes)
            yield from _walk(Path(path), walk, seen=set())
        elif not os.path.lexists(path):  # checked before the suffix: a mistyped folder too
            yield InputRejected(Path(path).name or path, f"no such file or directory: {path}")
        else:
            yield read_file(Path(path), max_bytes=max_bytes)


def _escapes(path: Path, root: Path | None) -> str | None:
    """Why `path` (a link) may not be read: it leads out of `root`; None if it may."""
    if root is None or not path.is_symlink():
        return None
    target = path.resolve()
    if target == root or root in target.parents:
        return None
    return (
        f"symbolic link to {printable(str(target))!r}, outside the input folder; "
        "bilat does not follow it (use --follow-links)"
    )


@dataclass(frozen=True, slots=True)
class _Walk:
    top: Path  # the folder given: document names are paths relative to it
    root: Path | None  # its resolved path, when links must not lead out of it
    max_bytes: int

    def name(self, path: Path) -> str:
        return path.relative_to(self.top).as_posix()


def _walk(
    directory: Path, walk: _Walk, seen: set[tuple[int, int]]
) -> Iterator[RawInput | InputRejected]:
    for found in _files(directory, walk.root, seen, walk.name):
        if isinstance(found, InputRejected):
            yield found
        else:
            yield read_file(found, max_bytes=walk.max_bytes, name=walk.name(found))


def _files(
    directory: Path,
    root: Path | None,
    seen: set[tuple[int, int]],
    name: Callable[[Path], str] = lambda p: p.name,
) -> Iterator[Path | InputRejected]:
    """The files bilat reads under `directory`, recursively in sorted order; a link out of
    `root` is a reject named by `name` (root None: links are followed)."""
    try:
        st = directory.stat()
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield InputRejected(directory.name or str(directory), _os_reason(exc, "directory"))
        return
    if (st.st_dev, st.st_ino) in seen:  # a symlink loop
        return
    seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if _is_dir(entry) or path.suffix.lower() in KIND_BY_SUFFIX:
            outside = _escapes(path, root)
            if outside:
                yield InputRejected(printable(name(path)), outside)
            elif _is_dir(entry):
                yield from _files(path, root, seen, name)
            else:
                yield path


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many inputs `iter_inputs(paths)` will yield, without reading them (for a progress
    total); None when standard input is among them."""
    if "-" in paths:
        return None
    return sum(
        sum(1 for _ in _files(Path(p), None, seen=set())) if os.path.isdir(p) else 1 for p in paths
    )


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_file(
    path: Path, *, max_bytes: int = 20_000_000, name: str | None = None
) -> RawInput | InputRejected:
    """Read one file, checking type and size before reading a byte. Its document name is
    `name` (in a walked folder: the path relative to it), else the file name."""
    name = name or path.name or str(path)
    if printable(name) != name:
        return InputRejected(
            printable(name), "file name is not valid UTF-8; rename the file to read it"
        )
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(KIND_BY_SUFFIX))
        return InputRejected(
            name, f"unsupported file type {path.suffix or '(none)'!r}; bilat reads {known}"
        )
    try:
        problem = _stat_problem(path, max_bytes)
        if problem:
            return InputRejected(name, problem)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as exc:
        return InputRejected(name, _os_reason(exc, "file", path))
    if len(data) > max_bytes:  # grew after stat
        return InputRejected(name, f"file is larger than the {size_label(max_bytes)} cap")
    return RawInput(name=name, origin=str(path), data=data, kind=kind)


def _stat_problem(path: Path, max_bytes: int) -> str | None:
    st = path.stat()
    if stat.S_ISDIR(st.st_mode):
        return "is a directory, not a file"
    if not stat.S_ISREG(st.st_mode):
        return f"not a regular file ({_file_type(st.st_mode)}); bilat reads only regular files"
    if st.st_size > max_bytes:
        return (
            f"file is {size_label(st.st_size)} ({st.st_size:,} bytes), larger than the "
            f"{size_label(max_bytes)} cap ({max_bytes:,} bytes)"
        )
    return None


def read_stdin(stream: BinaryIO, *, max_bytes: int = 20_000_000) -> RawInput | InputRejected:
    """Read standard input: JSON if it is an article object with `text`, plain text otherwise."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return InputRejected(STDIN_NAME, f"cannot read standard input: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return InputRejected(STDIN_NAME, f"input is larger than the {size_label(max_bytes)} cap")
    return RawInput(name=STDIN_NAME, origin="<stdin>", data=data, kind=_sniff_stdin(data))


def _sniff_stdin(data: bytes) -> str:
    """JSON when standard input is an article object (with `text`) or a JSON array (rejected:
    several articles go in JSONL), or hostile JSON (rejected with the reason); text otherwise."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    if body.lstrip()[:1] not in (b"{", b"["):
        return "txt"
    try:
        obj = load_json(body.decode("utf-8"))
    except UnsafeInput:
        return "json"
    except ValueError:  # not UTF-8 or not JSON: text (decode says why if it is not text)
        return "txt"
    article = isinstance(obj, dict) and isinstance(obj.get("text"), str)
    return "json" if article or isinstance(obj, list) else "txt"


def _os_reason(exc: OSError, what: str, path: Path | None = None) -> str:
    if isinstance(exc, FileNotFoundError):
        if path is not None and path.is_symlink():
            return f"broken symbolic link (points to {os.readlink(path)!r}, which does not exist)"
        return f"no such {what}"
    if isinstance(exc, PermissionError):
        return f"permission denied: cannot read this {what}"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    return f"cannot read this {what}: {exc.strerror or exc}"


def _file_type(mode: int) -> str:
    for test, label in (
        (stat.S_ISFIFO, "a named pipe/FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return label
    return "a special file"


def size_label(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n % _MB else f"{n // _MB} MB"


# --- bytes to text ---------------------------------------------------------------------------

_BOM = b"\xef\xbb\xbf"
_MAGIC = {  # signatures of common binary files, to name them in the reason
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "gzip-compressed data",
}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def decode_text(name: str, data: bytes, *, html: bool = False) -> str:
    """Decode UTF-8 (a BOM is accepted and removed) or raise `InputRejected` saying why not.

    Other encodings are never guessed; only an HTML page's own `<meta charset>` is honoured.
    """
    if not data:
        raise InputRejected(name, "empty file (0 bytes)")
    binary = _binary_reason(data)
    if binary:
        raise InputRejected(name, binary)
    body = data.removeprefix(_BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_decode(body) if html else None
        if declared is None:
            offset = exc.start + len(data) - len(body)
            raise InputRejected(name, _utf8_reason(data, offset)) from None
        text = declared
    if not text.strip():
        raise InputRejected(name, "file contains only whitespace, no text")
    return text


def _binary_reason(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "looks like UTF-16 (byte order mark found); bilat reads UTF-8 only: re-save as UTF-8"
    order = utf16_without_bom(data)
    if order:
        return (
            f"looks like UTF-16 ({order}, no byte order mark); bilat reads UTF-8 only: "
            "re-save as UTF-8"
        )
    kind = next((label for magic, label in _MAGIC.items() if data.startswith(magic)), None)
    if kind:
        return f"binary content ({kind}), not text"
    if b"\x00" in data:
        return "binary content (contains NUL bytes), not text"
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    if controls > len(sample) // 10:
        return f"binary content ({controls} control bytes in the first {len(sample)}), not text"
    return None


def _utf8_reason(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return (
        f"not valid UTF-8: byte 0x{data[offset]:02x} at offset {offset} (line {line}, "
        f"column {column}); bilat does not guess encodings: re-save the file as UTF-8"
    )


def _declared_decode(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    if match is None:
        return None
    try:
        return body.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None


# --- decoding --------------------------------------------------------------------------------


def decode(raw: RawInput) -> list[Article]:
    """Decode one input into its articles; raise `InputRejected` if it cannot be.

    Strict on JSONL: the first bad line raises. The pipeline uses `decode_each` instead.
    """
    if raw.kind != "jsonl":
        return [_decode_one(raw)]
    articles = []
    for item in decode_jsonl(raw):
        if isinstance(item, InputRejected):
            raise item
        articles.append(item)
    return articles


def decode_each(raw: RawInput) -> Iterator[Article | InputRejected]:
    """Yield an `Article` or an `InputRejected` per record: what the ingest pipeline calls."""
    if raw.kind == "jsonl":
        yield from decode_jsonl(raw)
        return
    try:
        yield _decode_one(raw)
    except InputRejected as rejected:
        yield rejected
    except Exception as exc:  # a library failing on hostile input: this input only
        yield InputRejected(raw.name, f"could not be decoded: {type(exc).__name__}: {exc}")


def decode_jsonl(raw: RawInput) -> Iterator[Article | InputRejected]:
    """One article per non-empty line; a bad line is its own reject named `file.jsonl:LINE`.

    A file-level problem (empty, binary, not UTF-8) rejects the whole file once.
    """
    try:
        text = decode_text(raw.name, raw.data)
    except InputRejected as rejected:
        yield rejected
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_name, origin = f"{raw.name}:{lineno}", f"{raw.origin}#{lineno}"
        try:
            fields = parse_article_json(line_name, line, jsonl_line=True)
        except InputRejected as rejected:
            yield InputRejected(rejected.name, rejected.reason, origin)
            continue
        except Exception as exc:  # never lose the later lines to one hostile line
            reason = f"could not be decoded: {type(exc).__name__}: {exc}"
            yield InputRejected(line_name, reason, origin)
            continue
        name = fields.record_name or line_name
        yield _article(raw, name, fields, origin=origin)


def _decode_one(raw: RawInput) -> Article:
    if raw.kind in ("txt", "md"):
        return _article(raw, raw.name, ArticleFields(text=decode_text(raw.name, raw.data)))
    if raw.kind == "json":
        fields = parse_article_json(raw.name, decode_text(raw.name, raw.data))
        return _article(raw, raw.name, fields)
    if raw.kind == "html":
        return _decode_html(raw)
    raise InputRejected(raw.name, f"unknown input kind {raw.kind!r}")


def _decode_html(raw: RawInput) -> Article:
    page = decode_text(raw.name, raw.data, html=True)
    extracted = extract_page(page, url=_url_origin(raw))
    if extracted is None:
        raise InputRejected(raw.name, "no article text found in HTML")
    fields = ArticleFields(
        text=extracted.text,
        title=extracted.title,
        url=extracted.url,
        source=extracted.source,
        published=extracted.published,
        language=extracted.language,
    )
    return _article(raw, raw.name, fields, page=page)


def _article(
    raw: RawInput,
    name: str,
    fields: ArticleFields,
    *,
    origin: str | None = None,
    page: str | None = None,
) -> Article:
    url_origin = _url_origin(raw)
    return Article(
        name=name,
        origin=origin or raw.origin,
        text=fields.text,
        kind="url" if url_origin else raw.kind,
        title=fields.title,
        url=fields.url or url_origin,
        source=fields.source,
        published=fields.published,
        language=fields.language,
        metadata=dict(fields.metadata),
        raw=page,
    )


def _url_origin(raw: RawInput) -> str | None:
    """The URL an input was fetched from, if it was (then `Article.kind` is "url")."""
    return raw.origin if raw.origin.startswith(("http://", "https://")) else None
