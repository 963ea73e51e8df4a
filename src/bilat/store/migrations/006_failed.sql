-- A document whose extraction failed keeps status 'failed' and the reason here, so it is not
-- retried on every run and never blocks the others (`bilat docs --status failed`).
ALTER TABLE documents ADD COLUMN failure TEXT;
