-- An order's acceptance decisions (held, released, queued, accepted, declined) were written twice: as a row of
-- order_decision and as the timeline step of the same fact, in the same transaction at the same instant. A decision
-- is now four columns of its timeline step: one row per fact instead of two. The audit trail (GET
-- /orders/{id}/decisions) lists the steps that carry a decision; the timeline shows what it showed before.
alter table order_timeline add column decision text;
alter table order_timeline add column decided_by text;
alter table order_timeline add column decision_reason text;
alter table order_timeline add column score int;

update order_timeline t
   set decision = d.decision, decided_by = d.by_whom, decision_reason = d.reason, score = d.score
  from order_decision d
 where d.order_id = t.order_id and d.decided_at = t.occurred_at
   and t.step = case d.decision when 'HELD' then 'ORDER_ON_HOLD' when 'RELEASED' then 'ORDER_RELEASED'
                                when 'QUEUED' then 'ORDER_QUEUED' when 'ACCEPTED' then 'ORDER_ACCEPTED'
                                when 'DECLINED' then 'ORDER_DECLINED' end;

-- A decision without its step (none was ever written so, but no audit entry may be lost) gets a step of its own.
insert into order_timeline (order_id, event_id, step, occurred_at, department, by_whom, summary, decision,
                            decided_by, decision_reason, score)
select d.order_id, gen_random_uuid(),
       case d.decision when 'HELD' then 'ORDER_ON_HOLD' when 'RELEASED' then 'ORDER_RELEASED'
                       when 'QUEUED' then 'ORDER_QUEUED' when 'ACCEPTED' then 'ORDER_ACCEPTED'
                       when 'DECLINED' then 'ORDER_DECLINED' else 'ORDER_' || d.decision end,
       d.decided_at, 'sales', d.by_whom, coalesce(d.reason, lower(d.decision)), d.decision, d.by_whom, d.reason,
       d.score
  from order_decision d
 where not exists (select 1 from order_timeline t
                    where t.order_id = d.order_id and t.decision = d.decision and t.occurred_at = d.decided_at);

drop table order_decision;

-- An order's steps are found through the unique (order_id, event_id) index; the few of one order are sorted by time
-- when read. The second index on order_id cost an index entry per step written.
drop index order_timeline_order;

-- One replacement per return: unique among the orders that are replacements. Every other order left a null entry
-- in the unique index; the partial index keeps the same guarantee without them.
alter table sales_order drop constraint sales_order_replacement_for_return_key;
create unique index sales_order_replacement_for_return on sales_order (replacement_for_return)
    where replacement_for_return is not null;
