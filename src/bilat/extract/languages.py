"""The languages bilat extracts, and the warning a document in any other language carries.

English documents go through the English mention layer, Russian ones (`language = ru`)
through `bilat.extract.nlp_ru`; the stages after the mentions are shared. A document in
another language is stored and read with the English rules, which find little or nothing in
it, so it is marked with a warning (CLI log at ingest, document page) instead of passing as
silently "ok".
"""

from __future__ import annotations

__all__ = ["EXTRACTED_LANGUAGES", "language_warning"]

EXTRACTED_LANGUAGES = ("en", "ru")


def language_warning(language: str | None) -> str | None:
    """The warning for a document whose language bilat does not extract, else None."""
    if language is None or language in EXTRACTED_LANGUAGES:
        return None
    known = ", ".join(EXTRACTED_LANGUAGES)
    return (
        f"language {language!r} is not one bilat extracts ({known}): the article is stored, "
        "but its actors, events and figures are mostly missing"
    )
