-- V5 lets an invoice be written before its number (a batch numbers its invoices last, in the same transaction).
-- The database still guarantees that no invoice is committed without one: a deferred constraint trigger looks at
-- every invoice written without a number (or whose number was removed) once more at commit, and refuses the commit
-- if it still has none.
create function invoice_numbered_at_commit() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from invoice where id = new.id and number is null) then
        raise exception 'invoice % has no number at commit', new.id
            using errcode = 'not_null_violation', table = 'invoice', column = 'number';
    end if;
    return null;
end
$$;

create constraint trigger invoice_numbered_at_commit
    after insert or update of number on invoice
    deferrable initially deferred
    for each row
    when (new.number is null)
execute function invoice_numbered_at_commit();
