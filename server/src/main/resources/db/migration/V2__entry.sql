-- Election night, part 1: quick reports (append-only versions), two-person rule, unit codes.

create table entry_settings (
    election_id     bigint primary key references election (id) on delete cascade,
    -- APPROVAL: entry + approval by a different user; DOUBLE_ENTRY: two users enter independently
    two_person_mode varchar(16) not null default 'APPROVAL' check (two_person_mode in ('APPROVAL', 'DOUBLE_ENTRY')),
    -- plausibility thresholds as key=value lines (see docs/CHECKS.md); empty = defaults
    thresholds      text,
    rehearsal       boolean not null default false,
    -- a rehearsal copy names the election it rehearses (whose previous results it borrows)
    rehearsal_of    bigint references election (id) on delete cascade
);

-- Every submission is a new row; nothing is ever updated except its status and decision.
create table quick_report (
    id              bigserial primary key,
    election_id     bigint       not null references election (id) on delete cascade,
    unit_id         bigint       not null references reporting_unit (id) on delete cascade,
    kind            varchar(16)  not null check (kind in ('ENTRY', 'CORRECTION')),
    status          varchar(16)  not null check (status in ('PENDING', 'CONFIRMED', 'MATCHED', 'REJECTED', 'SUPERSEDED')),
    values_text     text         not null,
    channel         varchar(8)   not null check (channel in ('FORM', 'PHONE', 'API')),
    entered_by      varchar(64)  not null,
    entered_at      timestamp with time zone not null default current_timestamp,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    reason          varchar(1000),
    idempotency_key varchar(100),
    confirmed_seq   bigint unique,
    unique (election_id, idempotency_key)
);
create index quick_report_unit on quick_report (election_id, unit_id, status);
-- The global order of confirmations. A counter row instead of a sequence: its row lock is held
-- until the confirming transaction commits, so numbers commit in order and a rolled-back
-- confirmation leaves no gap; every node can apply confirmations strictly one after another.
create table report_sequence (
    id    integer primary key check (id = 1),
    value bigint  not null
);
insert into report_sequence (id, value) values (1, 0);

-- Warnings the entering person confirmed, each with a reason.
create table quick_report_warning (
    report_id bigint        not null references quick_report (id) on delete cascade,
    code      varchar(16)   not null,
    reason    varchar(1000) not null,
    primary key (report_id, code)
);

-- One-time codes printed on a unit's quick-report form for the board chair's phone. Hash only.
create table unit_code (
    election_id     bigint   not null references election (id) on delete cascade,
    unit_id         bigint   not null references reporting_unit (id) on delete cascade,
    code_hash       char(64) not null unique,
    created_at      timestamp with time zone not null default current_timestamp,
    used_at         timestamp with time zone,
    primary key (election_id, unit_id)
);
