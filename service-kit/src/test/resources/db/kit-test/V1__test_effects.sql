-- The effect of the test handler: deliberately NOT unique per event, so that an event applied twice shows twice.
create table test_effect (
    seq        bigint generated always as identity primary key,
    event_id   uuid        not null,
    order_id   uuid        not null,
    handled_at timestamptz not null default now()
);
create index test_effect_order on test_effect (order_id);

-- What the test REST resource creates.
create table test_thing (
    id   uuid primary key,
    name text not null
);
