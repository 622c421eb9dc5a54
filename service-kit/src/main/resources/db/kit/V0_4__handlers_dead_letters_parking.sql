-- The inbox is kept per handler: a handler added later for an event type applies events that the service's
-- other handlers already applied. Rows written before (one per service and event) count for every handler.
update kit_inbox set consumer = '*';

-- Records this service could not apply: poison (unreadable, incomplete) or a handler that failed the same way
-- too often. Kept for the operator to replay or resolve; a copy goes to <topic>.dlq through the outbox.
create table kit_dead_letter (
    id              uuid        primary key,
    topic           text        not null,
    topic_partition int         not null,
    record_offset   bigint      not null,
    record_key      text,
    event_type      text,
    event_id        uuid,
    handler         text,
    headers         text        not null,
    payload         text,
    reason          text        not null,
    exception       text,
    attempts        int         not null,
    created_at      timestamptz not null,
    resolved_at     timestamptz,
    resolution      text,
    resolved_by     text
);

create index kit_dead_letter_unresolved on kit_dead_letter (topic, created_at) where resolved_at is null;
create index kit_dead_letter_created_at on kit_dead_letter (created_at);

-- Events a handler could not apply yet because a prerequisite from another topic has not arrived (a shipment
-- before its order's acceptance). Re-applied when the prerequisite arrives; later events of the same key for
-- the same handler bean (its queue) wait behind them.
create table kit_parked_event (
    id              bigint generated always as identity primary key,
    handler         text        not null,
    handler_bean    text        not null,
    prerequisite    text        not null,
    topic           text        not null,
    topic_partition int         not null,
    record_offset   bigint      not null,
    record_key      text        not null,
    event_type      text        not null,
    event_id        uuid        not null,
    headers         text        not null,
    payload         text        not null,
    parked_at       timestamptz not null,
    attempts        int         not null default 1,
    unique (handler, event_id)
);

create index kit_parked_event_prerequisite on kit_parked_event (prerequisite);
create index kit_parked_event_queue on kit_parked_event (handler_bean, topic, record_key);

-- An outbox row may carry its own Kafka headers (dead-letter copies keep the original record's headers).
alter table kit_outbox add column headers text;
-- A dead-letter copy of a record without a value has none either.
alter table kit_outbox alter column payload drop not null;
