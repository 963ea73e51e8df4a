"""The bad inputs of `test_bad_inputs.py`: one `Case` per kind, with what must happen to it.

Every text here is written for these tests. A case is either rejected (the reason must contain
`reason`), stored (`stored=True`, with the text it must keep), or stored and then quarantined
by extraction (`failed`: the failure reason must contain it).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

__all__ = ["CASES", "GOOD", "Case"]

# Plain reports that must come through every batch untouched (sorted first, middle and last).
GOOD = {
    "000-good.txt": "Russia and China signed a trade agreement in Moscow on Monday, the ministry "
    "said. Trade between the two countries reached 200 billion dollars last year.\n",
    "m-good.json": json.dumps(
        {
            "text": "Chinese and Russian officials met in Beijing on Tuesday to discuss energy "
            "supplies, a spokesman said.",
            "published": "2025-03-04",
        }
    ),
    "zzz-good.md": "# Talks\n\nThe foreign ministers of Russia and China held talks in Beijing "
    "on 12 May 2025 about a new pipeline.\n",
}

_REPORT = "Russia and China agreed on new rail links in Harbin on Friday, officials said."


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # file name (the kind's id)
    data: bytes
    reason: str | None = None  # a reject whose reason contains this
    stored: str | None = None  # stored: the document text contains this
    failed: str | None = None  # stored, then extraction quarantines it with this reason
    lines: int = 1  # JSONL: bad lines, each its own reject row

    @property
    def rejects(self) -> int:
        """Reject rows this input yields."""
        return self.lines if self.reason is not None else 0


def _json(obj: object) -> bytes:
    return json.dumps(obj).encode()


def _deep(n: int) -> bytes:
    return b'{"text": "%s", "a": %s%s}' % (_REPORT.encode(), b"[" * n, b"]" * n)


def _big_int(digits: int, sign: str = "") -> bytes:
    return b'{"text": "%s", "n": %s%s}' % (_REPORT.encode(), sign.encode(), b"7" * digits)


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _good_line(key: str) -> str:
    return json.dumps({"id": key, "text": f"{_REPORT} Report {key}."})


def _deep_html(depth: int) -> bytes:
    body = (
        "<p>Chinese and Russian envoys opened a consulate in Kazan on Monday, the mayor said.</p>"
    )
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode()


CASES: tuple[Case, ...] = (
    # hostile JSON
    Case("json-deep-100k.json", _deep(100_000), reason="nested more than 64 levels"),
    Case("json-deep-65.json", _deep(65), reason="nested more than 64 levels"),
    Case("json-deep-60.json", _deep(60), stored="rail links"),
    Case("json-int-5000-digits.json", _big_int(5000), reason="5,000 digits"),
    Case("json-negative-int-5000.json", _big_int(5000, "-"), reason="5,000 digits"),
    Case("json-int-101-digits.json", _big_int(101), reason="101 digits"),
    Case(
        "json-float-overflow.json", b'{"text": "%s", "x": 1e999}' % _REPORT.encode(), stored="rail"
    ),
    Case("json-title-nul.json", _json({"text": _REPORT, "title": "a\x00b"}), reason="NUL"),
    Case("json-text-nul.json", _json({"text": _REPORT + "\x00"}), reason="NUL character"),
    Case(
        "json-text-surrogate.json",
        b'{"text": "Russia \\udc00 and China met."}',
        reason="lone surrogate (\\udc00)",
    ),
    Case(
        "json-key-surrogate.json",
        b'{"text": "%s", "k\\ud800": 1}' % _REPORT.encode(),
        reason="lone surrogate",
    ),
    Case(
        "json-meta-nul-nested.json",
        _json({"text": _REPORT, "tags": [{"x": "a\x00"}]}),
        reason="tags[0].x",
    ),
    Case("json-a-list.json", _json([{"text": _REPORT}]), reason="found a list of 1"),
    Case("json-a-string.json", b'"just a string"', reason="found a string"),
    Case("json-syntax.json", b'{"text": "unterminated', reason="invalid JSON at line 1"),
    Case("json-no-text.json", _json({"title": "Only a title"}), reason="missing required field"),
    Case("json-text-number.json", _json({"text": 12}), reason="must be a string"),
    Case("json-text-empty.json", _json({"text": ""}), reason="is empty"),
    Case("json-text-spaces.json", _json({"text": "   \n\t "}), reason="is empty"),
    Case(
        "json-language-list.json", _json({"text": _REPORT, "language": ["en"]}), reason="language"
    ),
    Case(
        "json-bad-published.json",
        _json({"text": _REPORT, "published": "2024-20-13"}),
        reason="month",
    ),
    Case(
        "json-meta-bad-date.json", _json({"text": _REPORT, "date": "2024-20-13"}), stored="Harbin"
    ),
    Case("json-bom.json", b"\xef\xbb\xbf" + _json({"text": _REPORT}), stored="rail links"),
    Case(
        "json-duplicate-keys.json",
        b'{"text": "x", "text": "%s"}' % _REPORT.encode(),
        stored="Harbin",
    ),
    Case("json-big-id.json", _json({"id": 10**30, "text": _REPORT}), stored="Harbin"),
    # JSON Lines: one reject per bad line, the good lines kept
    Case(
        "jsonl-surrogate-and-nul-ids.jsonl",
        b'{"id": "a\\ud800", "text": "x y"}\n{"id": "b\\u0000", "text": "x y"}\n'
        + _good_line("jsonl-ok-1").encode()
        + b"\n",
        reason="field 'id' contains",
        lines=2,
    ),
    Case(
        "jsonl-same-reason-twice.jsonl",
        _jsonl("{bad", "{bad", _good_line("jsonl-ok-2")),
        reason="invalid JSON at column 2",
        lines=2,
    ),
    Case(
        "jsonl-deep-line.jsonl",
        _deep(5000) + b"\n" + _good_line("jsonl-ok-3").encode() + b"\n",
        reason="nested more than",
    ),
    Case(
        "jsonl-big-int-line.jsonl",
        _big_int(5000) + b"\n" + _good_line("jsonl-ok-4").encode() + b"\n",
        reason="digits",
    ),
    Case("jsonl-a-list-line.jsonl", _jsonl("[1, 2]", _good_line("jsonl-ok-5")), reason="a list"),
    Case("jsonl-blank-lines.jsonl", b"\n\n   \n" + _good_line("jsonl-ok-6").encode()),
    # encodings and binary content
    Case("utf16-le-no-bom.txt", _REPORT.encode("utf-16-le"), reason="UTF-16 (little-endian, no"),
    Case("utf16-be-no-bom.txt", _REPORT.encode("utf-16-be"), reason="UTF-16 (big-endian, no"),
    Case("utf16-bom.txt", _REPORT.encode("utf-16"), reason="byte order mark found"),
    Case(
        "latin1.txt", "Der Präsident traf Xi in Moskau.".encode("latin-1"), reason="not valid UTF-8"
    ),
    Case("nul-bytes.txt", b"Russia\x00and\x00China\x00\x01\x02met", reason="NUL bytes"),
    Case("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), reason="a PNG image"),
    Case("gzip.txt", gzip.compress(_REPORT.encode()), reason="gzip-compressed"),
    Case("pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", reason="a PDF document"),
    Case("controls.txt", bytes(range(1, 9)) * 50, reason="control bytes"),
    Case("utf8-bom.txt", b"\xef\xbb\xbf" + _REPORT.encode(), stored="rail links"),
    Case("crlf.txt", _REPORT.replace(", ", ",\r\n").encode(), stored="officials said"),
    Case("emoji-rtl.txt", f"{_REPORT} 🚄 مرحبا שלום".encode(), stored="🚄"),
    # empty and blank inputs
    Case("empty.txt", b"", reason="empty file (0 bytes)"),
    Case("spaces.txt", b"     ", reason="only whitespace"),
    Case("newlines.md", b"\n\n\r\n\t\n", reason="only whitespace"),
    Case("empty.jsonl", b"", reason="empty file"),
    Case("empty.html", b"", reason="empty file"),
    # HTML
    Case("html-nested-10k.html", _deep_html(10_000), stored="consulate in Kazan"),
    Case("html-nested-300.html", _deep_html(300), stored="consulate in Kazan"),
    Case(
        "html-no-text.html",
        b"<html><body><script>var a = 1;</script></body></html>",
        reason="no article text",
    ),
    Case(
        "html-latin1-meta.html",
        (
            "<html><head><meta charset='iso-8859-1'></head><body><article><p>"
            + "Der Außenminister Russlands traf den chinesischen Botschafter in Moskau. " * 3
            + "</p></article></body></html>"
        ).encode("latin-1"),
        stored="Außenminister",
    ),
    # impossible dates in text (IllegalMonthError must never escape)
    Case(
        "date-month-20.txt",
        f"{_REPORT} Talks are set for 2024-20-13 in Moscow.".encode(),
        stored="2024-20-13",
    ),
    Case(
        "date-feb-30.txt",
        f"{_REPORT} The deal was signed on 2024-02-30.".encode(),
        stored="2024-02-30",
    ),
    Case(
        "date-day-0.txt",
        f"{_REPORT} It was dated 0 March 2024 and 13/13/2024.".encode(),
        stored="13/13/2024",
    ),
    Case(
        "date-year-0.txt",
        f"{_REPORT} Records from 0000-01-01 and 9999-12-31.".encode(),
        stored="9999-12-31",
    ),
    # resource limits
    Case("too-long.txt", ("Go now. " * 12_600).encode(), reason="over the 100,000 limit"),
    Case(
        "long-sentence.txt",
        (" ".join(["word"] * 1200) + ".").encode(),
        failed="max_sentence_tokens",
    ),
    Case("many-sentences.txt", b"Go.\n" * 2500, failed="extract.max_sentences"),
    Case(
        "one-giant-token.txt",
        b"x" * 90_000 + b" Russia and China met.",
        stored="Russia and China met",
    ),
)
