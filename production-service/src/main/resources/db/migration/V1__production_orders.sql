-- Orders as sales placed them, received by production: what to build, for whom and by when.
create table production_order (
    id              uuid primary key,
    customer_id     uuid        not null,
    requested_date  date,
    salesperson     text,
    classification  text,
    status          text        not null,
    received_at     timestamptz not null
);

-- The lines keep the order's line numbers: shipments, returns and invoices refer to them.
create table production_order_line (
    order_id    uuid    not null references production_order (id),
    line_no     int     not null,
    sku         text    not null,
    quantity    numeric not null,
    primary key (order_id, line_no)
);
