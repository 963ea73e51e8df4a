-- The figures page's groups each conflict's rows are in (bilat.store.figure_groups): a group
-- (measure, quantity, period, outlet, document pair, qualifier) and the position of a
-- conflict holding one of its current rows, as the record's keys map figure rows to
-- conflicts. An update that touches a group reads the pair views of its conflicts from
-- here, by index, instead of every figure row of its measure and period (at 100,000
-- documents an `add10` read 150,000 rows to find 50 conflicts); a patch drops a removed
-- conflict's rows by position and writes an added one's from its keys. Filled here from
-- the keys a record stored before already has, so it needs no rebuild.
CREATE TABLE record_conflict_groups (
    measure TEXT NOT NULL,
    flow TEXT NOT NULL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    per TEXT NOT NULL,
    period TEXT NOT NULL,
    outlet TEXT NOT NULL,
    doc_pair TEXT NOT NULL,
    qualifier TEXT NOT NULL,
    pos BIGINT NOT NULL,
    PRIMARY KEY (measure, period, flow, unit, kind, per, outlet, doc_pair, qualifier, pos)
) WITHOUT ROWID;
CREATE INDEX record_conflict_groups_pos ON record_conflict_groups (pos);
INSERT INTO record_conflict_groups
    (measure, flow, unit, kind, per, period, outlet, doc_pair, qualifier, pos)
SELECT DISTINCT f.measure, COALESCE(f.flow, ''), f.unit, f.kind, COALESCE(f.per, ''),
    COALESCE(f.period, ''), COALESCE(d.source, ''), COALESCE(d.pair, ''), f.qualifier, r.pos
FROM record_item_refs r, figures f, documents d
WHERE r.kind = 'conflicts' AND f.id = r.item_id AND d.id = f.doc_id AND d.is_current = 1
    AND d.status = 'ok';
