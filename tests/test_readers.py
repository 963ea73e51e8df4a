"""Reading paths, directories and stdin into RawInputs, and decoding those into Articles."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from bilat.errors import InputRejected
from bilat.ingest.readers import decode, decode_each, decode_jsonl, iter_inputs, read_file
from bilat.records import Article, RawInput

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Leaders meet in Beijing | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T10:00:00+08:00">
<link rel="canonical" href="https://example.org/news/123">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders meet in Beijing</h1>
<p>President Xi Jinping met Prime Minister Anthony Albanese in Beijing on Monday, the first
visit by an Australian leader in seven years.</p>
<p>The two sides agreed to expand trade, which reached 300 billion dollars last year, and signed
a memorandum of understanding on climate cooperation.</p>
<p>Officials said a further round of talks would take place in Canberra on 12 May 2025.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""

TXT = "Xi met Albanese in Beijing.\r\nTrade grew 5%.\n"
GOOD_JSON = {
    "text": "Wang Yi met Penny Wong in Canberra.",
    "title": "Foreign ministers meet",
    "published": "2024-03-05T10:00:00Z",
    "source": "Example Wire",
    "section": "world",
    "tags": ["diplomacy"],
}
JSONL = (
    '{"id": "rec-1", "text": "First record."}\n'
    '{"text": "broken", \n'
    '{"text": "Third record.", "published": "2024-02"}\n'
)
HUGE = 60_000_000

GOOD_FILES = {
    "001_9cf5062af831eb83.txt": TXT.encode(),
    "notes.md": b"# Notes\n\nTrade talks resumed.\n",
    "article.json": json.dumps(GOOD_JSON).encode(),
    "feed.jsonl": JSONL.encode(),
    "page.html": PAGE.encode(),
    "sub/deeper/nested.txt": b"Nested article.",
}
SKIPPED_FILES = {
    ".hidden.txt": b"hidden",
    ".git/HEAD.txt": b"hidden dir",
    "image.png": b"\x89PNG\r\n\x1a\n",
    "README": b"no suffix",
}
# file name -> words its rejection reason must contain
BAD_FILES = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t\r\n  ", "only whitespace"),
    "latin1.txt": (b"caf\xe9 au lait", "not valid UTF-8: byte 0xe9 at offset 3"),
    "broken.json": (b'{"text": "abc",\n "title": }', "invalid JSON at line 2, column 11"),
    "notext.json": (b'{"title": "no text here"}', "missing required field 'text'"),
    "list.json": (b'[{"text": "a"}, {"text": "b"}]', "use .jsonl for several"),
    "broken.html": (b"<html><head><title>x</title></head><body><div></div>", "no article text"),
}


def _write(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    _write(root, GOOD_FILES | SKIPPED_FILES | {k: v[0] for k, v in BAD_FILES.items()})
    with (root / "huge.txt").open("wb") as f:
        f.truncate(HUGE)  # sparse: no 60 MB written to disk
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")
    return root


def _ingest(paths: list[str], **kwargs: object) -> tuple[list[Article], list[InputRejected]]:
    articles: list[Article] = []
    rejects: list[InputRejected] = []
    for item in iter_inputs(paths, **kwargs):  # type: ignore[arg-type]
        results = [item] if isinstance(item, InputRejected) else list(decode_each(item))
        for result in results:
            target = rejects if isinstance(result, InputRejected) else articles
            target.append(result)  # type: ignore[arg-type]
    return articles, rejects


def _raw(name: str, data: bytes | str, kind: str | None = None) -> RawInput:
    data = data.encode() if isinstance(data, str) else data
    return RawInput(name=name, origin=f"/in/{name}", data=data, kind=kind or name.rsplit(".")[-1])


# --- the folder as a whole ---------------------------------------------------------------


def test_folder_yields_good_articles_and_one_reject_per_bad_input(corpus: Path) -> None:
    articles, rejects = _ingest([str(corpus)])
    assert [a.name for a in articles] == [
        "001_9cf5062af831eb83.txt",
        "article.json",
        "rec-1",
        "feed.jsonl:3",
        "notes.md",
        "page.html",
        "sub/deeper/nested.txt",
    ]
    expected_rejects = {*BAD_FILES, "huge.txt", "dangling.txt", "pipe.txt", "feed.jsonl:2"}
    assert sorted(r.name for r in rejects) == sorted(expected_rejects)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_is_rejected_with_its_reason(corpus: Path, name: str) -> None:
    _, rejects = _ingest([str(corpus)])
    mine = [r for r in rejects if r.name == name]
    assert len(mine) == 1
    assert BAD_FILES[name][1] in mine[0].reason
    assert str(mine[0]).startswith(f"{name}: ")


def test_hidden_and_unsupported_files_are_skipped_silently(corpus: Path) -> None:
    names = [item.name for item in iter_inputs([str(corpus)])]
    assert not {".hidden.txt", "HEAD.txt", "image.png", "README"} & set(names)


def test_directory_traversal_is_sorted_and_recursive(tmp_path: Path) -> None:
    _write(tmp_path, {"b.txt": b"b", "a/z.txt": b"z", "a/b/y.md": b"y", "c.txt": b"c"})
    items = list(iter_inputs([str(tmp_path)]))
    origins = [item.origin for item in items if isinstance(item, RawInput)]
    assert len(origins) == len(items)
    rel = [str(Path(o).relative_to(tmp_path)) for o in origins]
    assert rel == ["a/b/y.md", "a/z.txt", "b.txt", "c.txt"]


# --- unreadable and oversized paths ------------------------------------------------------


def test_huge_file_is_refused_from_stat_without_reading(corpus: Path) -> None:
    item = read_file(corpus / "huge.txt")
    assert isinstance(item, InputRejected)
    assert "60 MB" in item.reason and "20 MB cap" in item.reason


def test_size_cap_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    assert isinstance(read_file(path, max_bytes=10), InputRejected)
    assert isinstance(read_file(path, max_bytes=11), RawInput)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("dangling.txt", "broken symbolic link"),
        ("pipe.txt", "not a regular file (a named pipe/FIFO)"),
        ("missing.txt", "no such file"),
    ],
)
def test_unreadable_paths_are_rejected(corpus: Path, name: str, reason: str) -> None:
    items = list(iter_inputs([str(corpus / name)]))
    assert len(items) == 1 and isinstance(items[0], InputRejected)
    assert items[0].name == name and reason in items[0].reason


def test_explicit_file_with_unknown_suffix_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, InputRejected) and "unsupported file type '.pdf'" in item.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("secret")
    path.chmod(0)
    (item,) = iter_inputs([str(path)])
    assert isinstance(item, InputRejected) and "permission denied" in item.reason


def test_batch_goes_on_after_a_bad_path(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine")
    items = list(iter_inputs([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(items[0], InputRejected) and isinstance(items[1], RawInput)


# --- stdin ------------------------------------------------------------------------------


def test_stdin_text() -> None:
    (raw,) = iter_inputs(["-"], stdin=io.BytesIO(b"Plain text from a pipe.\n"))
    assert isinstance(raw, RawInput) and (raw.name, raw.kind) == ("stdin", "txt")
    (article,) = decode(raw)
    assert article.text == "Plain text from a pipe.\n" and article.kind == "txt"


def test_stdin_json_article() -> None:
    (raw,) = iter_inputs(["-"], stdin=io.BytesIO(json.dumps(GOOD_JSON).encode()))
    assert isinstance(raw, RawInput) and raw.kind == "json"
    (article,) = decode(raw)
    assert article.name == "stdin" and article.title == "Foreign ministers meet"


def test_stdin_json_without_text_is_plain_text() -> None:
    (raw,) = iter_inputs(["-"], stdin=io.BytesIO(b'{"title": "x"}'))
    assert isinstance(raw, RawInput) and raw.kind == "txt"


# --- text --------------------------------------------------------------------------------


def test_text_is_kept_exactly_as_read() -> None:
    (article,) = decode(_raw("a.txt", TXT))
    assert article.text == TXT  # CRLF untouched: offsets stay stable


def test_utf8_bom_is_accepted_and_removed() -> None:
    (article,) = decode(_raw("a.md", b"\xef\xbb\xbfHello"))
    assert article.text == "Hello" and article.kind == "md"


def test_invalid_utf8_names_line_column_and_offset_counting_the_bom() -> None:
    with pytest.raises(InputRejected) as info:
        decode(_raw("a.txt", b"\xef\xbb\xbfok\nbad \xff here"))
    assert "offset 10 (line 2, column 5)" in info.value.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (bytes(range(1, 32)) * 20, "control bytes"),
        (b"PK\x03\x04rest", "ZIP archive"),
        (" \u3000\n".encode(), "only whitespace"),
    ],
)
def test_non_text_is_rejected(data: bytes, reason: str) -> None:
    with pytest.raises(InputRejected, match=reason):
        decode(_raw("a.txt", data))


# --- JSON --------------------------------------------------------------------------------


def test_json_article_fields_and_metadata() -> None:
    (article,) = decode(_raw("article.json", json.dumps(GOOD_JSON)))
    assert article.name == "article.json" and article.kind == "json"
    assert article.text == GOOD_JSON["text"] and article.title == "Foreign ministers meet"
    assert article.published == "2024-03-05" and article.source == "Example Wire"
    assert article.metadata == {"section": "world", "tags": ["diplomacy"]}
    assert article.raw is None


@pytest.mark.parametrize(
    ("obj", "reason"),
    [
        ({"text": "t", "published": 2024}, "field 'published' must be a string or null, got a num"),
        ({"text": "t", "title": ["a"]}, "field 'title' must be a string or null, got a list"),
        ({"text": 5}, "field 'text' must be a string, got a number"),
        ({"text": "  "}, "field 'text': is empty"),
        ({"text": "t", "published": "5 March 2024"}, "not an ISO date"),
        ({"text": "t", "published": "2024-02-30"}, "not a valid date"),
        ("just a string", "expected a JSON object (an article), found a string"),
        (None, "found null"),
    ],
)
def test_json_with_wrong_types_is_rejected(obj: object, reason: str) -> None:
    with pytest.raises(InputRejected) as info:
        decode(_raw("a.json", json.dumps(obj)))
    assert reason in info.value.reason and info.value.name == "a.json"


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-05 08:00", "2024-03-05"), (None, None)],
)
def test_json_published_is_normalised_iso(published: str | None, expected: str | None) -> None:
    (article,) = decode(_raw("a.json", json.dumps({"text": "t", "published": published})))
    assert article.published == expected


# --- JSONL -------------------------------------------------------------------------------


def test_jsonl_bad_line_is_its_own_reject() -> None:
    items = list(decode_jsonl(_raw("feed.jsonl", JSONL)))
    first, bad, third = items
    assert isinstance(first, Article) and first.name == "rec-1"
    assert first.metadata == {"id": "rec-1"} and first.origin == "/in/feed.jsonl#1"
    assert isinstance(bad, InputRejected) and bad.name == "feed.jsonl:2"
    assert "invalid JSON at column" in bad.reason
    assert isinstance(third, Article) and third.name == "feed.jsonl:3"
    assert third.published == "2024-02" and third.kind == "jsonl"


def test_jsonl_name_from_name_or_numeric_id_and_blank_lines_skipped() -> None:
    data = '{"name": "n-1", "text": "a"}\n\n{"id": 7, "text": "b"}\n'
    names = [a.name for a in decode(_raw("f.jsonl", data))]
    assert names == ["n-1", "7"]


def test_jsonl_lists_are_rejected_per_line() -> None:
    (item,) = decode_jsonl(_raw("f.jsonl", '[{"text": "a"}]\n'))
    assert isinstance(item, InputRejected) and "found a list" in item.reason


def test_decode_is_strict_on_jsonl() -> None:
    with pytest.raises(InputRejected) as info:
        decode(_raw("feed.jsonl", JSONL))
    assert info.value.name == "feed.jsonl:2"


def test_binary_jsonl_is_one_reject() -> None:
    items = list(decode_jsonl(_raw("f.jsonl", b"\x00\x01\x02" * 10)))
    assert len(items) == 1 and isinstance(items[0], InputRejected)
    assert items[0].name == "f.jsonl"


# --- HTML --------------------------------------------------------------------------------


def test_html_main_text_and_stated_metadata() -> None:
    (article,) = decode(_raw("page.html", PAGE))
    assert article.kind == "html" and article.raw == PAGE
    assert article.text.startswith("Leaders meet in Beijing\nPresident Xi Jinping met")
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title == "Leaders meet in Beijing"
    assert article.published == "2024-03-05"
    assert article.url == "https://example.org/news/123"
    assert article.source == "Example News" and article.language == "en"


def test_html_date_is_never_guessed_from_text() -> None:
    meta = '<meta property="article:published_time" content="2024-03-05T10:00:00+08:00">'
    page = PAGE.replace(meta, "").replace("<article>", "<article><p>Published 5 March 2024</p>")
    (article,) = decode(_raw("page.htm", page, kind="html"))
    assert article.published is None


def test_html_declared_meta_charset_is_honoured() -> None:
    page = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("Xi", "Xí")
    (article,) = decode(_raw("page.html", page.encode("cp1252")))
    assert "President Xí Jinping" in article.text


def test_html_without_declared_charset_must_be_utf8() -> None:
    with pytest.raises(InputRejected, match="not valid UTF-8"):
        decode(_raw("page.html", PAGE.replace("Xi", "Xí").encode("cp1252")))
