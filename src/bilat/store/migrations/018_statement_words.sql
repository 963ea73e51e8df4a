-- The title words of each agreement statement (`reconcile._text.content_words`), one row
-- each, so adding documents reads only the statements whose titles can match the new ones
-- (bilat.record: two titles of Dice >= t share a word among the rarest of either) instead of
-- every statement. Written with the items (bilat.store.items); the statements stored before
-- this migration are filled by code on first use (`fill_statement_words`: the words are no
-- SQL function), up to the highest agreement id of the row below.
CREATE TABLE statement_words (
    word TEXT NOT NULL,
    doc_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    PRIMARY KEY (word, doc_id, item_id)
);
CREATE INDEX statement_words_item ON statement_words (item_id);
CREATE TABLE statement_words_fill (upto BIGINT NOT NULL);
INSERT INTO statement_words_fill (upto) SELECT MAX(id) FROM agreements HAVING COUNT(*) > 0;
