-- The post-sales service desk: tickets with their SLA, the playbook steps as followed, on-site visits, the debrief;
-- technicians' training records; playbooks per ticket type; customers' satisfaction ratings.
create table service_ticket (
    id           uuid primary key,
    type         text        not null,
    priority     text        not null,
    customer_id  uuid        not null,
    order_id     uuid,
    subject      text        not null,
    description  text,
    state        text        not null,
    account_owner text,
    salesperson  text,
    opened_by    text        not null,
    opened_at    timestamptz not null,
    sla_due      timestamptz not null,
    assignee     text,
    assigned_at  timestamptz,
    closed_by    text,
    closed_at    timestamptz,
    resolution   text,
    learnings    text,
    version      bigint      not null default 0
);

create index service_ticket_open_due on service_ticket (sla_due) where state <> 'CLOSED';
create index service_ticket_customer on service_ticket (customer_id, opened_at);

-- The ticket's playbook as it stood when the ticket opened, and how each step went.
create table service_ticket_step (
    ticket_id       uuid not null references service_ticket (id),
    position        int  not null,
    step_no         int  not null,
    instruction     text not null,
    expected_answer text,
    outcome         text,
    answer          text,
    note            text,
    recorded_by     text,
    recorded_at     timestamptz,
    primary key (ticket_id, position)
);

create table service_visit (
    ticket_id        uuid not null references service_ticket (id),
    position         int  not null,
    technician       text not null,
    visit_date       date not null,
    duration_minutes int  not null,
    note             text,
    recorded_by      text not null,
    recorded_at      timestamptz not null,
    primary key (ticket_id, position)
);

create table training_record (
    id           uuid primary key,
    technician   text        not null,
    ticket_type  text        not null,
    what         text        not null,
    completed_on date        not null,
    valid_until  date        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);

create index training_record_technician on training_record (technician, ticket_type);

create table playbook (
    type       text primary key,
    updated_by text        not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);

create table playbook_step (
    playbook_type   text not null references playbook (type),
    position        int  not null,
    step_no         int  not null,
    instruction     text not null,
    expected_answer text,
    primary key (playbook_type, position)
);

insert into playbook (type, updated_by, updated_at) values
    ('INSTALLATION', 'returns-service', now()), ('REPAIR', 'returns-service', now()),
    ('MAINTENANCE', 'returns-service', now()), ('TRAINING', 'returns-service', now()),
    ('COMPLAINT', 'returns-service', now());

insert into playbook_step (playbook_type, position, step_no, instruction, expected_answer) values
    ('INSTALLATION', 0, 1, 'Confirm the site is ready: power, water, access as agreed in the order', 'site ready'),
    ('INSTALLATION', 1, 2, 'Install and commission the equipment', 'runs to specification'),
    ('INSTALLATION', 2, 3, 'Check the order''s acceptance criteria with the customer', 'customer accepts'),
    ('INSTALLATION', 3, 4, 'Brief the operators', 'operators briefed'),
    ('REPAIR', 0, 1, 'Reproduce the fault the customer reported', 'fault reproduced'),
    ('REPAIR', 1, 2, 'Find the cause', 'cause named'),
    ('REPAIR', 2, 3, 'Repair or replace the part', 'part repaired or replaced'),
    ('REPAIR', 3, 4, 'Test with the customer', 'customer confirms it works'),
    ('MAINTENANCE', 0, 1, 'Work through the maintenance checklist of the product', 'checklist done'),
    ('MAINTENANCE', 1, 2, 'Replace wear parts due', 'wear parts replaced'),
    ('MAINTENANCE', 2, 3, 'Agree the next maintenance date', 'date agreed'),
    ('TRAINING', 0, 1, 'Agree the participants and goals', 'goals agreed'),
    ('TRAINING', 1, 2, 'Hold the training', 'training held'),
    ('TRAINING', 2, 3, 'Check what the participants learnt', 'participants can operate alone'),
    ('COMPLAINT', 0, 1, 'Listen and write down the complaint in the customer''s words', 'complaint recorded'),
    ('COMPLAINT', 1, 2, 'Agree what would put it right', 'remedy agreed'),
    ('COMPLAINT', 2, 3, 'Put it right or open a return, claim or repair', 'remedy under way'),
    ('COMPLAINT', 3, 4, 'Call back and ask whether the customer is satisfied', 'customer satisfied');

create table satisfaction (
    id          uuid primary key,
    about       uuid        not null unique,
    about_kind  text        not null,
    customer_id uuid        not null,
    score       int         not null,
    comment     text,
    recorded_by text        not null,
    recorded_at timestamptz not null
);
