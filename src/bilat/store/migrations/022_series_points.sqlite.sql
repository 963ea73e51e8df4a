-- The record's series point by point (bilat.store.series_points): a series entry's payload
-- holds `"points": null` and its points are rows here, one per period (read back in period
-- order), so adding documents reads and writes only the points of the periods their figures
-- reach (the Russia-China trade turnover in USD holds 60,599 claims, 29 MB of JSON, at
-- 100,000 documents). Beside them, what the entry needs of every point: its claims per
-- document (its pairs) and per speaker (the actor names it counts), `record_series_counts`.
-- An entry written before keeps its points in its payload (readers take either); the first
-- update splits them (`fill_series_points`, marked by the row below).
CREATE TABLE record_series_points (
    series TEXT NOT NULL,
    period TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (series, period)
) WITHOUT ROWID;
CREATE TABLE record_series_counts (
    series TEXT NOT NULL,
    what TEXT NOT NULL,
    value TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (series, what, value)
) WITHOUT ROWID;
CREATE TABLE series_points_fill (n BIGINT NOT NULL);
INSERT INTO series_points_fill (n) SELECT COUNT(*) FROM record_items WHERE kind = 'series'
HAVING COUNT(*) > 0;
