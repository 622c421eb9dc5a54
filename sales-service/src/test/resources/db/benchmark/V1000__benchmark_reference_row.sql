-- Tests only: the minimal reference the order-placement benchmark compares with (one row per request).
create table benchmark_reference_row (
    id         uuid primary key,
    payload    text        not null,
    created_at timestamptz not null
);
