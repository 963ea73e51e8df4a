-- An actor's page lists the newest figures it said and statements naming it (document, id
-- descending: bilat.store.item_lists.named_rows). Each name is now one index range read
-- newest first, stopping after a page, instead of every row naming it sorted (3,555
-- commitments name "Xi Jinping" at 100k): figures by (said_by, doc_id, id), statements by
-- their parties with the statement's document (written with the parties, bilat.store.items).
ALTER TABLE item_parties ADD COLUMN doc_id BIGINT;
UPDATE item_parties SET doc_id = (SELECT a.doc_id FROM agreements a WHERE a.id = item_parties.item_id)
WHERE kind = 'agreements';
UPDATE item_parties SET doc_id = (SELECT c.doc_id FROM commitments c WHERE c.id = item_parties.item_id)
WHERE kind = 'commitments';
CREATE INDEX item_parties_newest ON item_parties (kind, name, doc_id, item_id);
CREATE INDEX figures_said_by_newest ON figures (said_by, doc_id, id);
DROP INDEX figures_said_by;
