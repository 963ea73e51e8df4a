-- The record's actor members by document (bilat._stored_actors): an update reads the
-- members of the documents it weighs (those it clusters again, those whose names it
-- resolves, those whose figures quote an actor) and counts each document's members and
-- refs, not every member of every actor (963,293 rows at 100,000 documents, read whole by
-- each update before: ~4 s of it). With `ref`, the counts are read from the index alone.
CREATE INDEX record_actor_members_doc ON record_actor_members (doc_id, ref);
