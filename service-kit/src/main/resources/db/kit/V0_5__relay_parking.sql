-- Rows the broker refuses for good (too large, not authorized, topic missing) are parked instead of blocking the
-- relay: attempts counts the refusals, last_error says why, parked_at is set after the configured number of
-- refusals. A parked row waits for an operator (POST /admin/outbox/parked/{id}/retry); later rows of its
-- (topic, key) wait behind it, rows of other keys flow on.
alter table kit_outbox
    add column attempts   integer not null default 0,
    add column last_error text,
    add column parked_at  timestamptz;

-- Parked rows are few: the relay looks them up per (topic, key) for every row it reads.
create index kit_outbox_parked on kit_outbox (topic, event_key, id) where parked_at is not null and sent_at is null;
