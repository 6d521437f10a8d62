-- National scale (issue 7): a unit's ballot is read by its areas on every quick report.
create index nomination_area on nomination (area_id);
