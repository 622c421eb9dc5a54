-- What returns knows of other departments' orders, from their events: the agreed lines (sales.orders, OrderAccepted
-- and OrderAmended replace them as a whole) and what left the warehouse (production.shipments). Prices, discounts
-- and quantities are kept exactly as the events carry them (plain numeric keeps their scale).
create table agreed_order (
    id          uuid primary key,
    customer_id uuid        not null,
    currency    char(3)     not null,
    agreed_at   timestamptz not null,
    version     bigint      not null default 0
);

create table agreed_order_line (
    order_id         uuid    not null references agreed_order (id),
    line_no          int     not null,
    sku              text    not null,
    quantity         numeric not null,
    unit_price       numeric not null,
    discount_percent numeric not null,
    tax_rate         numeric not null,
    primary key (order_id, line_no)
);

-- No reference to agreed_order: a shipment may arrive before the order's acceptance (another topic).
create table shipment (
    id          uuid primary key,
    order_id    uuid        not null,
    customer_id uuid        not null,
    shipped_at  timestamptz not null
);

create index shipment_order on shipment (order_id);

create table shipment_line (
    shipment_id uuid    not null references shipment (id),
    line_no     int     not null,
    sku         text    not null,
    quantity    numeric not null,
    primary key (shipment_id, line_no)
);

-- Return cases (RMA). Each line keeps the agreed price it was authorized at, so the refund never moves.
create table return_case (
    id                   uuid primary key,
    order_id             uuid        not null,
    customer_id          uuid        not null,
    currency             char(3)     not null,
    state                text        not null,
    reason               text,
    requested_by         text        not null,
    requested_at         timestamptz not null,
    authorized_at        timestamptz,
    received_by          text,
    received_at          timestamptz,
    refund_requested     numeric(19, 2),
    refund_id            uuid,
    refund_paid          numeric(19, 2),
    closed_at            timestamptz,
    version              bigint      not null default 0
);

create index return_case_order on return_case (order_id, requested_at);

create table return_case_line (
    return_id        uuid           not null references return_case (id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    unit_price       numeric        not null,
    discount_percent numeric        not null,
    tax_rate         numeric        not null,
    condition        text,
    primary key (return_id, line_no)
);
