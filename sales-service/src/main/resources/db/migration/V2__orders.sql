-- Orders as sales entered them. "order" is reserved in SQL, hence sales_order.
create table sales_order (
    id             uuid primary key,
    customer_id    uuid        not null references customer (id),
    status         text        not null,
    currency       char(3)     not null,
    classification text        not null,
    requested_date date,
    salesperson    text        not null,
    placed_at      timestamptz not null,
    version        bigint      not null default 0
);

create index sales_order_customer on sales_order (customer_id, placed_at);

-- Quantities are positive, at most 1,000,000 with at most 3 decimals: numeric(10, 3) holds every one exactly.
create table sales_order_line (
    order_id uuid           not null references sales_order (id),
    line_no  int            not null,
    sku      text           not null,
    quantity numeric(10, 3) not null,
    primary key (order_id, line_no)
);
