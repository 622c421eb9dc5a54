-- What happened with a customer, as the departments' events tell it: one row per event, newest last.
create table timeline_entry (
    id          uuid primary key,
    customer_id uuid        not null,
    event_id    uuid        not null unique,
    kind        text        not null,
    order_id    uuid,
    summary     text        not null,
    occurred_at timestamptz not null
);

create index timeline_entry_customer on timeline_entry (customer_id, occurred_at);
