-- What production last told sales about a product, so that only changes (beyond the threshold) are published.
create table availability_published (
    sku                     text        primary key references product (sku),
    on_hand                 numeric     not null,
    reserved                numeric     not null,
    available_to_promise    numeric     not null,
    lead_time_days          int         not null,
    surplus_capacity_hours  numeric     not null,
    published_at            timestamptz not null
);
