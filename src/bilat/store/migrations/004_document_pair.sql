-- The two states a document is about ("RU-CN", "RU-IN"), as extraction detected them
-- (bilat.extract.pair). The record files each item under the pair(s) it is about and uses this
-- as the fallback for items that name fewer than two states. NULL until re-extracted.
ALTER TABLE documents ADD COLUMN pair TEXT;
