-- A placement persists its order once the credit check and the selection policy are done, so that the order's row
-- is inserted once with its final state instead of inserted and then updated. Its timeline steps and decisions are
-- written in the same transaction and may reach the database before the order's row: their reference to the order
-- is checked at commit instead of at each insert (still checked: a step of an order that does not exist fails the
-- transaction).
alter table order_timeline alter constraint order_timeline_order_id_fkey deferrable initially deferred;
alter table order_decision alter constraint order_decision_order_id_fkey deferrable initially deferred;
