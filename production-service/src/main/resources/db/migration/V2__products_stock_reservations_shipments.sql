-- Products production makes or buys, with what one unit costs it and how long it takes to get more.
create table product (
    sku             text        primary key,
    name            text        not null,
    unit_cost       numeric     not null check (unit_cost >= 0),
    currency        text        not null,
    lead_time_days  int         not null check (lead_time_days >= 0),
    changed_at      timestamptz not null
);

-- One row per product: what is on hand and how much of it is promised to accepted orders. The checks are the last
-- line of defence: stock never goes negative and never more is reserved than is there.
create table stock (
    sku         text    primary key references product (sku),
    on_hand     numeric not null default 0 check (on_hand >= 0),
    reserved    numeric not null default 0 check (reserved >= 0 and reserved <= on_hand)
);

-- Goods receipts, as they came in.
create table stock_receipt (
    id           uuid        primary key,
    sku          text        not null references product (sku),
    quantity     numeric     not null check (quantity > 0),
    received_at  timestamptz not null,
    received_by  text
);

-- What sales accepted and promised; an order may become known by its acceptance alone (no salesperson then).
alter table production_order
    add column promised_date date,
    add column priority      int,
    add column accepted_at   timestamptz,
    add column cancelled_at  timestamptz;

alter table production_order_line
    add column reserved    numeric not null default 0 check (reserved >= 0),
    add column backordered numeric not null default 0 check (backordered >= 0),
    add column shipped     numeric not null default 0 check (shipped >= 0);

-- A receipt looks for the backorders of its SKU.
create index production_order_line_backordered on production_order_line (sku) where backordered > 0;

-- What left the warehouse, exactly.
create table shipment (
    id            uuid        primary key,
    order_id      uuid        not null references production_order (id),
    carrier       text        not null,
    tracking_no   text,
    shipped_from  text        not null,
    shipped_at    timestamptz not null,
    shipped_by    text
);
create index shipment_order on shipment (order_id);

create table shipment_line (
    shipment_id  uuid    not null references shipment (id),
    line_no      int     not null,
    sku          text    not null,
    quantity     numeric not null check (quantity > 0),
    primary key (shipment_id, line_no)
);
