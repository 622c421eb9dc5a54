-- Suppliers production buys from; optionally the CRM's party id. Received and rejected quantities give the reject rate.
create table supplier (
    id                  uuid        primary key,
    name                text        not null,
    email               text,
    phone               text,
    party_id            uuid,
    received_quantity   numeric     not null default 0 check (received_quantity >= 0),
    rejected_quantity   numeric     not null default 0 check (rejected_quantity >= 0),
    created_at          timestamptz not null
);

-- Below this much available (counting what is on order), buy this much.
create table reorder_point (
    sku               text    primary key references product (sku),
    reorder_point     numeric not null check (reorder_point >= 0),
    reorder_quantity  numeric not null check (reorder_quantity > 0),
    supplier_id       uuid    references supplier (id)
);

create table purchase_order (
    id          uuid        primary key,
    supplier_id uuid        not null references supplier (id),
    warehouse   text        not null references warehouse (code),
    status      text        not null,
    ordered_at  timestamptz not null,
    ordered_by  text
);

create table purchase_order_line (
    purchase_order_id  uuid    not null references purchase_order (id),
    line_no            int     not null,
    sku                text    not null references product (sku),
    quantity           numeric not null check (quantity > 0),
    accepted           numeric not null default 0 check (accepted >= 0),
    rejected           numeric not null default 0 check (rejected >= 0),
    primary key (purchase_order_id, line_no),
    check (accepted + rejected <= quantity)
);
