-- Sales' demand forecast per product and month (a later one for the same sku and month replaces it).
create table forecast (
    sku          text           not null,
    month        char(7)        not null,
    quantity     numeric(13, 3) not null,
    assumptions  text,
    submitted_by text           not null,
    submitted_at timestamptz    not null,
    primary key (sku, month)
);

-- Production's capacity plan per work center and month (production.capacity), shown beside the forecast.
create table capacity_plan (
    work_center     text           not null,
    month           char(7)        not null,
    hours_available numeric(10, 2) not null,
    hours_committed numeric(10, 2) not null,
    published_at    timestamptz    not null,
    primary key (work_center, month)
);

create index sales_order_accepted on sales_order (accepted_at);
