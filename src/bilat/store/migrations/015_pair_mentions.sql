-- A pair's timeline in date order (bilat.store.item_lists): each event mention of a cluster in
-- a pair's view, keyed (pair, day, mention) where day is the mention's stored date or '' (the
-- timeline's order), and the cluster's position (a patch removes a cluster's rows by it).
-- Written with the record's keys (bilat.store.record_keys); filled here from the keys a record
-- stored before already has, so it needs no rebuild.
CREATE TABLE record_pair_mentions (
    pair TEXT NOT NULL,
    day TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    pos BIGINT NOT NULL,
    PRIMARY KEY (pair, day, item_id)
);
CREATE INDEX record_pair_mentions_pos ON record_pair_mentions (pos);
INSERT INTO record_pair_mentions (pair, day, item_id, pos)
SELECT p.pair, COALESCE(e.date, ''), e.id, r.pos
FROM record_item_pairs p CROSS JOIN record_item_refs r CROSS JOIN events e
WHERE p.kind = 'events' AND r.kind = p.kind AND r.pos = p.pos AND e.id = r.item_id;
