-- The customer timeline speaks the cycle's vocabulary (the step codes sales' order timeline uses too): every entry
-- says which department reported it and who acted. One event may give one entry per order it concerns (a payment
-- paying the invoices of several orders), so the event id is unique per order, no longer alone.
alter table timeline_entry rename column kind to step;
alter table timeline_entry add column department text;
alter table timeline_entry add column acted_by text;
-- Until now only sales' OrderPlaced reached the timeline, without the salesperson.
update timeline_entry set department = 'sales', acted_by = 'sales';
alter table timeline_entry alter column department set not null;
alter table timeline_entry alter column acted_by set not null;
-- Entries of one moment keep the order they were recorded in.
alter table timeline_entry add column seq bigserial;
alter table timeline_entry drop constraint timeline_entry_event_id_key;
alter table timeline_entry add constraint timeline_entry_event_order unique (event_id, order_id);
drop index timeline_entry_customer;
create index timeline_entry_customer on timeline_entry (customer_id, occurred_at, seq);

-- Whose an order is, from sales' OrderPlaced/OrderAccepted: production's and returns' events about an order do not
-- name the customer.
create table customer_order (
    order_id    uuid primary key,
    customer_id uuid not null
);

-- Which orders an invoice bills, from billing's InvoiceIssued: a payment names only the invoices it paid.
create table customer_invoice (
    invoice_id  uuid primary key,
    number      text   not null,
    customer_id uuid   not null,
    order_ids   uuid[] not null
);
