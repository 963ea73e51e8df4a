-- Each statement writing a table the record is built from counts one, the first of its
-- transaction only (`xact`), so one transaction rewrites the counter row once
-- (014_store_version.sql). The function body stays on one line: migrations split at ";" + newline.
ALTER TABLE store_version ADD COLUMN xact BIGINT;
CREATE FUNCTION bilat_store_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE store_version SET n = n + 1, xact = txid_current() WHERE id = 1 AND xact IS DISTINCT FROM txid_current(); RETURN NULL; END $$;
CREATE TRIGGER documents_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER actors_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON actors FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER figures_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON figures FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER agreements_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agreements FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER commitments_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commitments FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
CREATE TRIGGER judgements_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON judgements FOR EACH STATEMENT EXECUTE FUNCTION bilat_store_changed();
