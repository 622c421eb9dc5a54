-- What sales clarified with the customer before accepting (OrderAccepted): "not as agreed" is judged against it.
alter table agreed_order add column clarification_summary text;

create table agreed_order_criterion (
    order_id  uuid not null references agreed_order (id),
    position  int  not null,
    criterion text not null,
    primary key (order_id, position)
);

-- The carrier (or own staff) handed the shipment over (ShipmentDelivered): return windows run from here.
alter table shipment add column delivered_at timestamptz;

-- Who sold the order (OrderPlaced): tickets keep the salesperson in the loop.
create table placed_order (
    id          uuid primary key,
    customer_id uuid        not null,
    salesperson text        not null,
    placed_at   timestamptz not null
);

-- Contact's latest snapshot of a customer (contact.customers): account owner and the default pickup address.
create table customer (
    id           uuid primary key,
    name         text        not null,
    account_owner text,
    street       text,
    postal_code  text,
    city         text,
    region       text,
    country      text,
    erased       boolean     not null default false,
    updated_at   timestamptz not null
);

-- What billing invoiced per order (InvoiceIssued of a single order): a claim's refund is capped at it.
create table order_invoice (
    invoice_id uuid           not null,
    order_id   uuid           not null,
    gross      numeric(19, 2) not null,
    currency   char(3)        not null,
    primary key (invoice_id, order_id)
);

create index order_invoice_order on order_invoice (order_id);

-- Return cases now: reason codes and windows, authorization by a person or rejection, pickup, inspection's
-- refund decision, claims without goods, and the refund's lead time.
alter table return_case
    add column kind               text not null default 'RETURN',
    add column reason_code        text not null default 'CHANGED_MIND',
    add column settlement         text not null default 'REFUND',
    add column claimed_amount     numeric(19, 2),
    add column window_ends        date,
    add column pending_because    text,
    add column authorized_by      text,
    add column rejected_by        text,
    add column rejected_at        timestamptz,
    add column rejection_reason   text,
    add column pickup_carrier     text,
    add column pickup_date        date,
    add column pickup_street      text,
    add column pickup_postal_code text,
    add column pickup_city        text,
    add column pickup_region      text,
    add column pickup_country     text,
    add column pickup_tracking_no text,
    add column pickup_scheduled_by text,
    add column pickup_scheduled_at timestamptz,
    add column pickup_collected_at timestamptz,
    add column resolution         text,
    add column refund_reason      text,
    add column refund_requested_at timestamptz,
    add column refund_paid_at     timestamptz,
    add column outcome            text;

update return_case set refund_requested_at = received_at where refund_requested is not null;
update return_case set refund_paid_at = closed_at, outcome = 'REFUNDED' where state = 'CLOSED';

create index return_case_refund_paid on return_case (refund_paid_at);
