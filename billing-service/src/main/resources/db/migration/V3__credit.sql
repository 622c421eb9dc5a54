-- Refunds the customer keeps as credit (settlement CREDIT), applied to open and next invoices.
create table customer_credit (
    id          uuid primary key,
    customer_id uuid           not null,
    refund_id   uuid           not null unique,
    amount      numeric(14, 2) not null check (amount > 0),
    remaining   numeric(14, 2) not null check (remaining >= 0 and remaining <= amount),
    currency    char(3)        not null,
    granted_at  timestamptz    not null
);

create index customer_credit_remaining on customer_credit (customer_id) where remaining > 0;

create table credit_allocation (
    credit_id  uuid           not null references customer_credit (id),
    position   int            not null,
    invoice_id uuid           not null references invoice (id),
    amount     numeric(14, 2) not null check (amount > 0),
    applied_at timestamptz    not null,
    primary key (credit_id, position)
);

-- REFUND (paid back) or CREDIT (kept as credit); and why, as returns said.
alter table refund add column settlement text not null default 'REFUND';
alter table refund add column reason text;
alter table credit_note add column reason text;
