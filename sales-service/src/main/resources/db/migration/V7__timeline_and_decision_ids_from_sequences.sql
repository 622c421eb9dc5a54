-- Timeline steps and acceptance decisions take their ids from sequences that hand out 50 at a time (Hibernate's
-- pooled optimizer) instead of identity columns: an identity id is known only after the row's insert, so every step
-- was inserted the moment it was taken, and the order's own row with it (then updated again at commit). With ids
-- known beforehand, a placement's rows are inserted together at commit, as JDBC batches.
-- The sequences start above every id already used (whichever end of a block of 50 the optimizer takes as the first).
alter table order_timeline alter column id drop identity;
alter table order_decision alter column id drop identity;

do $$
declare
    next_timeline bigint;
    next_decision bigint;
begin
    select coalesce(max(id), 0) + 51 into next_timeline from order_timeline;
    select coalesce(max(id), 0) + 51 into next_decision from order_decision;
    execute format('create sequence order_timeline_id_seq increment by 50 start with %s', next_timeline);
    execute format('create sequence order_decision_id_seq increment by 50 start with %s', next_decision);
end
$$;

alter sequence order_timeline_id_seq owned by order_timeline.id;
alter sequence order_decision_id_seq owned by order_decision.id;
-- A row written without an id (by hand) still gets a unique one: nextval hands each caller a whole block of its own.
alter table order_timeline alter column id set default nextval('order_timeline_id_seq');
alter table order_decision alter column id set default nextval('order_decision_id_seq');

-- Decisions are listed by when they were made (ids from two instances' blocks are not in time order).
drop index order_decision_order;
create index order_decision_order on order_decision (order_id, decided_at, id);
