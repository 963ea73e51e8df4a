-- Figure rows of current documents counted per measure, quantity (flow, unit, kind, per),
-- period, outlet, document pair and qualifier, when the record is written
-- (bilat.store.figure_groups): the figures page draws a large quantity a mark per group
-- without counting every row of the measure per request. `pairs` lists ("|a|b|") the pair
-- views of the conflicts its rows are in; `conflicted` whether any row is in one.
CREATE TABLE record_figure_groups (
    measure TEXT NOT NULL,
    flow TEXT NOT NULL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    per TEXT NOT NULL,
    period TEXT NOT NULL,
    outlet TEXT NOT NULL,
    doc_pair TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    n INTEGER NOT NULL,
    low DOUBLE PRECISION NOT NULL,
    high DOUBLE PRECISION NOT NULL,
    first_id BIGINT NOT NULL,
    published TEXT NOT NULL,
    conflicted INTEGER NOT NULL,
    pairs TEXT NOT NULL,
    PRIMARY KEY (measure, flow, unit, kind, per, period, outlet, doc_pair, qualifier)
);
-- Written with the record: a record stored before is rebuilt on first use.
DELETE FROM record_meta;
