-- Warehouses whose goods cannot be sold (the workshop's repair shelf) are left out of what sales may promise.
alter table warehouse add column sellable boolean not null default true;
insert into warehouse (code, name, created_at, sellable) values ('REPAIR', 'Workshop: goods waiting for repair', now(), false);

-- The workshop's repair queue: returned goods inspection found repairable, repaired in-house (repairs at the
-- customer's site are service tickets in returns-service).
create table repair (
    id           uuid        primary key,
    return_id    uuid        not null,
    order_id     uuid        not null,
    line_no      int         not null,
    sku          text        not null references product (sku),
    quantity     numeric     not null check (quantity > 0),
    status       text        not null,
    received_at  timestamptz not null,
    received_by  text,
    done_at      timestamptz,
    done_by      text
);
create index repair_queued on repair (received_at) where status = 'QUEUED';
