-- The trace (W3C traceparent) of the sales event that made production learn of the order: the order's shipments,
-- each started by its own REST call, continue it (issue 15: one trace from POST /orders to the invoice).
alter table production_order add column traceparent text;
