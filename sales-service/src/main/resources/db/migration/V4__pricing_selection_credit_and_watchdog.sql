-- What pricing, tax determination and the credit check need of a customer (contact.customers).
alter table customer add column credit_limit numeric(14, 2);
alter table customer add column credit_limit_currency char(3);
alter table customer add column kind text;
alter table customer add column vat_id text;
alter table customer add column country char(2);

-- Several price lists: every price so far belongs to the default one.
alter table price add column price_list text not null default 'STANDARD';
create index price_list_sku on price (price_list, sku, valid_from, id);

-- Production's cost and free capacity per product (production.availability): margin and surplus offers.
alter table product add column surplus_capacity_hours numeric(10, 2) not null default 0;
alter table product add column unit_cost numeric(14, 4);
alter table product add column unit_cost_currency char(3);

-- How each line was priced, and what it costs production: the derivation is shown with the price.
alter table sales_order_line add column list_price numeric(14, 4);
alter table sales_order_line add column tax_category text;
alter table sales_order_line add column unit_cost numeric(14, 4);
alter table sales_order_line add column derivation text;

-- Credit hold and the selection policy's decision.
alter table sales_order add column held_at timestamptz;
alter table sales_order add column hold_reason text;
alter table sales_order add column awaiting_since timestamptz;
alter table sales_order add column declined_at timestamptz;
alter table sales_order add column decision_reason text;
alter table sales_order add column decided_by text;
alter table sales_order add column score int;
alter table sales_order add column score_breakdown text;
alter table sales_order add column priority int;
-- The watchdog: when the order entered its current status, and the visit it last reported as stalled.
alter table sales_order add column status_since timestamptz;
alter table sales_order add column stalled_reported_for timestamptz;
update sales_order set status_since = coalesce(accepted_at, placed_at);
-- Production's plan for the order (production.schedule): later than promised means at risk.
alter table sales_order add column planned_completion date;
-- Links: the quote an order came from, the order a replacement replaces, the return that asked for it.
alter table sales_order add column quote_id uuid;
alter table sales_order add column original_order_id uuid;
alter table sales_order add column replacement_for_return uuid unique;
alter table sales_order add column clarification_summary text;
alter table sales_order add column acceptance_criteria text;

create index sales_order_status on sales_order (status, status_since);
create index sales_order_salesperson on sales_order (salesperson, placed_at);

-- Every decision about an order's acceptance, who made it and why: the audit trail of the selection.
create table order_decision (
    id         bigint generated always as identity primary key,
    order_id   uuid        not null references sales_order (id),
    decision   text        not null,
    by_whom    text        not null,
    reason     text,
    score      int,
    decided_at timestamptz not null
);

create index order_decision_order on order_decision (order_id, id);

-- What each customer owes, from billing's events: invoices add their gross, payments and credit notes subtract.
create table customer_balance (
    customer_id uuid primary key,
    currency    char(3)        not null,
    open_amount numeric(14, 2) not null,
    updated_at  timestamptz    not null
);

-- Sales' requests to expedite an order and production's answers.
create table order_expedite (
    id              uuid primary key,
    order_id        uuid        not null references sales_order (id),
    wanted_date     date        not null,
    reason          text,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    answered_at     timestamptz,
    granted         boolean,
    new_date        date,
    cost            numeric(14, 2),
    cost_currency   char(3),
    overtime_hours  numeric(10, 2),
    displaced_orders text,
    answer_reason   text
);

create index order_expedite_order on order_expedite (order_id, requested_at);
