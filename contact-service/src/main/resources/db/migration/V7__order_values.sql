-- What the segments need of every order: when it was placed, when accepted, in which currency and for how much (net
-- of the agreed lines), whether it was cancelled. Orders known from before stay without (they count nowhere).
alter table customer_order
    add column placed_at    timestamptz,
    add column accepted_at  timestamptz,
    add column currency     char(3),
    add column net_value    numeric(19, 2),
    add column cancelled_at timestamptz;

create index customer_order_customer on customer_order (customer_id, placed_at);
create index customer_order_accepted on customer_order (accepted_at) where accepted_at is not null;
