-- Places where goods are kept. MAIN is the default warehouse: the one every caller that names none means.
create table warehouse (
    code        text        primary key,
    name        text        not null,
    created_at  timestamptz not null
);
insert into warehouse (code, name, created_at) values ('MAIN', 'Main warehouse', now());

-- Stock is kept per product AND warehouse from now on; what there was belongs to MAIN.
alter table stock add column warehouse text not null default 'MAIN' references warehouse (code);
alter table stock alter column warehouse drop default;
alter table stock drop constraint stock_pkey;
alter table stock add primary key (sku, warehouse);

-- Every change of a stock figure is one row here: the sums per (sku, warehouse) ARE the figures.
create table stock_movement (
    id               bigint generated always as identity primary key,
    sku              text        not null,
    warehouse        text        not null,
    kind             text        not null,
    on_hand_change   numeric     not null,
    reserved_change  numeric     not null,
    moved_at         timestamptz not null,
    moved_by         text,
    order_id         uuid,
    line_no          int,
    reference        text,
    reason           text,
    foreign key (sku, warehouse) references stock (sku, warehouse),
    check (on_hand_change <> 0 or reserved_change <> 0)
);
create index stock_movement_sku on stock_movement (sku, warehouse, id);

-- What was there before the ledger existed is its opening balance.
insert into stock_movement (sku, warehouse, kind, on_hand_change, reserved_change, moved_at, reason)
select sku, warehouse, 'OPENING_BALANCE', on_hand, reserved, now(), 'stock before the ledger'
from stock where on_hand <> 0 or reserved <> 0;

-- The warehouse an order line is reserved in and shipped from.
alter table production_order_line add column warehouse text not null default 'MAIN';

alter table stock_receipt add column warehouse text not null default 'MAIN';
