-- The order sales created to replace a return's goods (OrderPlaced with originalOrderId).
alter table return_case add column replacement_order_id uuid;
