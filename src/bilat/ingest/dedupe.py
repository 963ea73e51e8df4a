"""Exact and near-duplicate detection for clean texts.

needs : clean text
adds  : `content_hash` (exact duplicates), a MinHash `signature` (bytes, storable), and a
        `NearDuplicateIndex` answering "which stored document is this a near-copy of?"

Near duplicates are judged on word 5-shingles: a MinHash with 128 permutations, a fixed seed and
a fixed scheme, so signatures computed in different runs or processes are comparable.  The LSH
index only proposes candidates (at a lower threshold, to miss fewer); each candidate is then
verified with the MinHash Jaccard estimate, and the earliest-added document at or above the
threshold wins.  Texts shorter than one shingle are hashed as a single shingle; empty texts
match nothing.

`band_keys` cuts a signature into the same LSH bands as `NearDuplicateIndex` (the layout
datasketch picks for the candidate threshold), one 64-bit key per band, so a store can keep the
bands in an indexed table and look up only the documents sharing a band (`bilat.store.bands`)
instead of loading every signature: the same candidates, hence the same decisions.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "DEFAULT_THRESHOLD",
    "NUM_PERM",
    "SCHEME",
    "SEED",
    "SHINGLE_WORDS",
    "NearDuplicateIndex",
    "band_keys",
    "band_layout",
    "content_hash",
    "from_bytes",
    "is_empty",
    "jaccard",
    "minhash",
    "signature",
]

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch >= 2.0 permutation scheme; signatures of other schemes differ
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8
_CANDIDATE_MARGIN = 0.15  # LSH threshold = threshold - margin, verified afterwards
_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u8")
_EMPTY = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).hashvalues.astype(_DTYPE).tobytes()


def content_hash(text: str) -> str:
    """sha256 (hex) of `text` with runs of whitespace collapsed and ends stripped."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word `size`-grams of `text`; the whole word sequence when shorter."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles(text)])
    return mh


def signature(text: str) -> bytes:
    """The MinHash of `text` as bytes (128 little-endian uint64 hash values)."""
    return bytes(minhash(text).hashvalues.astype(_DTYPE).tobytes())


def from_bytes(sig: bytes) -> MinHash:
    """A MinHash rebuilt from `signature()` bytes."""
    values = np.frombuffer(sig, dtype=_DTYPE)
    if values.size != NUM_PERM:
        raise ValueError(f"signature has {values.size} values, expected {NUM_PERM}")
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=values.astype(np.uint64))


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(from_bytes(a).jaccard(from_bytes(b)))


def _lsh_threshold(threshold: float) -> float:
    return max(threshold - _CANDIDATE_MARGIN, 0.05)


@functools.cache  # datasketch integrates the false positive/negative curves: ~0.1 s
def band_layout(threshold: float) -> tuple[int, int]:
    """(bands, rows per band) of the LSH behind a near-duplicate `threshold`."""
    lsh = MinHashLSH(threshold=_lsh_threshold(threshold), num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(sig: bytes, layout: tuple[int, int]) -> list[int]:
    """One signed 64-bit key per LSH band of `sig` (band number and its hash values): two
    signatures share a key exactly when they agree on a whole band (barring a 2**-64 clash,
    which only adds a candidate that verification then judges)."""
    bands, rows = layout
    width = rows * _DTYPE.itemsize
    out = []
    for band in range(bands):
        digest = hashlib.blake2b(
            sig[band * width : (band + 1) * width], digest_size=8, person=b"bilat-band%03d" % band
        ).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def is_empty(sig: bytes) -> bool:
    """The signature of a text without words: it matches nothing."""
    return bool(sig == _EMPTY)


class NearDuplicateIndex:
    """Stored signatures, queried for the earliest document with Jaccard >= `threshold`."""

    def __init__(
        self, entries: Iterable[tuple[int, bytes]] = (), threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=_lsh_threshold(threshold), num_perm=NUM_PERM)
        self._docs: dict[int, tuple[int, MinHash]] = {}  # doc id -> (insertion order, minhash)
        self._counter = 0
        for doc_id, sig in entries:
            self.add(doc_id, sig)

    def __len__(self) -> int:
        return len(self._docs)

    def add(self, doc_id: int, sig: bytes) -> None:
        """Index `doc_id`; re-adding an id replaces its signature but keeps its age."""
        mh = from_bytes(sig)
        order = self._counter
        if doc_id in self._docs:
            order = self._docs[doc_id][0]
        if doc_id in self._lsh:
            self._lsh.remove(doc_id)
        self._counter += 1
        self._docs[doc_id] = (order, mh)
        if sig != _EMPTY:
            self._lsh.insert(doc_id, mh)

    def query(self, sig: bytes) -> int | None:
        """The earliest-added document whose estimated Jaccard with `sig` >= threshold."""
        if sig == _EMPTY:
            return None
        mh = from_bytes(sig)
        matches = [
            (self._docs[key][0], key)
            for key in self._lsh.query(mh)
            if self._docs[key][1].jaccard(mh) >= self.threshold
        ]
        return min(matches)[1] if matches else None
