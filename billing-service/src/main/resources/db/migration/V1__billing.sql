-- Customers as billing needs them (payment terms, currency), copied from contact's snapshots (contact.customers).
create table customer (
    id                uuid primary key,
    currency          char(3),
    payment_term_days int,
    updated_at        timestamptz not null
);

-- Accepted orders: the agreed lines of sales' OrderAccepted (or the latest OrderAmended), billing's only price source.
create table accepted_order (
    id           uuid primary key,
    customer_id  uuid        not null,
    currency     char(3)     not null,
    cancelled    boolean     not null default false,
    accepted_at  timestamptz not null,
    version      bigint      not null default 0
);

create table agreed_line (
    order_id         uuid           not null references accepted_order (id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    unit_price       numeric(14, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    primary key (order_id, line_no)
);

-- Legal numbers, gap-free per series (INV, CN) and year: the row is locked by the transaction that takes a number,
-- so a rolled-back document gives its number back.
create table document_counter (
    series text not null,
    year   int  not null,
    last   int  not null,
    primary key (series, year)
);

create table invoice (
    id          uuid primary key,
    number      text           not null unique,
    customer_id uuid           not null,
    order_id    uuid           not null references accepted_order (id),
    -- One invoice per shipment, whatever the event ids: a replayed shipment never invoices twice.
    shipment_id uuid           not null unique,
    currency    char(3)        not null,
    issued_on   date           not null,
    due_date    date           not null,
    net         numeric(14, 2) not null,
    tax         numeric(14, 2) not null,
    gross       numeric(14, 2) not null,
    paid        numeric(14, 2) not null,
    status      text           not null,
    issued_at   timestamptz    not null,
    version     bigint         not null default 0,
    check (paid >= 0 and paid <= gross)
);

create index invoice_customer on invoice (customer_id, due_date, number);
create index invoice_order on invoice (order_id);

create table invoice_line (
    invoice_id       uuid           not null references invoice (id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    unit_price       numeric(14, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    net              numeric(14, 2) not null,
    primary key (invoice_id, line_no)
);

create table payment (
    id          uuid primary key,
    customer_id uuid           not null,
    amount      numeric(14, 2) not null check (amount > 0),
    currency    char(3)        not null,
    -- What the allocations left over: the customer's credit.
    unallocated numeric(14, 2) not null check (unallocated >= 0),
    received_at timestamptz    not null,
    received_by text
);

create index payment_customer on payment (customer_id);

create table payment_allocation (
    payment_id uuid           not null references payment (id),
    position   int            not null,
    invoice_id uuid           not null references invoice (id),
    amount     numeric(14, 2) not null check (amount > 0),
    primary key (payment_id, position)
);

create table credit_note (
    id          uuid primary key,
    number      text           not null unique,
    return_id   uuid           not null,
    invoice_id  uuid           not null references invoice (id),
    order_id    uuid           not null,
    customer_id uuid           not null,
    currency    char(3)        not null,
    net         numeric(14, 2) not null,
    tax         numeric(14, 2) not null,
    amount      numeric(14, 2) not null,
    issued_on   date           not null,
    issued_at   timestamptz    not null,
    -- One credit note per invoice a return touches, however often its RefundRequested arrives.
    unique (return_id, invoice_id)
);

create index credit_note_customer on credit_note (customer_id, number);

create table credit_note_line (
    credit_note_id   uuid           not null references credit_note (id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    unit_price       numeric(14, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    net              numeric(14, 2) not null,
    primary key (credit_note_id, line_no)
);

-- One refund per return, the sum of its credit notes.
create table refund (
    id          uuid primary key,
    return_id   uuid           not null unique,
    order_id    uuid           not null,
    customer_id uuid           not null,
    amount      numeric(14, 2) not null,
    currency    char(3)        not null,
    paid_at     timestamptz    not null
);
