-- Electoral roll (Wählerverzeichnis) from the resident register (Melderegister).
-- Personal data lives only in register_resident and roll_entry; other features see counts.

-- The imported files of an election day (one register and one street index each; a new import replaces).
create table register_file (
    election_day_id bigint       not null references election_day (id) on delete cascade,
    kind            varchar(16)  not null check (kind in ('RESIDENTS', 'STREETS')),
    file_name       varchar(200) not null,
    sha256          char(64)     not null,
    rows_read       integer      not null,
    imported_at     timestamp with time zone not null default current_timestamp,
    imported_by     varchar(64)  not null,
    primary key (election_day_id, kind)
);

create table register_resident (
    id                bigserial primary key,
    election_day_id   bigint       not null references election_day (id) on delete cascade,
    register_id       varchar(40)  not null,
    family_name       varchar(200) not null,
    given_names       varchar(200) not null,
    birth_name        varchar(200),
    birth_date        date         not null,
    birth_date_text   varchar(10)  not null,
    sex               varchar(1),
    nationalities     varchar(100) not null,
    street            varchar(200) not null,
    house_number      integer      not null,
    house_suffix      varchar(4)   not null,
    postal_code       varchar(5)   not null,
    city              varchar(100) not null,
    moved_in          date         not null,
    moved_from_abroad boolean      not null,
    main_residence    boolean      not null,
    excluded          boolean      not null,
    source_line       bigint       not null,
    unique (election_day_id, register_id)
);

create table street_rule (
    id              bigserial primary key,
    election_day_id bigint       not null references election_day (id) on delete cascade,
    source_line     bigint       not null,
    street          varchar(200) not null,
    postal_code     varchar(5),
    from_number     integer,
    from_suffix     varchar(4),
    to_number       integer,
    to_suffix       varchar(4),
    parity          varchar(1)   not null check (parity in ('A', 'G', 'U')),
    unit_id         bigint       not null references reporting_unit (id) on delete cascade
);
create index street_rule_day on street_rule (election_day_id);

-- One roll per election: the rules it was built with.
create table roll (
    election_id   bigint primary key references election (id) on delete cascade,
    state         varchar(2)  not null,
    cutoff        date        not null,
    min_age       integer     not null,
    built_at      timestamp with time zone not null default current_timestamp,
    built_by      varchar(64) not null
);

-- Every resident's decision: eligible or the reasons against, the district or why there is none.
-- on_roll is the current state (eligible, assigned, and not struck by a change).
create table roll_entry (
    election_id   bigint      not null references roll (election_id) on delete cascade,
    resident_id   bigint      not null references register_resident (id) on delete cascade,
    eligible      boolean     not null,
    reasons       varchar(200) not null default '',
    unit_id       bigint references reporting_unit (id),
    assignment    varchar(32),
    rule_lines    varchar(100),
    on_roll       boolean     not null,
    polling_card  boolean     not null default false,
    primary key (election_id, resident_id)
);
create index roll_entry_unit on roll_entry (election_id, unit_id) where on_roll;

-- Changes after the cut-off: never silent, each with kind and reason (and an audit entry).
create table roll_change (
    id            bigserial primary key,
    election_id   bigint      not null references roll (election_id) on delete cascade,
    resident_id   bigint      not null references register_resident (id) on delete cascade,
    kind          varchar(24) not null check (kind in ('MOVED_AWAY', 'MOVED_WITHIN', 'DIED', 'OBJECTION_ADD',
                                                       'OBJECTION_REMOVE', 'ADDED_BY_DECISION')),
    reason        varchar(1000) not null,
    from_unit_id  bigint references reporting_unit (id),
    to_unit_id    bigint references reporting_unit (id),
    at            timestamp with time zone not null default current_timestamp,
    actor         varchar(64) not null
);
create index roll_change_election on roll_change (election_id);
