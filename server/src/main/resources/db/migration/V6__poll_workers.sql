-- Poll workers (Wahlhelfer) and electoral boards (Wahlvorstand per polling district, Briefwahlvorstand
-- per postal district). Personal data lives only in poll_worker; the audit log records ids and
-- statuses, never names or addresses, so that a purge really deletes (the audit log is append-only).

-- A person the office may appoint, kept by the office (scope) that recruited them, across election
-- days (§ 9 Abs. 4 BWG allows keeping the data for future elections unless the person objects).
create table poll_worker (
    id              bigserial primary key,
    scope_hierarchy varchar(32)  not null,
    scope_key       varchar(40)  not null,
    source          varchar(12)  not null check (source in ('VOLUNTEER', 'REGISTER', 'OFFICE')),
    register_id     varchar(40),
    family_name     varchar(200) not null,
    given_names     varchar(200) not null,
    birth_date      date         not null,
    street          varchar(200) not null,
    house_number    varchar(10)  not null,
    postal_code     varchar(5)   not null,
    city            varchar(100) not null,
    email           varchar(200),
    phone           varchar(40),
    wishes          varchar(500),
    recruited_day_id bigint references election_day (id) on delete set null,
    created_at      timestamp with time zone not null default current_timestamp,
    -- Retention counts from the last election day the person was on a board, or from creation.
    last_active     date         not null default current_date,
    objected_at     timestamp with time zone
);
create index poll_worker_scope on poll_worker (scope_hierarchy, scope_key, family_name);
create index poll_worker_last_active on poll_worker (last_active);

-- How many assessors (incl. the secretary) the boards of a day get, per unit kind (§ 9 Abs. 2 BWG:
-- three to seven; Land law may differ). Absent: the federal minimum of three.
create table board_requirement (
    election_day_id bigint      not null references election_day (id) on delete cascade,
    unit_kind       varchar(8)  not null check (unit_kind in ('POLLING', 'POSTAL')),
    assessors       integer     not null check (assessors between 1 and 12),
    primary key (election_day_id, unit_kind)
);

-- An appointment of a person to the board of a reporting unit on an election day. The day's date and
-- the unit's key and name are kept so that the history survives a deleted day.
create table board_assignment (
    id              bigserial primary key,
    worker_id       bigint       not null references poll_worker (id) on delete cascade,
    election_day_id bigint references election_day (id) on delete set null,
    unit_id         bigint references reporting_unit (id) on delete set null,
    day_date        date         not null,
    day_name        varchar(200) not null,
    unit_key        varchar(40)  not null,
    unit_name       varchar(200) not null,
    role            varchar(16)  not null check (role in ('CHAIR', 'DEPUTY_CHAIR', 'SECRETARY', 'ASSESSOR')),
    status          varchar(12)  not null check (status in ('INVITED', 'CONFIRMED', 'DECLINED', 'CANCELLED')),
    status_reason   varchar(500),
    status_at       timestamp with time zone not null default current_timestamp,
    status_by       varchar(64)  not null,
    created_at      timestamp with time zone not null default current_timestamp,
    -- The personal portal link: SHA-256 of the token only; a new letter issues a new token.
    token_hash      char(64) unique,
    token_expires   timestamp with time zone
);
-- Nobody sits on two boards of a day; a single role (chair, deputy, secretary) is held once per board.
create unique index board_assignment_one_board on board_assignment (worker_id, day_date)
    where status in ('INVITED', 'CONFIRMED');
create unique index board_assignment_single_role on board_assignment (unit_id, role)
    where status in ('INVITED', 'CONFIRMED') and role <> 'ASSESSOR';
create index board_assignment_day on board_assignment (election_day_id, unit_id);
create index board_assignment_worker on board_assignment (worker_id);

-- Training material the office publishes to the poll workers of a day (Markdown or PDF, § 6 Abs. 5 BWO).
create table training_material (
    id              bigserial primary key,
    election_day_id bigint       not null references election_day (id) on delete cascade,
    title           varchar(200) not null,
    kind            varchar(8)   not null check (kind in ('MARKDOWN', 'PDF')),
    content         bytea        not null,
    uploaded_at     timestamp with time zone not null default current_timestamp,
    uploaded_by     varchar(64)  not null
);
create index training_material_day on training_material (election_day_id);

-- The poll-worker office is a staff role of its own (personal data of poll workers, nothing else).
alter table role_assignment drop constraint role_assignment_role_check;
alter table role_assignment alter column role type varchar(32);
alter table role_assignment add constraint role_assignment_role_check
    check (role in ('ADMIN', 'CLERK', 'APPROVER', 'OBSERVER', 'POLL_WORKER_OFFICE'));
