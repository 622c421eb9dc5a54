-- Fewer index entries per invoice (issuing keeps up with thousands of shipments a second, see the README's
-- Benchmark): no query looks invoices up by invoice.order_id (the invoices of an order are found through their lines,
-- invoice_line_order), so its index only cost a write per invoice.
drop index invoice_order;
