-- The title words of the agreement statements by distinct title (`content_words`, as
-- `statement_words` holds them per statement), and the statements by title: following the
-- chain of title matches from the added statements reads titles (a title repeated every
-- year once: 73 titles hold the 144,206 statements of the generated 100,000-document store,
-- where the chain read 68,773 statements' titles), and only the statements of the titles
-- reached are read (bilat.record_delta, `reconcile._agreement_delta._reached`). Written with
-- the items (bilat.store.items: a title not indexed yet); a title whose statements are gone
-- keeps its rows (it leads to no statement). The titles stored before this migration are
-- indexed by code on first use (`fill_title_words`: the words are no SQL function), marked
-- by the row below.
CREATE TABLE title_words (
    word TEXT NOT NULL,
    title TEXT NOT NULL,
    PRIMARY KEY (word, title)
);
CREATE INDEX agreements_title ON agreements (title);
CREATE TABLE title_words_fill (n INTEGER NOT NULL);
INSERT INTO title_words_fill (n) SELECT COUNT(*) FROM agreements HAVING COUNT(*) > 0;
