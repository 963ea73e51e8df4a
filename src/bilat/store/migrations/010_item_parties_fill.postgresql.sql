-- Fill item_parties from the parties the stored statements name (010_item_parties.sql).
INSERT INTO item_parties (kind, name, item_id)
    SELECT DISTINCT 'agreements', j.value, a.id FROM agreements a, jsonb_array_elements_text(a.parties::jsonb) AS j(value);
INSERT INTO item_parties (kind, name, item_id)
    SELECT DISTINCT 'commitments', j.value, c.id FROM commitments c, jsonb_array_elements_text(c.parties::jsonb) AS j(value);
