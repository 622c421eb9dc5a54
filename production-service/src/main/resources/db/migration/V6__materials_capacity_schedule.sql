-- Make-to-stock products are sold from stock (and backordered); make-to-order products are made for the order on a
-- work center, from their bill of material.
alter table product
    add column mode            text    not null default 'MAKE_TO_STOCK',
    add column work_center     text,
    add column hours_per_unit  numeric check (hours_per_unit >= 0);

-- What one unit of a product is made of: materials (or other products), each with its own stock.
create table bill_of_material_line (
    product_sku    text    not null references product (sku),
    component_sku  text    not null references product (sku),
    quantity       numeric not null check (quantity > 0),
    primary key (product_sku, component_sku),
    check (product_sku <> component_sku)
);

-- Where make-to-order products are made, and how many hours it works a day (the calendar's default), with the
-- overtime it can add per day and what an overtime hour costs.
create table work_center (
    code                    text        primary key,
    name                    text        not null,
    hours_per_day           numeric     not null check (hours_per_day >= 0),
    overtime_hours_per_day  numeric     not null check (overtime_hours_per_day >= 0),
    overtime_rate           numeric     not null check (overtime_rate >= 0),
    currency                text        not null,
    changed_at              timestamptz not null
);

-- The capacity calendar: days that differ from the work center's default (holidays 0, a double shift 16).
create table work_center_day (
    work_center  text    not null references work_center (code),
    day          date    not null,
    hours        numeric not null check (hours >= 0),
    primary key (work_center, day)
);

-- A production order: one make-to-order line of an accepted order, made on one work center, scheduled by priority
-- and promised date into free capacity.
create table work_order (
    id                  uuid        primary key,
    order_id            uuid        not null references production_order (id),
    line_no             int         not null,
    sku                 text        not null,
    quantity            numeric     not null check (quantity > 0),
    work_center         text        not null references work_center (code),
    hours               numeric     not null check (hours >= 0),
    overtime_hours      numeric     not null default 0 check (overtime_hours >= 0),
    priority            int         not null,
    promised_date       date,
    accepted_at         timestamptz not null,
    expedited_at        timestamptz,
    status              text        not null,
    planned_start       date,
    planned_completion  date,
    completed_at        timestamptz,
    completed_by        text
);
create index work_order_open on work_order (work_center) where status = 'PLANNED';
create index work_order_of_order on work_order (order_id);

-- The materials a production order needs and how much of them is reserved for it.
create table work_order_material (
    work_order_id  uuid    not null references work_order (id),
    sku            text    not null,
    warehouse      text    not null,
    required       numeric not null check (required > 0),
    reserved       numeric not null default 0 check (reserved >= 0),
    primary key (work_order_id, sku)
);

-- A make-to-order line waits for its production order, not for stock.
alter table production_order_line add column in_production numeric not null default 0 check (in_production >= 0);

-- Every change of an order's planned completion once it was scheduled: schedule changes cost money.
create table schedule_change (
    id                   uuid        primary key,
    order_id             uuid        not null references production_order (id),
    previous_completion  date        not null,
    planned_completion   date        not null,
    reason               text        not null,
    changed_at           timestamptz not null
);
create index schedule_change_at on schedule_change (changed_at);
