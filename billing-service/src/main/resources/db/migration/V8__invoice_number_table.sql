-- The invoice number in a narrow table of its own. A batch of invoices (a poll of shipments) writes its invoices
-- first and takes their numbers last, just before it publishes and commits (V5): until now it then updated each
-- invoice it had just written, which wrote every invoice a second time (a new version of the whole row and an entry
-- in each of its indexes, since number is indexed), and did so while holding the counter row's lock, which the
-- batches of the other consumers wait for. Now it inserts one narrow row per invoice (id, number) instead; the
-- invoice row is written once. Every invoice has exactly one number row, read with it (a join on the primary key).
create table invoice_number (
    invoice_id uuid primary key,
    number     text not null unique
);

insert into invoice_number (invoice_id, number)
select id, number from invoice where number is not null;

drop trigger invoice_numbered_at_commit on invoice;
drop function invoice_numbered_at_commit();
-- (customer_id, due_date, number): number is no longer a column of invoice; a customer's invoices are few enough to
-- be sorted by number after they are found by customer.
drop index invoice_customer;
alter table invoice drop column number;
create index invoice_customer on invoice (customer_id, due_date);

-- As V6 did for the column: the database guarantees that no invoice is committed without its number. A deferred
-- constraint trigger looks at every invoice written, and at every number row deleted or moved, once more at commit,
-- and refuses the commit if an invoice then has no number row.
create function invoice_numbered_at_commit() returns trigger
    language plpgsql as
$$
begin
    if not exists (select 1 from invoice_number where invoice_id = new.id) then
        raise exception 'invoice % has no number at commit', new.id
            using errcode = 'not_null_violation', table = 'invoice_number', column = 'number';
    end if;
    return null;
end
$$;

create function invoice_number_kept_at_commit() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from invoice where id = old.invoice_id)
            and not exists (select 1 from invoice_number where invoice_id = old.invoice_id) then
        raise exception 'invoice % has no number at commit', old.invoice_id
            using errcode = 'not_null_violation', table = 'invoice_number', column = 'number';
    end if;
    return null;
end
$$;

create constraint trigger invoice_numbered_at_commit
    after insert on invoice
    deferrable initially deferred
    for each row
execute function invoice_numbered_at_commit();

create constraint trigger invoice_number_kept_at_commit
    after delete or update of invoice_id on invoice_number
    deferrable initially deferred
    for each row
execute function invoice_number_kept_at_commit();
