-- Open items and revenue per customer, from billing's events: every invoice with its amounts, what payments
-- allocated to it and what credit notes took off. Invoices known from before have no amounts (they count nowhere).
alter table customer_invoice
    add column issued_at timestamptz,
    add column due_date  date,
    add column currency  char(3),
    add column net       numeric(19, 2),
    add column gross     numeric(19, 2),
    add column paid      numeric(19, 2) not null default 0,
    add column credited  numeric(19, 2) not null default 0;

create index customer_invoice_customer on customer_invoice (customer_id, issued_at);
