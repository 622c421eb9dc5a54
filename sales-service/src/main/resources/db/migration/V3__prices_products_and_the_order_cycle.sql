-- The price list: every price ever set for a SKU is kept; the one in force is the latest valid_from <= today.
create table price (
    id             bigint generated always as identity primary key,
    sku            text           not null,
    unit_price     numeric(14, 4) not null,
    currency       char(3)        not null,
    tax_rate       numeric(5, 2)  not null,
    valid_from     date           not null,
    set_by         text           not null,
    set_at         timestamptz    not null
);

create index price_sku on price (sku, valid_from, id);

-- Products as production announces them (production.availability): what sales may promise.
create table product (
    sku                  text primary key,
    on_hand              numeric(13, 3) not null,
    reserved             numeric(13, 3) not null,
    available_to_promise numeric(13, 3) not null,
    lead_time_days       int            not null,
    updated_at           timestamptz    not null
);

-- An order is priced when placed and accepted in the same transaction.
alter table sales_order add column promised_date date;
alter table sales_order add column accepted_at timestamptz;
-- The latest reservation snapshot from production: RESERVED or BACKORDERED.
alter table sales_order add column reservation text;
alter table sales_order add column cancelled_at timestamptz;

alter table sales_order_line add column unit_price numeric(14, 4);
alter table sales_order_line add column discount_percent numeric(5, 2);
alter table sales_order_line add column tax_rate numeric(5, 2);
alter table sales_order_line add column shipped numeric(13, 3) not null default 0;

-- Shipments production dispatched for an order (production.shipments).
create table order_shipment (
    shipment_id uuid primary key,
    order_id    uuid        not null references sales_order (id),
    shipped_at  timestamptz not null
);

create index order_shipment_order on order_shipment (order_id);

-- Invoices billing issued for sales' orders (billing.invoices): which order, how much, how much is paid.
create table order_invoice (
    invoice_id uuid primary key,
    order_id   uuid           not null references sales_order (id),
    number     text           not null,
    gross      numeric(14, 2) not null,
    currency   char(3)        not null,
    paid       numeric(14, 2) not null default 0
);

create index order_invoice_order on order_invoice (order_id);

create table order_invoice_shipment (
    invoice_id  uuid not null references order_invoice (invoice_id),
    shipment_id uuid not null,
    primary key (invoice_id, shipment_id)
);

-- Return cases of an order (returns.cases, RefundPaid on billing.payments).
create table order_return (
    return_id uuid primary key,
    order_id  uuid    not null references sales_order (id),
    closed    boolean not null default false,
    refunded  boolean not null default false
);

create index order_return_order on order_return (order_id);

-- The order's timeline: one entry per step, at most one per event and order.
create table order_timeline (
    id          bigint generated always as identity primary key,
    order_id    uuid        not null references sales_order (id),
    event_id    uuid        not null,
    step        text        not null,
    occurred_at timestamptz not null,
    department  text        not null,
    by_whom     text        not null,
    summary     text        not null,
    unique (order_id, event_id)
);

create index order_timeline_order on order_timeline (order_id, occurred_at, id);
