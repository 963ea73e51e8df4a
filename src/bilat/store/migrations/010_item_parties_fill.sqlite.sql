-- Fill item_parties from the parties the stored statements name (010_item_parties.sql).
INSERT INTO item_parties (kind, name, item_id)
    SELECT DISTINCT 'agreements', j.value, a.id FROM agreements a, json_each(a.parties) j;
INSERT INTO item_parties (kind, name, item_id)
    SELECT DISTINCT 'commitments', j.value, c.id FROM commitments c, json_each(c.parties) j;
