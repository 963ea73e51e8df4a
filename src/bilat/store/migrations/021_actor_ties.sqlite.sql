-- The stored actors' tie keys (bilat.store.actor_members, bilat.reconcile._tie_search): a row
-- per actor and key through which clustering may join one of its members to another member
-- (gazetteer id, name keys, a one-word person's name, a person's surname words), so an update
-- finds the actors tied to the members it adds by key, not by going over every stored member
-- (a million at 100,000 documents). Written with the member rows; a record written before
-- has none until its first update fills them (`fill_actor_ties`, marked by the row below).
-- (SQLite: stored in key order, so the holders of a tie are one range of it)
CREATE TABLE record_actor_ties (
    tie TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (tie, actor)
) WITHOUT ROWID;
CREATE INDEX record_actor_ties_actor ON record_actor_ties (actor, tie);
CREATE TABLE actor_ties_fill (n BIGINT NOT NULL);
INSERT INTO actor_ties_fill (n) SELECT COUNT(*) FROM record_items WHERE kind = 'actors'
HAVING COUNT(*) > 0;
