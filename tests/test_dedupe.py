"""Exact and near-duplicate detection (bilat.ingest.dedupe), on real MinHash/LSH, no mocks."""

from __future__ import annotations

import pickle

import pytest

from bilat.ingest import dedupe
from bilat.ingest.clean import clean_article
from bilat.records import Article

# A wire story written for this test, its republication elsewhere (new headline, a "Source:"
# line, two words changed) and a different story on the same topic.
STORY = """Rail freight between Russia and China reaches new high

MOSCOW, March 14 -- Rail freight traffic between Russia and China rose by 12 percent in the \
first two months of the year, the state railway company said on Thursday, as both countries \
continue to shift cargo away from sea routes.

According to the company, trains carried 4.1 million tonnes of goods across the border \
crossings at Zabaikalsk and Grodekovo in January and February. Coal, timber and fertilisers made \
up most of the exports, while machinery, electronics and car parts dominated shipments heading \
west.

The railway said it had added eleven new container services linking Chinese industrial cities \
with terminals near Moscow and Yekaterinburg. Officials expect the border stations to handle more \
than 30 million tonnes this year once a second track on the Zabaikalsk approach opens in the \
summer.

Transport analysts say capacity on the Trans-Siberian and Baikal-Amur lines remains the main \
constraint. Freight operators have complained about long queues at transshipment points, where \
containers must be moved between wagons because the two networks use different track gauges.

The deputy head of the railway told reporters that a joint working group with Chinese partners \
would meet in Harbin next month to discuss timetables, customs checks and digital paperwork that \
could cut waiting times at the border to a few hours.
"""

REPUBLISHED = (
    STORY.replace(
        "Rail freight between Russia and China reaches new high",
        "Russia-China rail cargo grows as shippers avoid the sea",
    )
    .replace("first two months of the year", "first two months of this year")
    .replace("remains the main constraint", "remains the main bottleneck")
    + "\nSource: TASS\n"
)

SAME_TOPIC = """Russia and China discuss new gas pipeline terms

BEIJING, March 20 -- Russian and Chinese energy officials met in Beijing this week to discuss the \
price formula for a planned gas pipeline, but no contract was signed, people familiar with the \
talks said.

The Power of Siberia 2 pipeline would carry up to 50 billion cubic metres of gas a year from \
western Siberia to northern China through Mongolia. Moscow has sought to redirect exports to \
Asia after losing most of its European market, while Beijing has pressed for a price close to \
domestic Russian levels.

Analysts said the two sides remained far apart on financing and on how much gas China would \
commit to buy. Chinese companies already import pipeline gas from Central Asia and liquefied \
natural gas from several suppliers, which gives Beijing leverage in the negotiations.

A spokesman for the Russian energy ministry said talks would continue at the level of working \
groups and that both governments regarded energy cooperation between Russia and China as a \
priority. Trade between the two countries reached a record last year, driven largely by Russian \
oil and Chinese cars and machinery.
"""


def _clean(text: str) -> str:
    clean: str = clean_article(Article(name="t", origin="t", text=text, kind="txt")).clean_text
    return clean


def test_fixture_is_a_realistic_republication() -> None:
    assert 190 <= len(STORY.split()) <= 240
    assert "bottleneck" in REPUBLISHED and "constraint" not in REPUBLISHED
    assert "this year" in REPUBLISHED and REPUBLISHED.endswith("Source: TASS\n")
    assert REPUBLISHED.splitlines()[0] != STORY.splitlines()[0]


def test_content_hash_ignores_whitespace_only() -> None:
    assert dedupe.content_hash("Putin met  Xi.\n\nThey talked.") == dedupe.content_hash(
        " Putin met Xi. They\ttalked. "
    )
    assert dedupe.content_hash("Putin met Xi.") != dedupe.content_hash("Putin met Li.")
    assert len(dedupe.content_hash("x")) == 64


def test_signature_round_trips_through_bytes() -> None:
    sig = dedupe.signature(STORY)
    assert isinstance(sig, bytes) and len(sig) == dedupe.NUM_PERM * 8
    assert sig == dedupe.signature(STORY)  # fixed seed: stable across calls
    assert bytes(dedupe.from_bytes(sig).hashvalues.astype("<u8").tobytes()) == sig
    assert dedupe.jaccard(sig, sig) == 1.0


def test_from_bytes_rejects_wrong_length() -> None:
    with pytest.raises(ValueError):
        dedupe.from_bytes(b"\x00" * 24)


def test_republished_wire_story_is_a_near_duplicate() -> None:
    a, b = _clean(STORY), _clean(REPUBLISHED)
    assert dedupe.content_hash(a) != dedupe.content_hash(b)
    assert dedupe.jaccard(dedupe.signature(a), dedupe.signature(b)) >= 0.8
    index = dedupe.NearDuplicateIndex([(1, dedupe.signature(a))])
    assert index.query(dedupe.signature(b)) == 1


def test_different_story_on_same_topic_is_not() -> None:
    a, other = _clean(STORY), _clean(SAME_TOPIC)
    assert dedupe.jaccard(dedupe.signature(a), dedupe.signature(other)) < 0.2
    index = dedupe.NearDuplicateIndex([(1, dedupe.signature(a))])
    assert index.query(dedupe.signature(other)) is None


def test_query_returns_earliest_added_match() -> None:
    index = dedupe.NearDuplicateIndex()
    index.add(7, dedupe.signature(REPUBLISHED))
    index.add(3, dedupe.signature(STORY))
    index.add(9, dedupe.signature(SAME_TOPIC))
    assert len(index) == 3
    assert index.query(dedupe.signature(STORY)) == 7


def test_readding_an_id_replaces_its_signature() -> None:
    index = dedupe.NearDuplicateIndex([(1, dedupe.signature(STORY))])
    index.add(1, dedupe.signature(SAME_TOPIC))
    assert len(index) == 1
    assert index.query(dedupe.signature(STORY)) is None
    assert index.query(dedupe.signature(SAME_TOPIC)) == 1


def test_candidates_are_verified_against_the_threshold() -> None:
    strict = dedupe.NearDuplicateIndex([(1, dedupe.signature(STORY))], threshold=0.95)
    assert strict.query(dedupe.signature(REPUBLISHED)) is None
    assert strict.query(dedupe.signature(STORY)) == 1


@pytest.mark.parametrize(
    ("stored", "query", "expected"),
    [
        ("Putin met Xi.", "Putin  met Xi.", 1),
        ("Putin met Xi.", "Xi met Putin.", None),
        ("Talks", "Talks", 1),
        ("", "", None),
        ("Putin met Xi.", "", None),
    ],
)
def test_short_texts(stored: str, query: str, expected: int | None) -> None:
    index = dedupe.NearDuplicateIndex([(1, dedupe.signature(stored))])
    assert index.query(dedupe.signature(query)) == expected


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError):
        dedupe.NearDuplicateIndex(threshold=0.0)
    with pytest.raises(ValueError):
        dedupe.NearDuplicateIndex(threshold=1.5)


def test_index_pickles() -> None:
    index = dedupe.NearDuplicateIndex([(1, dedupe.signature(STORY))])
    copy = pickle.loads(pickle.dumps(index))
    assert copy.query(dedupe.signature(REPUBLISHED)) == 1
