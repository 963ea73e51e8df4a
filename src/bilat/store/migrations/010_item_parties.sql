-- The parties each agreement and commitment statement names, one row each, so an actor's
-- page finds its statements by index (bilat.store.items writes them with the items).
CREATE TABLE item_parties (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (kind, name, item_id)
);
CREATE INDEX item_parties_item ON item_parties (kind, item_id);
CREATE INDEX figures_said_by ON figures (said_by);
