"""The apparatus of a report extracted from a PDF: footnote markers and the list of notes.

needs : the lines of a text (as `clean` splits them)
adds  : spans to delete — a footnote number glued to the end of a sentence ("... the
        all-time high of $244.8 billion in 2024.2 Chinese exports ...", "... in rubles and
        yuan.6"), and the lines of a "References" / "Notes" list ("1 Kremlin, “Conversation
        with ...,” January 21, 2025.")

Think-tank briefs, research papers and official reports reach bilat as the text a PDF
reader returns: the markers of their notes end up glued to the sentence's last word or year,
where they read as decimals ("2024.2", "2030.8") or counts, and each note of the list is a
numbered line with a date and page numbers that are no figures. Only deletions: the text is
never rewritten, so every quote still maps onto the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["MARKER_REASON", "NOTES_REASON", "footnote_markers", "note_lines"]

MARKER_REASON = "footnote marker"
NOTES_REASON = "notes"

# a note number right after a sentence's final stop and before the next sentence or the
# line's end: after a word of three letters or more ("billion.3", "Sea.3"; not "No.1", "p.3",
# "U.S.3"), a percent sign or bracket ("(KTZ).10"), a year or span of years ("in 2024.2
# Chinese", "2019–23.5 The") or a closing quote (".”6")
_MARKER = re.compile(
    r"(?:(?<=[A-Za-z]{3}\.)|(?<=[%)]\.)|(?<=[”’\"]\.)|(?<=\.[”’\"])"
    r"|(?<![\d.,]\d{4}\.)(?<=(?:19|20)\d\d\.)|(?<=(?:19|20)\d\d[–-]\d\d\.))"
    r"(\d{1,2})(?=\s+[A-Z“‘\"(]|\s*$)"
)
_NOT_A_WORD_END = re.compile(r"\b(?:vol|para|art|fig|sec|chap|nos?|pp?)\.$", re.I)
# the heading of a list of notes, alone on its line
_NOTES_HEADING = re.compile(
    r"(?:references|notes|endnotes|footnotes|sources|bibliography|notes\s+and\s+references"
    r"|literature|список\s+литературы|примечания|источники)\s*:?",
    re.I,
)
# one note: its number, then the source ("1 Kremlin, ...", "12. Ibid.", "[3] TASS, ...")
_NOTE = re.compile(r"(?:\[\d{1,3}\]|\d{1,3}\.?)\s+\S")


def footnote_markers(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of note numbers glued to sentence ends within text[start:end]."""
    for m in _MARKER.finditer(text, start, end):
        if not _NOT_A_WORD_END.search(text, max(start, m.start() - 8), m.start()):
            yield m.start(), m.end()


def note_lines(count: int, line: Callable[[int], str]) -> list[int]:
    """The indices of a notes list's heading and numbered notes: a heading line followed by
    notes (blank lines between them allowed); the list ends at the first other line."""
    found: list[int] = []
    for i in range(count):
        if not _NOTES_HEADING.fullmatch(line(i).strip()):
            continue
        notes = []
        j = i + 1
        while j < count and (not line(j).strip() or _NOTE.match(line(j).strip())):
            if line(j).strip():
                notes.append(j)
            j += 1
        if len(notes) >= 2:  # a heading over one numbered line may be a section's own
            found += [i, *notes]
    return found
