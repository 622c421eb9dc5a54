CREATE TABLE reference_row (
    id         uuid        PRIMARY KEY,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL
);
