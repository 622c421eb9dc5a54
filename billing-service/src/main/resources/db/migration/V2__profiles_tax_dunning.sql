-- Contact's snapshot as billing needs it for invoices and open items: who the customer is, its classification
-- (internal invoices), VAT id (reverse charge), billing address and contact data, special conditions.
alter table customer
    add column name             text,
    add column kind             text,
    add column classification   text,
    add column vat_id           text,
    add column email            text,
    add column phone            text,
    add column street           text,
    add column postal_code      text,
    add column city             text,
    add column region           text,
    add column country          text,
    add column discount_percent numeric(5, 2),
    add column credit_limit     numeric(14, 2),
    add column erased           boolean not null default false;

-- How each customer wants to be billed; a customer without a row is billed by the configured defaults.
create table billing_profile (
    customer_id           uuid primary key,
    billing_trigger       text        not null,
    period                text,
    format                text        not null,
    channel               text        not null,
    payment_term_days     int,
    po_reference_required boolean     not null,
    language              text        not null,
    invoice_email         text,
    updated_at            timestamptz not null,
    updated_by            text,
    version               bigint      not null default 0,
    check (billing_trigger <> 'PERIODIC' or period is not null)
);

-- The EN 16931 VAT category sales agreed per line (absent from older events: S when the rate is above 0, else Z).
alter table agreed_line add column tax_category text;
-- The customer's purchase-order reference for an order, when billing was given one.
alter table accepted_order add column po_reference text;

-- Every shipment billing heard of, priced at the agreed lines when it left: what is still to be invoiced
-- (PENDING), what an invoice holds (INVOICED), and zero-value shipments (NOTHING_TO_BILL, no number consumed).
create table billable_shipment (
    shipment_id   uuid primary key,
    order_id      uuid        not null references accepted_order (id),
    customer_id   uuid        not null,
    currency      char(3)     not null,
    dispatched_on date        not null,
    dispatched_at timestamptz not null,
    delivered_at  timestamptz,
    status        text        not null,
    invoice_id    uuid,
    version       bigint      not null default 0
);

create index billable_shipment_pending on billable_shipment (customer_id, dispatched_at) where status = 'PENDING';
create index billable_shipment_order on billable_shipment (order_id);

create table billable_shipment_line (
    shipment_id      uuid           not null references billable_shipment (shipment_id),
    line_no          int            not null,
    sku              text           not null,
    quantity         numeric(10, 3) not null,
    unit_price       numeric(14, 4) not null,
    discount_percent numeric(5, 2)  not null,
    tax_rate         numeric(5, 2)  not null,
    tax_category     text           not null,
    primary key (shipment_id, line_no)
);

-- Shipments invoiced before this migration.
insert into billable_shipment (shipment_id, order_id, customer_id, currency, dispatched_on, dispatched_at, status,
                               invoice_id)
select shipment_id, order_id, customer_id, currency, issued_on, issued_at, 'INVOICED', id from invoice;
insert into billable_shipment_line
select i.shipment_id, l.line_no, l.sku, l.quantity, l.unit_price, l.discount_percent, l.tax_rate,
       case when l.tax_rate > 0 then 'S' else 'Z' end
from invoice_line l join invoice i on i.id = l.invoice_id;

-- An invoice may now collect several shipments and orders (periodic billing): order and shipment move to the lines.
alter table invoice alter column order_id drop not null;
alter table invoice alter column shipment_id drop not null;
alter table invoice
    add column period_start    date,
    add column period_end      date,
    add column format          text    not null default 'PDF',
    add column channel         text    not null default 'PORTAL',
    add column language        text    not null default 'en',
    add column po_reference    text,
    add column reverse_charge  boolean not null default false,
    add column internal        text,
    add column buyer_name      text,
    add column buyer_vat_id    text,
    add column buyer_street    text,
    add column buyer_postal_code text,
    add column buyer_city      text,
    add column buyer_country   text,
    add column buyer_email     text,
    add column seller_vat_id   text,
    add column dunning_level   int     not null default 0,
    add column overdue_since   date,
    add column last_dunned_on  date;

alter table invoice_line
    add column position     int,
    add column order_id     uuid,
    add column shipment_id  uuid,
    add column tax_category text;
update invoice_line l set position = l.line_no, order_id = i.order_id, shipment_id = i.shipment_id,
                          tax_category = case when l.tax_rate > 0 then 'S' else 'Z' end
from invoice i where i.id = l.invoice_id;
alter table invoice_line alter column position set not null;
alter table invoice_line alter column order_id set not null;
alter table invoice_line alter column tax_category set not null;
alter table invoice_line drop constraint invoice_line_pkey;
alter table invoice_line add primary key (invoice_id, position);
create index invoice_line_order on invoice_line (order_id);

alter table credit_note_line add column tax_category text;
update credit_note_line set tax_category = case when tax_rate > 0 then 'S' else 'Z' end;

-- Orders with an open return or claim: their invoices are not dunned.
create table dispute (
    return_id uuid primary key,
    order_id  uuid        not null,
    open      boolean     not null,
    opened_at timestamptz not null,
    closed_at timestamptz
);

create index dispute_order on dispute (order_id) where open;

-- Each dunning level is issued once per invoice, in order.
create table dunning_notice (
    id           uuid primary key,
    invoice_id   uuid           not null references invoice (id),
    customer_id  uuid           not null,
    level        int            not null,
    name         text           not null,
    days_overdue int            not null,
    open_amount  numeric(14, 2) not null,
    fee          numeric(14, 2) not null,
    interest     numeric(14, 2) not null,
    currency     char(3)        not null,
    issued_on    date           not null,
    issued_at    timestamptz    not null,
    unique (invoice_id, level)
);

create index invoice_open_due on invoice (due_date) where status = 'OPEN';
