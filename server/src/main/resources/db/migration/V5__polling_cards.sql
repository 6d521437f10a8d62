-- Polling notices (Wahlbenachrichtigung), polling-card requests (Wahlscheinantrag) and polling cards
-- (Wahlschein). Personal data, like the roll: only for administrators, every read audited.

-- The number printed on a voter's notice and carried by its QR link. Random, so that knowing one
-- number tells nothing about another; asked for together with the date of birth.
create table polling_notice (
    election_id bigint      not null references roll (election_id) on delete cascade,
    resident_id bigint      not null references register_resident (id) on delete cascade,
    number      varchar(12) not null unique,
    primary key (election_id, resident_id)
);

-- Every request as it arrived (§ 27 Abs. 1 und 3 BWO: in writing or electronically, with family name,
-- given names, date of birth and address), matched to the roll or not; the office decides.
create table polling_card_request (
    id            bigserial primary key,
    election_id   bigint       not null references election (id) on delete cascade,
    reference     varchar(16)  not null unique,
    channel       varchar(8)   not null check (channel in ('QR', 'FORM', 'OFFICE')),
    notice_number varchar(12),
    family_name   varchar(200) not null,
    given_names   varchar(200) not null,
    birth_date    date         not null,
    street        varchar(200) not null,
    house_number  varchar(10)  not null,
    postal_code   varchar(5)   not null,
    city          varchar(100) not null,
    mail_to       varchar(500),
    resident_id   bigint references register_resident (id) on delete set null,
    status        varchar(12)  not null check (status in ('RECEIVED', 'ISSUED', 'REJECTED')),
    reason        varchar(1000),
    received_at   timestamp with time zone not null default current_timestamp,
    decided_at    timestamp with time zone,
    decided_by    varchar(64)
);
create index polling_card_request_queue on polling_card_request (election_id, status, id);

-- A polling card. At most one valid card per person and election, whatever runs concurrently: the
-- partial unique index is the last word (a replaced card stays, invalid, for the list of invalid
-- cards the boards receive, § 28 Abs. 10 BWO). The roll must not be rebuilt under issued cards.
create table polling_card (
    id             bigserial primary key,
    election_id    bigint      not null references roll (election_id) on delete restrict,
    resident_id    bigint      not null references register_resident (id) on delete restrict,
    request_id     bigint references polling_card_request (id) on delete set null,
    valid          boolean     not null default true,
    replaces_id    bigint references polling_card (id) on delete restrict,
    invalid_reason varchar(1000),
    issued_at      timestamp with time zone not null default current_timestamp,
    issued_by      varchar(64) not null
);
create unique index polling_card_one_valid on polling_card (election_id, resident_id) where valid;
create index polling_card_election on polling_card (election_id, id);
