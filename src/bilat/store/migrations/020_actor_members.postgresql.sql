-- The record's actors member by member (bilat.store.actor_members): an actor entry's payload
-- holds `"members": null` and its members are rows here, in the actor's order (`seq`, spaced
-- like record positions), so adding documents writes only the members they add (the actor of
-- a state holds a member per document naming it: 17 MB of JSON written again per update at
-- 100,000 documents) and an update reads them as columns, not JSON. An entry written before
-- keeps its members in its payload (readers take either); the first update splits them
-- (`fill_actor_members`, marked by the row below).
CREATE TABLE record_actor_members (
    actor TEXT NOT NULL,
    seq BIGINT NOT NULL,
    ref TEXT,
    doc_id BIGINT,
    doc_name TEXT,
    name TEXT,
    type TEXT,
    country TEXT,
    role TEXT,
    aliases TEXT,
    gid TEXT,
    PRIMARY KEY (actor, seq)
);
CREATE TABLE actor_members_fill (n BIGINT NOT NULL);
INSERT INTO actor_members_fill (n) SELECT COUNT(*) FROM record_items WHERE kind = 'actors'
HAVING COUNT(*) > 0;
