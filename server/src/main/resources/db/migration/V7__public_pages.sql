-- Public pages (issue 6): area geometry for the maps, uploaded in setup as GeoJSON.
-- One row per area: the GeoJSON geometry (Polygon or MultiPolygon, WGS 84 longitude/latitude)
-- exactly as validated; replaced as a whole on every upload of the day's file.
create table area_geometry (
    area_id     bigint primary key references area (id) on delete cascade,
    geometry    text         not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamp with time zone not null default current_timestamp
);
