-- Companies the CRM knows: customers (external or of the own group), with their address and account owner.
create table organization (
    id                  uuid primary key,
    name                text        not null,
    street              text,
    postal_code         text,
    city                text,
    region              text,
    country             char(2),
    email               text,
    phone               text,
    tier                text        not null,
    classification      text        not null,
    account_owner       text,
    currency            char(3)     not null,
    payment_term_days   int         not null,
    discount_percent    numeric(5, 2) not null,
    registered_at       timestamptz not null,
    registered_by       text        not null,
    version             bigint      not null default 0
);

create index organization_name on organization (lower(name));
