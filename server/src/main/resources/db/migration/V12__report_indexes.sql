-- Reports are looked up so that PostgreSQL's choice of index cannot make election night quadratic.
-- The night starts with an empty quick_report table, and the plans PostgreSQL makes then (and keeps
-- until the next ANALYZE, never where autovacuum is off) used the old index (election_id, unit_id,
-- status) for every lookup by election: the idempotency-key check and the catch-up of the confirmed
-- sums read every report of the election on every submission. In a replay of North
-- Rhine-Westphalia that was 870 blocks per call, growing with the night (docs/PERFORMANCE.md).

-- By unit first: a unit's history, and the district edit's "does this unit have reports" check
-- (which has no election to give), are exact look-ups. The key look-up is left with the unique
-- (election_id, idempotency_key) index as its only choice: the partial indexes below lead with
-- election_id too, but serve only statements that state their condition.
drop index quick_report_unit;
create index quick_report_unit on quick_report (unit_id, election_id, status);

-- The confirmations after the last one seen, in order: a range of the newest entries.
create index quick_report_confirmed on quick_report (election_id, confirmed_seq) where confirmed_seq is not null;

-- The approvers' work list (reports waiting for a decision), reloaded all night: the few pending
-- versions in order, not every report of the election (the old index held the status for that).
create index quick_report_pending on quick_report (election_id, id) where status = 'PENDING';
