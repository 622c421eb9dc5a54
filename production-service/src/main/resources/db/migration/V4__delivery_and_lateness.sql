-- How a shipment left (from a warehouse, straight from the line, installed on site) and when it was delivered.
alter table shipment
    add column mode          text not null default 'WAREHOUSE',
    add column delivered_at  timestamptz,
    add column delivered_by  text;

-- The day an accepted order is planned to be ready to ship: from the lead time of what is backordered, or from
-- the schedule. Compared with the promised date to find late orders.
alter table production_order add column planned_completion date;
create index production_order_open on production_order (promised_date)
    where status in ('RESERVED', 'BACKORDERED', 'PARTIALLY_SHIPPED');
