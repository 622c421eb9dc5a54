-- The transactional outbox: a service writes its state change and the event in one transaction;
-- the relay sends unsent rows in id order and sets sent_at only after the broker acknowledged them.
create table kit_outbox (
    id             bigint generated always as identity primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_key      text        not null,
    event_type     text        not null,
    payload        text        not null,
    occurred_at    timestamptz not null,
    correlation_id text        not null,
    traceparent    text,
    created_at     timestamptz not null default now(),
    sent_at        timestamptz
);

-- The relay reads only unsent rows, oldest first; the index stays as small as the backlog.
create index kit_outbox_unsent on kit_outbox (id) where sent_at is null;
-- Pruning finds sent rows by age.
create index kit_outbox_sent_at on kit_outbox (sent_at) where sent_at is not null;
