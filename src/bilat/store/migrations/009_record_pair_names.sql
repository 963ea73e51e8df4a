-- record_pair_names counts, per pair, the record entries naming each actor: actors are filed under
-- the pairs whose entries name them, and adding documents (bilat.store.record_patch) moves
-- these counts instead of reading every entry. A record built before has none (nor sort
-- keys, 009_record_sort): it is marked stale, so the next use rebuilds it.
CREATE TABLE record_pair_names (
    pair TEXT NOT NULL,
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (pair, name)
);
UPDATE record_meta SET source = NULL;
