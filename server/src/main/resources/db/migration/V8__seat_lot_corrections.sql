-- Corrections of entered lots (a wrong order typed in, a wrong name or time, or a tie that changed
-- because later reports changed the votes). A lot row is never changed in substance or deleted:
-- a correction supersedes it and a new row records the corrected lot, pointing back to it. Only
-- rows without superseded_at are applied; at most one such row per election and decision key.
alter table seat_lot drop constraint seat_lot_election_id_decision_key_key;

alter table seat_lot
    add column corrects_id       bigint references seat_lot (id),
    add column correction_reason varchar(1000),
    add column superseded_at     timestamp with time zone,
    add column superseded_by     varchar(64),
    add constraint seat_lot_correction_has_reason
        check ((corrects_id is null) = (correction_reason is null)),
    add constraint seat_lot_superseded_complete
        check ((superseded_at is null) = (superseded_by is null));

create unique index seat_lot_current on seat_lot (election_id, decision_key) where superseded_at is null;
create unique index seat_lot_corrected_once on seat_lot (corrects_id) where corrects_id is not null;
