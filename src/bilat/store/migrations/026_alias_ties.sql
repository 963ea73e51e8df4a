-- A person's alias is its own kind of tie key (`a`, bilat.reconcile._tie_search): it ties
-- its holder only to the members named by its key (`k`), as clustering joins a person's
-- alias only to the persons whose name has that key; two persons sharing an alias no one is
-- named (a title said of each holder of an office in turn) are no longer tied by it, so an
-- update no longer clusters their actors again. The tie keys stored before held such an
-- alias as `k`: they are written again from the member rows on the next update
-- (`fill_actor_ties`, marked by the row below; until then the search reads them as before,
-- more actors reached but none missed).
DELETE FROM actor_ties_fill;
INSERT INTO actor_ties_fill (n) SELECT COUNT(*) FROM record_items WHERE kind = 'actors'
HAVING COUNT(*) > 0;
