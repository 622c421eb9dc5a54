-- A second handler of OrderPlaced (one that "came later"): its own effects, deliberately not unique either.
create table test_late_effect (
    seq      bigint generated always as identity primary key,
    event_id uuid not null,
    order_id uuid not null
);

-- A department that needs an order's acceptance (sales.orders) before it can use its shipment
-- (production.shipments): billing's situation.
create table test_accepted_order (
    order_id   uuid primary key,
    unit_price numeric(12, 2) not null
);

create table test_invoice (
    seq         bigint generated always as identity primary key,
    shipment_id uuid           not null,
    order_id    uuid           not null,
    amount      numeric(12, 2) not null,
    delivered   boolean        not null default false
);
