-- bilat schema v1: documents and their versions, rejects, extracted items with evidence,
-- human judgements, and the reconciled record.

CREATE TABLE documents (
    id {id},
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1,
    content_hash TEXT NOT NULL,
    origin TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    clean_text TEXT NOT NULL,
    offsets TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '[]',
    raw TEXT,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    status TEXT NOT NULL,
    duplicate_of BIGINT REFERENCES documents(id),
    metadata TEXT NOT NULL DEFAULT '{}',
    minhash {blob},
    ingested_at TEXT NOT NULL,
    extractor_version TEXT,
    UNIQUE (name, version)
);
CREATE INDEX documents_hash ON documents (content_hash);
CREATE INDEX documents_current ON documents (is_current, status);

CREATE TABLE rejects (
    id {id},
    name TEXT NOT NULL,
    origin TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    UNIQUE (origin, reason)
);

CREATE TABLE actors (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    role TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    gid TEXT,
    extractor_version TEXT NOT NULL
);
CREATE INDEX actors_doc ON actors (doc_id);
CREATE INDEX actors_name ON actors (name);

CREATE TABLE mentions (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    quote TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc_id);

CREATE TABLE events (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    participants TEXT NOT NULL DEFAULT '[]',
    date TEXT,
    date_end TEXT,
    place TEXT,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    quote TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_date ON events (date);

CREATE TABLE event_participants (
    event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (event_id, name)
);
CREATE INDEX event_participants_name ON event_participants (name);

CREATE TABLE figures (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value {real} NOT NULL,
    value_max {real},
    unit TEXT NOT NULL,
    per TEXT,
    qualifier TEXT NOT NULL,
    measure TEXT NOT NULL,
    measure_text TEXT,
    flow TEXT,
    period TEXT,
    said_by TEXT,
    source_data TEXT,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    quote TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX figures_doc ON figures (doc_id);
CREATE INDEX figures_measure ON figures (measure, period);

CREATE TABLE agreements (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    parties TEXT NOT NULL DEFAULT '[]',
    sector TEXT NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    quote TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX agreements_doc ON agreements (doc_id);

CREATE TABLE commitments (
    id {id},
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    measure TEXT NOT NULL,
    measure_text TEXT,
    relation TEXT NOT NULL,
    value {real} NOT NULL,
    value_max {real},
    unit TEXT NOT NULL,
    per TEXT,
    deadline TEXT,
    parties TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    flow TEXT,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    quote TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX commitments_doc ON commitments (doc_id);

-- Human review and merge decisions, kept beside the machine output; revoking keeps history.
CREATE TABLE judgements (
    id {id},
    item_type TEXT NOT NULL,
    item_id BIGINT,
    action TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX judgements_item ON judgements (item_type, item_id);

-- The reconciled record (actors, event clusters, series, conflicts, commitment status),
-- rebuilt from the items above; stored whole so readers need no recomputation.
CREATE TABLE reconciled (
    id INTEGER PRIMARY KEY,
    built_at TEXT NOT NULL,
    data TEXT NOT NULL
);
