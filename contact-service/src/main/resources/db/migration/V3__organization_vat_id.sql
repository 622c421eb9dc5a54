-- The customer's VAT identification number, once the CRM knows it (published in the customer snapshot).
alter table organization add column vat_id text;
