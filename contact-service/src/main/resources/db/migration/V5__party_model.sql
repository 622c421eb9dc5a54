-- The party model: organizations and persons are parties with roles (customer, prospect, supplier, carrier,
-- employee); persons work for organizations (employments), organizations belong to a parent (group structure), and
-- some organizations are the own group. Contact mechanisms (postal addresses, e-mails, phones) are rows of their
-- own, the billing ones travel in the customer snapshot.

-- Search tolerant to typos: trigram similarity (a trusted extension since PostgreSQL 13: the database owner, who
-- runs the migrations, may create it).
create extension if not exists pg_trgm;

alter table organization
    add column roles     text[]  not null default '{CUSTOMER}',
    add column parent_id uuid references organization (id),
    add column own_group boolean not null default false,
    add column name_key  text,
    -- the special condition the last published snapshot carried (null: none was valid)
    add column applied_condition_id uuid,
    -- whether CustomerRegistered went out (every organization registered so far was a customer)
    add column announced boolean not null default true;

-- Normalized name: lower case, every run of other characters than letters and digits one space.
update organization set name_key = trim(regexp_replace(lower(name), '[^[:alnum:]]+', ' ', 'g'));
alter table organization alter column name_key set not null;
alter table organization alter column roles drop default;
alter table organization alter column announced drop default;

drop index organization_name;
create index organization_name_trgm on organization using gin (name_key gin_trgm_ops);
create index organization_parent on organization (parent_id);
create index organization_vat_id on organization (vat_id) where vat_id is not null;

create table person (
    id                   uuid primary key,
    first_name           text          not null,
    last_name            text          not null,
    name_key             text          not null,
    roles                text[]        not null,
    tier                 text          not null,
    classification       text          not null,
    account_owner        text,
    currency             char(3)       not null,
    payment_term_days    int           not null,
    discount_percent     numeric(5, 2) not null,
    applied_condition_id uuid,
    announced            boolean       not null,
    registered_at        timestamptz   not null,
    registered_by        text          not null,
    version              bigint        not null default 0
);

create index person_name_trgm on person using gin (name_key gin_trgm_ops);

create table employment (
    id              uuid primary key,
    person_id       uuid        not null references person (id),
    organization_id uuid        not null references organization (id),
    position        text,
    department      text,
    valid_from      date,
    valid_to        date,
    recorded_at     timestamptz not null,
    recorded_by     text        not null
);

create index employment_person on employment (person_id);
create index employment_organization on employment (organization_id);

-- Every way to reach a party. phone_digits is the number as digits with the country code ("49301234567"), what the
-- switchboard looks up.
create table contact_mechanism (
    id           uuid primary key,
    party_id     uuid    not null,
    kind         text    not null,
    label        text,
    street       text,
    postal_code  text,
    city         text,
    region       text,
    country      char(2),
    email        text,
    phone        text,
    phone_digits text,
    billing      boolean not null,
    preferred    boolean not null,
    version      bigint  not null default 0
);

create index contact_mechanism_party on contact_mechanism (party_id);
create index contact_mechanism_phone on contact_mechanism (phone_digits) where phone_digits is not null;
create index contact_mechanism_postal_code on contact_mechanism (postal_code) where postal_code is not null;

-- The organizations' address, e-mail and phone become their billing contact mechanisms.
insert into contact_mechanism (id, party_id, kind, street, postal_code, city, region, country, billing, preferred)
select gen_random_uuid(), id, 'POSTAL', street, postal_code, city, region, country, true, false
from organization where city is not null;
insert into contact_mechanism (id, party_id, kind, email, billing, preferred)
select gen_random_uuid(), id, 'EMAIL', email, true, false from organization where email is not null;
-- The digits as the service normalizes them with the default country code 49 (contact.switchboard.default-country-code).
insert into contact_mechanism (id, party_id, kind, phone, phone_digits, billing, preferred)
select gen_random_uuid(), id, 'PHONE', phone,
       case when phone like '+%' then regexp_replace(phone, '\D', '', 'g')
            when regexp_replace(phone, '\D', '', 'g') like '00%' then substr(regexp_replace(phone, '\D', '', 'g'), 3)
            when regexp_replace(phone, '\D', '', 'g') like '0%' then '49' || substr(regexp_replace(phone, '\D', '', 'g'), 2)
            else regexp_replace(phone, '\D', '', 'g') end,
       true, false
from organization where phone is not null;

alter table organization
    drop column street,
    drop column postal_code,
    drop column city,
    drop column region,
    drop column country,
    drop column email,
    drop column phone;

-- Special conditions per customer with their validity; the one valid today (the latest start wins) is in the
-- snapshot. A scheduled check publishes the snapshot again when one starts or ends.
create table special_condition (
    id                    uuid primary key,
    party_id              uuid          not null,
    discount_percent      numeric(5, 2),
    payment_term_days     int,
    credit_limit          numeric(19, 2),
    credit_limit_currency char(3),
    price_list            text,
    particularities       text,
    valid_from            date          not null,
    valid_to              date,
    recorded_at           timestamptz   not null,
    recorded_by           text          not null
);

create index special_condition_party on special_condition (party_id, valid_from);
