-- Quotes: priced lines and the clarification of what the customer wants, before any order.
create table quote (
    id                   uuid primary key,
    customer_id          uuid        not null references customer (id),
    status               text        not null,
    currency             char(3)     not null,
    salesperson          text        not null,
    requested_date       date,
    proposed_date        date        not null,
    valid_until          date        not null,
    issued_at            timestamptz not null,
    objective            text,
    req_quality          text,
    req_efficiency       text,
    req_security         text,
    req_reliability      text,
    acceptance_criteria  text,
    support_expectations text,
    constraints          text,
    budget               numeric(14, 2),
    budget_currency      char(3),
    confirmed_at         timestamptz,
    confirmed_by         text,
    decided_at           timestamptz,
    decline_reason       text,
    order_id             uuid,
    version              bigint      not null default 0
);

create index quote_salesperson on quote (salesperson, status, issued_at);
create index quote_customer on quote (customer_id, issued_at);

create table quote_line (
    quote_id         uuid           not null references quote (id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    list_price       numeric(14, 4) not null,
    unit_price       numeric(14, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    tax_category     text           not null,
    unit_cost        numeric(14, 4),
    derivation       text           not null,
    primary key (quote_id, line_no)
);
