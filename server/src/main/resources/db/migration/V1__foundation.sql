-- Wahlwerk foundation schema: staff accounts, audit log, election setup, previous results.
-- Portable SQL where possible (MariaDB should follow); PostgreSQL-only features are marked.

create table app_user (
    id              bigserial primary key,
    username        varchar(64)  not null unique,
    display_name    varchar(200) not null,
    phone           varchar(40),
    password_hash   varchar(200) not null,
    totp_secret     varchar(64),
    enabled         boolean      not null default true,
    failed_logins   integer      not null default 0,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null default current_timestamp
);

-- A role is scoped to an area subtree, named by hierarchy and official key, so that the same
-- scope holds across election days. No scope (both null) means installation-wide.
create table role_assignment (
    id              bigserial primary key,
    user_id         bigint      not null references app_user (id) on delete cascade,
    role            varchar(16) not null check (role in ('ADMIN', 'CLERK', 'APPROVER', 'OBSERVER')),
    scope_hierarchy varchar(32),
    scope_key       varchar(40),
    check ((scope_hierarchy is null) = (scope_key is null))
);
create unique index role_assignment_unique
    on role_assignment (user_id, role, coalesce(scope_hierarchy, ''), coalesce(scope_key, ''));

-- One-time links: with user_id null it creates the first administrator, otherwise it lets an
-- invited user set their password (and second factor). Only a hash of the token is stored.
create table setup_token (
    token_hash  char(64) primary key,
    user_id     bigint references app_user (id) on delete cascade,
    created_at  timestamp with time zone not null default current_timestamp,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash | canonical fields of this entry).
create table audit_log (
    id          bigserial primary key,
    at          timestamp with time zone not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    entity      varchar(64)  not null,
    entity_id   varchar(64),
    before_json text,
    after_json  text,
    prev_hash   char(64) not null,
    hash        char(64) not null unique
);

create table election_day (
    id              bigserial primary key,
    name            varchar(200) not null,
    election_date   date         not null,
    polls_close     time         not null default '18:00',
    scope_hierarchy varchar(32)  not null,
    scope_key       varchar(40)  not null,
    created_at      timestamp with time zone not null default current_timestamp,
    unique (name, election_date)
);

create table election (
    id                      bigserial primary key,
    election_day_id         bigint       not null references election_day (id) on delete cascade,
    kind                    varchar(32)  not null,
    name                    varchar(200) not null,
    seats                   integer check (seats > 0),
    votes_per_voter         integer check (votes_per_voter > 0),
    max_votes_per_candidate integer check (max_votes_per_candidate > 0),
    hierarchy               varchar(32),
    unique (election_day_id, name)
);

create table area (
    id              bigserial primary key,
    election_day_id bigint       not null references election_day (id) on delete cascade,
    hierarchy       varchar(32)  not null,
    level           varchar(32)  not null,
    official_key    varchar(40)  not null,
    name            varchar(200) not null,
    parent_id       bigint references area (id),
    unique (election_day_id, hierarchy, official_key)
);
create index area_parent on area (parent_id);

create table polling_station (
    id              bigserial primary key,
    election_day_id bigint       not null references election_day (id) on delete cascade,
    -- the area (usually the municipality) whose office runs the station; decides who may edit it
    area_id         bigint       not null references area (id),
    station_key     varchar(40)  not null,
    name            varchar(200) not null,
    street          varchar(200) not null,
    postal_code     varchar(10)  not null,
    city            varchar(100) not null,
    step_free       boolean      not null,
    chair_name      varchar(200),
    chair_phone     varchar(40),
    unique (election_day_id, station_key)
);

create table reporting_unit (
    id                   bigserial primary key,
    election_day_id      bigint       not null references election_day (id) on delete cascade,
    kind                 varchar(16)  not null check (kind in ('POLLING', 'POSTAL')),
    official_key         varchar(40)  not null,
    name                 varchar(200) not null,
    polling_station_id   bigint references polling_station (id),
    counted_with_unit_id bigint references reporting_unit (id),
    unique (election_day_id, official_key)
);

-- Each unit lies in exactly one leaf area per hierarchy.
create table reporting_unit_area (
    unit_id   bigint      not null references reporting_unit (id) on delete cascade,
    hierarchy varchar(32) not null,
    area_id   bigint      not null references area (id) on delete cascade,
    primary key (unit_id, hierarchy)
);
create index reporting_unit_area_area on reporting_unit_area (area_id);

create table nomination (
    id              bigserial primary key,
    election_id     bigint       not null references election (id) on delete cascade,
    vote_kind       varchar(16)  not null,
    area_id         bigint references area (id) on delete cascade,
    ballot_position integer      not null check (ballot_position > 0),
    short_name      varchar(100) not null,
    name            varchar(300) not null,
    group_kind      varchar(32)  not null
);
create unique index nomination_position
    on nomination (election_id, vote_kind, coalesce(area_id, 0), ballot_position);

create table candidate (
    id             bigserial primary key,
    nomination_id  bigint       not null references nomination (id) on delete cascade,
    list_position  integer      not null check (list_position > 0),
    family_name    varchar(100) not null,
    given_names    varchar(100) not null,
    title          varchar(40),
    profession     varchar(200),
    year_of_birth  integer,
    place          varchar(100),
    unique (nomination_id, list_position)
);

-- Published results of earlier (or official final) elections, imported for comparison.
create table result_source (
    id            bigserial primary key,
    label         varchar(200) not null,
    election_kind varchar(32),
    election_date date,
    format        varchar(32)  not null,
    file_name     varchar(255) not null,
    sha256        char(64)     not null,
    election_id   bigint references election (id) on delete set null,
    imported_at   timestamp with time zone not null default current_timestamp,
    imported_by   varchar(64)  not null
);

create table result_record (
    id                 bigserial primary key,
    source_id          bigint      not null references result_source (id) on delete cascade,
    area_level         varchar(32) not null,
    area_key           varchar(40) not null,
    parent_key         varchar(40),
    name               varchar(200),
    postal             boolean     not null default false,
    eligible_no_card   bigint,
    eligible_with_card bigint,
    eligible_added     bigint,
    eligible           bigint,
    voters             bigint,
    voters_with_card   bigint,
    unique (source_id, area_level, area_key)
);

create table result_vote_total (
    record_id bigint      not null references result_record (id) on delete cascade,
    vote_kind varchar(16) not null,
    invalid   bigint,
    valid     bigint,
    primary key (record_id, vote_kind)
);

-- group_key: the nomination's short name where the file names it, else "#<ballot position>".
create table result_vote (
    record_id bigint       not null references result_record (id) on delete cascade,
    vote_kind varchar(16)  not null,
    group_key varchar(120) not null,
    votes     bigint,
    primary key (record_id, vote_kind, group_key)
);

-- The newest audit hash; its row lock serialises audit writers so the chain stays linear.
create table audit_head (
    id        integer primary key check (id = 1),
    last_hash char(64) not null
);
insert into audit_head (id, last_hash) values (1, '0000000000000000000000000000000000000000000000000000000000000000');

-- PostgreSQL-specific: the application may append to the audit log but never rewrite it.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
