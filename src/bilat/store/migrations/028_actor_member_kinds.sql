-- The record's actor members by kind (bilat._stored_members `MemberReader.kinds_of`): placing
-- a new member in a stored actor weighs only the first two members of each kind (type, name,
-- aliases, gazetteer id, country, role) of the actors it may join, a few dozen rows of
-- China's 94,141. Grouped over this index, an actor's first member of each kind is found
-- without sorting its rows or reading them from the table (~3 s of an update at 100,000
-- documents when every member of the hub actors was read).
CREATE INDEX record_actor_members_kind
    ON record_actor_members (actor, type, name, aliases, gid, country, role, seq);
