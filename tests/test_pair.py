"""Which pair a document is about: the configured pair, or each document's own ('auto')."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import load_options
from bilat.errors import ConfigError
from bilat.extract.actors import extract_actors
from bilat.extract.context import DocContext
from bilat.extract.gazetteer import default_gazetteer
from bilat.extract.nlp import load_nlp
from bilat.extract.pair import document_pair
from bilat.extract.pipeline import doc_sentences


def _ctx(text: str) -> DocContext:
    doc = load_nlp()(text)
    ctx = DocContext("t", text, "2025-03-01", doc_sentences(doc), doc, ents=tuple(doc.ents))
    extract_actors(ctx, default_gazetteer())
    return ctx


TURKEY_AZERBAIJAN = (
    "Turkey and Azerbaijan expand gas trade\n"
    "Turkish President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev in Baku. "
    "Turkey will buy more gas from Azerbaijan, Erdogan said. Russia was not mentioned in the "
    "talks, although Russia and Turkey also trade gas."
)
PAIR_WITH_A_SUBJECT = (
    "Chinese envoy for Ukraine in Moscow\n"
    "China's special envoy discussed Ukraine with Russia's foreign minister. Russia and China "
    "agreed to keep talking. Ukraine and China spoke later. China and Ukraine keep contacts. "
    "Russia and China also discussed trade."
)


@pytest.mark.parametrize(
    ("text", "auto", "expected"),
    [
        # auto: the pair named together most, the configured side first when present
        (TURKEY_AZERBAIJAN, True, ("TR", "AZ")),
        # a third state named as the subject does not displace the configured pair
        (PAIR_WITH_A_SUBJECT, True, ("RU", "CN")),
        # configured pair named on both sides: kept
        (PAIR_WITH_A_SUBJECT, False, ("RU", "CN")),
        # one side named only: read with the state most often named with it
        (
            "Russia and India agreed on oil. India buys Russian oil. Modi met Putin.",
            False,
            ("RU", "IN"),
        ),
        (  # a Seoul wire's headline forms: "N. Korea" is North Korea, not "Korea"
            "(LEAD) N. Korea to send workers to Russia's Kursk: Shoigu\n"
            "SEOUL, June 18 (Yonhap) -- Pyongyang will send builders to Russia. S. Korea's "
            "spy agency said Russia pays for them. South Korea's ministry said Russia and "
            "the South had no talks. Russia and North Korea signed a treaty.",
            True,
            ("RU", "KP"),
        ),
    ],
)
def test_document_pair(text: str, auto: bool, expected: tuple[str, str]) -> None:
    assert document_pair(_ctx(text), auto) == expected


def test_pair_auto_in_a_config_file(tmp_path: Path) -> None:
    conf = tmp_path / "b.toml"
    conf.write_text('[extract]\npair = "auto"\ndefault_pair = ["ru", "in"]\n', encoding="utf-8")
    ex = load_options(conf).extract
    assert (ex.auto_pair, ex.pair) == (True, ("RU", "IN"))
    assert load_options().extract.auto_pair is False
    conf.write_text('[extract]\npair = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"b\.toml"):
        load_options(conf)
