-- Stock-taking: a count of one warehouse, open while people count, posted once: then it is closed for good.
create table stock_count (
    id          uuid        primary key,
    warehouse   text        not null references warehouse (code),
    status      text        not null,
    opened_at   timestamptz not null,
    opened_by   text,
    posted_at   timestamptz,
    posted_by   text
);

-- What was counted of a product, and what the books said at that very moment: movements during an open count
-- need no freeze, the difference is taken against the book quantity at counting time.
create table stock_count_line (
    count_id    uuid        not null references stock_count (id),
    sku         text        not null references product (sku),
    counted     numeric     not null check (counted >= 0),
    book        numeric     not null check (book >= 0),
    counted_at  timestamptz not null,
    counted_by  text,
    adjusted    numeric,
    primary key (count_id, sku)
);
