-- Right to erasure: a person's personal data is anonymized (name "erased", contact mechanisms deleted); the row stays
-- so that orders, invoices and the timeline keep pointing at it.
alter table person add column erased_at timestamptz;
create index person_erased on person (erased_at) where erased_at is not null;
