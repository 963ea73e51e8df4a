-- Current documents by status, kept once per statement from its transition tables
-- (017_document_counts.sql); a trigger with transition tables serves one event, hence three.
-- Function bodies stay on one line: migrations split at ";" + newline.
CREATE FUNCTION bilat_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO document_counts AS c (status, n) SELECT status, COUNT(*) FROM new_rows WHERE is_current = 1 GROUP BY status ON CONFLICT (status) DO UPDATE SET n = c.n + EXCLUDED.n; RETURN NULL; END $$;
CREATE FUNCTION bilat_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE document_counts AS c SET n = c.n - o.k FROM (SELECT status, COUNT(*) AS k FROM old_rows WHERE is_current = 1 GROUP BY status) o WHERE c.status = o.status; RETURN NULL; END $$;
CREATE FUNCTION bilat_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO document_counts AS c (status, n) SELECT status, SUM(d) FROM (SELECT status, 1 AS d FROM new_rows WHERE is_current = 1 UNION ALL SELECT status, -1 FROM old_rows WHERE is_current = 1) x GROUP BY status HAVING SUM(d) <> 0 ON CONFLICT (status) DO UPDATE SET n = c.n + EXCLUDED.n; RETURN NULL; END $$;
CREATE TRIGGER documents_insert_counts AFTER INSERT ON documents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bilat_counts_inserted();
CREATE TRIGGER documents_delete_counts AFTER DELETE ON documents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bilat_counts_deleted();
CREATE TRIGGER documents_update_counts AFTER UPDATE ON documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bilat_counts_updated();
