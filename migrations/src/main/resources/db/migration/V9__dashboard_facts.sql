-- What the dashboard lists and sorts 10,000 repositories by, kept on the row instead of being
-- recomputed per page view: workflow facts (written when the repository's unit commits) and open
-- finding counts by severity (refreshed then and at scan close). Scans keep their counts by
-- severity for the trend chart.
alter table repository add column workflow_count      integer;
alter table repository add column uses_self_hosted    boolean;
alter table repository add column privileged_triggers text;     -- comma-separated events, '' when none
alter table repository add column open_critical       integer not null default 0;
alter table repository add column open_high           integer not null default 0;
alter table repository add column open_medium         integer not null default 0;
alter table repository add column open_low            integer not null default 0;
alter table repository add column open_info           integer not null default 0;

-- The list's default order (most severe first), so a page is read from the index, not sorted.
create index repository_org_severity on repository
    (organization_id, open_critical desc, open_high desc, open_medium desc, open_low desc, full_name);

-- The findings explorer's order (most severe first, newest first): a page is read from this index.
create index finding_org_rank on finding (organization_id,
    (case severity when 'critical' then 4 when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end) desc, id desc);

alter table scan add column open_critical integer;
alter table scan add column open_high     integer;
alter table scan add column open_medium   integer;
alter table scan add column open_low      integer;
alter table scan add column open_info     integer;

-- Repository search ("name contains") from a trigram index where the server allows pg_trgm
-- (bundled with PostgreSQL, allowed on managed services); without it, search scans the rows.
do $$
begin
    create extension if not exists pg_trgm;
    execute 'create index repository_name_trgm on repository using gin (name gin_trgm_ops)';
exception when insufficient_privilege or undefined_file then
    raise notice 'pg_trgm unavailable (%); repository search will scan', sqlerrm;
end $$;
