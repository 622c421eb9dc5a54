-- Placing an order wrote its row, its lines and its steps, and PostgreSQL checked three foreign keys for them: each
-- check is a query of its own and a row lock (FOR KEY SHARE, written to the WAL) on the row referenced. The lock on
-- the customer's row is taken by every concurrent order of the same customer, so PostgreSQL shares it through a
-- multixact per order. None of these checks can fail:
-- - the customer: a placement reads the customer in the same transaction and refuses an unknown or erased one (422),
--   and sales never deletes a customer (contact's erasure keeps the row, marked erased);
-- - the lines and the timeline steps: written only through their order (the Order aggregate, same transaction), and
--   sales never deletes an order.
alter table sales_order drop constraint sales_order_customer_id_fkey;
alter table sales_order_line drop constraint sales_order_line_order_id_fkey;
alter table order_timeline drop constraint order_timeline_order_id_fkey;
