-- The sync server's state. Every push transaction first locks the single counter row, so commit
-- sequences are handed out, and become visible, in commit order: a pull never skips a write that
-- commits later with a smaller sequence.
create table sync_counter (
    id    int primary key check (id = 1),
    value bigint not null
);
insert into sync_counter (id, value) values (1, 0);

-- One row per document: its latest state (tombstones included) and the scope it belongs to.
create table sync_document (
    collection       text        not null,
    doc_id           text        not null,
    scope            text        not null,
    version          bigint      not null,
    sequence         bigint      not null,
    deleted          boolean     not null,
    body             jsonb,
    written_client   text        not null,
    written_sequence bigint      not null,
    updated_at       timestamptz not null,
    primary key (collection, doc_id)
);
create unique index sync_document_by_sequence on sync_document (collection, sequence);
create index sync_document_by_scope on sync_document (collection, scope, sequence);

-- The highest sequence of a purged tombstone per collection.
create table sync_purged (
    collection text   primary key,
    through    bigint not null
);

-- The dedup table: every processed mutation key and the version it produced.
create table sync_processed (
    client_id    text        not null,
    key_sequence bigint      not null,
    collection   text        not null,
    doc_id       text        not null,
    version      bigint      not null,
    processed_at timestamptz not null,
    primary key (client_id, key_sequence, collection, doc_id)
);
create index sync_processed_by_time on sync_processed (processed_at);

-- Accounts: users and their bearer tokens, stored as SHA-256 hashes only.
create table sync_user (
    name       text        primary key,
    created_at timestamptz not null
);
create table sync_token (
    hash       text        primary key,
    user_name  text        not null references sync_user (name),
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index sync_token_by_user on sync_token (user_name);
