-- The customers as sales needs them, copied from contact's events (contact.customers). After an erasure only the
-- bare id is left, so every column but the id is optional.
create table customer (
    id                uuid primary key,
    name              text,
    classification    text,
    tier              text,
    account_owner     text,
    currency          char(3),
    payment_term_days int,
    discount_percent  numeric(5, 2),
    price_list        text,
    erased            boolean     not null default false,
    updated_at        timestamptz not null
);
