-- Lots drawn for seat calculations (BWG § 5 Abs. 3, § 6 Abs. 3; municipal laws alike).
-- The software never draws: the responsible official or committee draws, and the drawn order is
-- entered here. One lot per election and decision key (the key the calculation names, e.g.
-- "wahlkreis:002" or "oberverteilung"); the ids follow in drawn order in seat_lot_entry.
create table seat_lot (
    id           bigserial primary key,
    election_id  bigint        not null references election (id) on delete cascade,
    decision_key varchar(200)  not null,
    drawn_by     varchar(200)  not null,
    drawn_at     timestamp with time zone not null,
    reason       varchar(1000) not null,
    recorded_by  varchar(64)   not null,
    recorded_at  timestamp with time zone not null default current_timestamp,
    unique (election_id, decision_key)
);

create table seat_lot_entry (
    lot_id       bigint       not null references seat_lot (id) on delete cascade,
    position     integer      not null check (position > 0),
    contender_id varchar(200) not null,
    primary key (lot_id, position),
    unique (lot_id, contender_id)
);
