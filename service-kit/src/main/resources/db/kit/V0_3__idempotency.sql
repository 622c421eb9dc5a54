-- Creating commands sent with an Idempotency-Key: the first answer is kept and replayed for the same key.
-- The row is written in the transaction that creates the resource, so a key exists exactly when its resource does.
create table kit_idempotency (
    scope       text        not null,
    key         text        not null,
    fingerprint text        not null,
    status      int,
    location    text,
    body        text,
    created_at  timestamptz not null default now(),
    primary key (scope, key)
);

create index kit_idempotency_created_at on kit_idempotency (created_at);
