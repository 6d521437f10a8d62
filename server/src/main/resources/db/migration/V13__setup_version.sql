-- The version of the election set-up (ADR 0009): election days, elections, areas and their
-- geometry, polling stations, districts and their areas, nominations and candidates. Entry reads
-- these several times for every report, and the public site for every round; they keep what they
-- read per version (SetupCache, PublicFactsSource) and check the version once, so that a changed
-- set-up is read anew and an unchanged one is not read at all.
create table setup_version (
    id    int primary key check (id = 1),
    value bigint not null
);
insert into setup_version values (1, 0);

-- Raises the version once per changing transaction, at its commit (the triggers below are
-- deferred): the new number becomes visible together with the change, never before it. A number
-- taken earlier (a sequence, or a trigger per statement) could be seen, and the old set-up cached
-- under it, before the change itself was visible. Taking the row only at commit also keeps the
-- changing transactions from waiting for each other any longer than their commit.
create function bump_setup_version() returns trigger language plpgsql as $$
begin
    if current_setting('wahlwerk.setup_version_raised', true) is distinct from 'on' then
        perform set_config('wahlwerk.setup_version_raised', 'on', true);
        update setup_version set value = value + 1 where id = 1;
    end if;
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['election_day', 'election', 'area', 'area_geometry', 'polling_station',
                             'reporting_unit', 'reporting_unit_area', 'nomination', 'candidate'] loop
        execute format('create constraint trigger setup_changed after insert or update or delete on %I '
                       'deferrable initially deferred for each row execute function bump_setup_version()', t);
    end loop;
end
$$;
