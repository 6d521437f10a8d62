-- Entry's settings (two-person mode, thresholds, rehearsal) belong to the set-up that entry reads
-- for every report: a change of them raises the set-up version like any other (V13), so that
-- entry keeps them per version instead of reading them once per report (ADR 0009).
create constraint trigger setup_changed after insert or update or delete on entry_settings
    deferrable initially deferred for each row execute function bump_setup_version();
