-- How each invoice reaches its customer: an e-mail to send, an EDI message to pick up, or a portal download.
create table invoice_delivery (
    invoice_id   uuid primary key references invoice (id),
    customer_id  uuid        not null,
    channel      text        not null,
    format       text        not null,
    address      text,
    status       text        not null,
    attempts     int         not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    delivered_at timestamptz,
    version      bigint      not null default 0
);

create index invoice_delivery_to_send on invoice_delivery (created_at) where status = 'TO_SEND';
create index invoice_delivery_edi on invoice_delivery (created_at) where status = 'READY_FOR_PICKUP';
