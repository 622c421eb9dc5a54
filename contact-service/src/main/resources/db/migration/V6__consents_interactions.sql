-- Consent per channel: an append-only history (granted or withdrawn, on which legal basis, from which source, when);
-- the current state of a channel is its latest record. Rows are never updated or deleted (erasure aside).
create table consent_record (
    id          uuid primary key,
    seq         bigserial,
    party_id    uuid        not null,
    channel     text        not null,
    granted     boolean     not null,
    legal_basis text        not null,
    source      text        not null,
    recorded_at timestamptz not null,
    recorded_by text        not null
);

create index consent_record_party on consent_record (party_id, channel, recorded_at desc, seq desc);
-- the segments' export reads the current state of one channel for many parties
create index consent_record_channel on consent_record (channel, party_id, recorded_at desc, seq desc);

-- Every contact with a customer: a call, a visit, an e-mail, a meeting, an agreement; with the organization, a
-- person of it, or both; who took part and what was agreed.
create table interaction (
    id              uuid primary key,
    seq             bigserial,
    organization_id uuid references organization (id),
    person_id       uuid references person (id),
    kind            text        not null,
    occurred_at     timestamptz not null,
    subject         text        not null,
    notes           text,
    agreed          text,
    participants    text[]      not null,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    check (organization_id is not null or person_id is not null)
);

create index interaction_organization on interaction (organization_id, occurred_at) where organization_id is not null;
create index interaction_person on interaction (person_id, occurred_at) where person_id is not null;
