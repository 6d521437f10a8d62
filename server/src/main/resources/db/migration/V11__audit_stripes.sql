-- The audit log as eight hash chains instead of one (ADR 0006). With one head row, every audited
-- transaction of the whole installation queued for that row's lock until its commit was on disk:
-- on election night about 250 commits per second at most. A transaction now appends to one of
-- eight chains, each linear under its own head row's lock; existing entries form chain 1.
alter table audit_head drop constraint audit_head_id_check;
alter table audit_head add constraint audit_head_chain check (id between 1 and 8);
insert into audit_head (id, last_hash)
select c, '0000000000000000000000000000000000000000000000000000000000000000' from generate_series(2, 8) c;

alter table audit_log add column chain smallint not null default 1 check (chain between 1 and 8);
create index audit_log_chain on audit_log (chain, id);
