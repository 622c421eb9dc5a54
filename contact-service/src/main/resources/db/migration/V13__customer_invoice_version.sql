-- A customer's invoice is updated from two topics at once: billing.payments (what was paid) and billing.invoices
-- (credit notes, the amounts). Without a version the later of two concurrent transactions wrote back the whole row
-- as it had read it and undid the other's update (a credit note lost under a payment); with it, the later one fails
-- at commit and the kit applies its event again on the row as it is now.
alter table customer_invoice add column version bigint not null default 0;
