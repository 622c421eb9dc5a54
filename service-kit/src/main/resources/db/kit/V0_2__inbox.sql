-- The idempotent inbox: one row per (consumer, event) applied. Inserted in the same transaction as the
-- handler's effect, so a redelivered event finds its row and changes nothing.
create table kit_inbox (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index kit_inbox_received_at on kit_inbox (received_at);
