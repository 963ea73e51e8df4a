-- Near-duplicate lookup without loading every signature: each document's MinHash cut into LSH
-- bands, one 64-bit key per band (bilat.ingest.dedupe.band_keys); a lookup reads only the
-- documents sharing a key. `minhash_layout` names the band layout the keys were cut with (it
-- follows ingest.near_duplicate_threshold); another layout rebuilds the keys from `minhash`.
CREATE TABLE minhash_bands (
    band_key BIGINT NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX minhash_bands_key ON minhash_bands (band_key);
CREATE INDEX minhash_bands_doc ON minhash_bands (doc_id);
CREATE TABLE minhash_layout (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    layout TEXT NOT NULL
);
